import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CordonError } from '../../../shared/errors';
import type { BrandesGraph, SourceSet } from './brandes';
import { throwIfCancelled, type RunControl } from './control';
import { KERNELS, type Kernel, type KernelReply, type KernelTask } from './kernels';

// Runs Brandes across worker threads, one contiguous share of the sources each. Shares are fixed
// (not work-stealing) and the partial sums are added in share order, so a run gives the same bits
// every time whatever the timing — a result an analyst may have to reproduce for court.

/** Below this much work (sources × arcs) threads cost more to start than they save. */
const IN_THREAD_WORK = 4_000_000;

export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The worker entry: the built file next to the core bundle, or the TypeScript source when the
 * core itself runs from source (tests, tsx), loaded through tsx's ESM hooks. */
function spawn(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./worker.ts', here).href;
    const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true });
  }
  const built = new URL('../core/analysis-worker.js', here);
  if (!existsSync(fileURLToPath(built))) throw new Error(`analysis worker missing: ${fileURLToPath(built)}`);
  return new Worker(built);
}

function sourceCount(sources: SourceSet, n: number): number {
  return 'list' in sources ? sources.list.length : Math.min(n, sources.to) - sources.from;
}

function share(sources: SourceSet, part: number, parts: number): SourceSet {
  if ('list' in sources) {
    const len = sources.list.length;
    return { list: sources.list.slice(Math.floor((len * part) / parts), Math.floor((len * (part + 1)) / parts)) };
  }
  const len = sources.to - sources.from;
  return { from: sources.from + Math.floor((len * part) / parts), to: sources.from + Math.floor((len * (part + 1)) / parts) };
}

/** Raw Brandes sums over the given sources (see runParallel for `threads`). */
export function brandesParallel(g: BrandesGraph, sources: SourceSet, ctl: RunControl = {}, threads?: number): Promise<Float64Array> {
  return runParallel('brandes', g, sources, ctl, threads);
}

/** Runs a kernel over the sources, split across threads; per-node results summed in share order.
 * `threads` absent: every core, or the calling thread alone when the work is small; 1: the
 * calling thread; more: that many workers whatever the size. */
export async function runParallel(kernel: Kernel, g: BrandesGraph, sources: SourceSet, ctl: RunControl = {}, threadsAsked?: number): Promise<Float64Array> {
  throwIfCancelled(ctl);
  const total = sourceCount(sources, g.n);
  const work = total * (g.outAdj.length + g.n);
  const threads = Math.max(1, Math.min(threadsAsked ?? (work < IN_THREAD_WORK ? 1 : defaultThreads()), Math.floor(total / 2)));
  if (threads <= 1) {
    const out = new Float64Array(g.n);
    KERNELS[kernel](g, sources, out, (done) => ctl.progress?.(done, total));
    throwIfCancelled(ctl);
    return out;
  }
  const workers: Worker[] = [];
  const done = new Array<number>(threads).fill(0);
  try {
    const partials = await new Promise<Float64Array[]>((resolve, reject) => {
      const results = new Array<Float64Array | undefined>(threads);
      let finished = 0;
      const onAbort = () => reject(cancelled());
      ctl.signal?.addEventListener('abort', onAbort, { once: true });
      for (let p = 0; p < threads; p++) {
        const w = spawn();
        workers.push(w);
        w.on('message', (msg: KernelReply) => {
          if (msg.type === 'progress') {
            done[p] = msg.done;
            ctl.progress?.(done.reduce((a, b) => a + b, 0), total);
            return;
          }
          results[p] = msg.out;
          if (++finished === threads) {
            ctl.signal?.removeEventListener('abort', onAbort);
            resolve(results as Float64Array[]);
          }
        });
        w.on('error', (err) => reject(err));
        w.on('exit', (code) => {
          if (results[p] === undefined) reject(ctl.signal?.aborted ? cancelled() : new Error(`analysis worker exited with code ${code}`));
        });
        w.postMessage({ kernel, graph: g, sources: share(sources, p, threads) } satisfies KernelTask);
      }
    });
    const out = partials[0]!;
    for (let p = 1; p < partials.length; p++) {
      const part = partials[p]!;
      for (let i = 0; i < out.length; i++) out[i]! += part[i]!;
    }
    ctl.progress?.(total, total);
    return out;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function cancelled(): CordonError {
  return new CordonError('CANCELLED', 'The analysis was cancelled; no result was produced.');
}
