#!/usr/bin/env node
// The `cordon` CLI. Built by `npm run build` into dist/core/cli.js.
import { existsSync } from 'node:fs';
const entry = new URL('../dist/core/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('cordon: not built yet; run `npm run build` in the Cordon folder first\n');
  process.exit(1);
}
await import(entry.href);
