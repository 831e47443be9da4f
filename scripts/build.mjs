// Builds every runtime of Cordon into dist/:
//   dist/renderer/        the UI (Vite), served from app:// in the app and by the e2e server in tests
//   dist/main/main.js     Electron main process (ESM)
//   dist/preload/preload.cjs  the sandboxed preload (must be CommonJS)
//   dist/core/worker.js   the core worker thread;  dist/core/cli.js  the `cordon` CLI
//   dist/bench/*.js       benchmarks
// `node scripts/build.mjs [renderer|node]` builds one half.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const what = process.argv[2] ?? 'all';
// The native SQLite module and electron are never bundled.
const external = ['better-sqlite3-multiple-ciphers', 'electron'];
// ESM bundles of CommonJS dependencies need a `require` of their own.
const banner = { js: "import { createRequire as __cordonRequire } from 'node:module'; const require = __cordonRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external };

if (what === 'all' || what === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
if (what === 'all' || what === 'node') {
  await build({
    ...common,
    format: 'esm',
    banner,
    outdir: 'dist',
    entryPoints: {
      'core/worker': 'electron/core/worker.ts',
      'core/cli': 'electron/core/cli.ts',
      'main/main': 'electron/main/main.ts',
      'bench/store': 'test/bench/store.ts',
      'bench/store-floor': 'test/bench/store-floor.ts',
      'bench/import': 'test/bench/import.ts',
      'bench/exchange': 'test/bench/exchange.ts',
      'bench/export': 'test/bench/export.ts',
      'bench/attach': 'test/bench/attach.ts',
      'bench/comms': 'test/bench/comms.ts',
      // Analysis worker threads (betweenness, closeness), spawned by electron/core/analysis/pool.ts.
      'core/analysis-worker': 'electron/core/analysis/worker.ts',
      // The WAL checkpointer thread of a case in bulk writes, spawned by electron/core/store/checkpointer.ts.
      'core/checkpoint-worker': 'electron/core/store/checkpoint-worker.ts',
      'bench/analysis': 'test/bench/analysis.ts',
    },
  });
  await build({ ...common, format: 'cjs', outfile: 'dist/preload/preload.cjs', entryPoints: ['electron/preload/preload.ts'] });
}
