import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts one of the core's own worker threads. `caller` is the spawning module's import.meta.url.
 * When the core runs from source (tests, tsx), the thread runs `source` (resolved next to the
 * caller) through tsx's ESM hooks. When it runs from the build, the thread runs dist/core/`built`
 * (esbuild entries in scripts/build.mjs): every bundle lives one folder below dist/.
 */
export function spawnCoreThread(caller: string, source: string, built: string, options: WorkerOptions = {}): Worker {
  if (caller.endsWith('.ts')) {
    const target = new URL(source, caller).href;
    const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { ...options, eval: true });
  }
  const file = new URL(`../core/${built}`, caller);
  if (!existsSync(fileURLToPath(file))) throw new Error(`worker thread missing: ${fileURLToPath(file)}`);
  return new Worker(file, options);
}
