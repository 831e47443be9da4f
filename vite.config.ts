import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { logicalCss } from './scripts/logical-css';

// The renderer build. `base: './'` keeps every asset URL relative, so the same bundle works from
// app:// in Electron and from the e2e test server; nothing is inlined into index.html because the
// CSP (DESIGN.md §7) allows scripts and styles from 'self' only.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Blueprint's physical sides made logical, so its components mirror in Arabic (scripts/logical-css.ts).
  css: { postcss: { plugins: [logicalCss(/@blueprintjs[\\/]core[\\/]lib[\\/]css/)] } },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Keep assets as files rather than data: URLs (the CSP allows data: for images only).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
