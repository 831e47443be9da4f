import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CordonError } from '../../../shared/errors';
import { spawnCoreThread } from '../threads';
import type { BrandesGraph, SourceSet } from './brandes';
import { throwIfCancelled, type RunControl } from './control';
import { KERNELS, type Kernel, type KernelReply, type KernelTask } from './kernels';

// Runs Brandes (or harmonic closeness) across worker threads. Each thread takes every T-th source
// (interleaved, so that a graph whose heavy sources sit together — one big component listed
// first, nodes removed by the disruption simulator — still splits evenly), and the partial sums
// are added in thread order. Shares are fixed, not work-stealing, so a run gives the same bits
// every time whatever the timing — a result an analyst may have to reproduce for court.
//
// The threads are kept between runs: starting one costs ~50–150 ms of CPU (more on a loaded
// machine), which dominated small graphs and every step of a sequential disruption run on a large
// one. Idle threads are unref'd, so they never keep a CLI or a test process alive.

/** Below this much work (sources × (arcs + nodes)) the calling thread is faster than handing the
 * graph to threads (measured: 20M ≈ 0.1–0.2 s of Brandes here). */
const IN_THREAD_WORK = 20_000_000;

export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

function spawn(): Worker {
  return spawnCoreThread(import.meta.url, './worker.ts', 'analysis-worker.js');
}

/** Threads waiting for work. A thread that failed or was stopped mid-task is never put back. */
const idle: Worker[] = [];

function acquire(): Worker {
  const w = idle.pop() ?? spawn();
  w.removeAllListeners('exit');
  w.ref();
  return w;
}

function release(w: Worker): void {
  w.removeAllListeners('message');
  w.removeAllListeners('error');
  w.removeAllListeners('exit');
  if (idle.length >= defaultThreads()) {
    void w.terminate();
    return;
  }
  w.unref();
  // An idle thread that dies (it should not) leaves the pool.
  w.once('exit', () => {
    const at = idle.indexOf(w);
    if (at >= 0) idle.splice(at, 1);
  });
  idle.push(w);
}

/** Stops the kept threads (tests that count threads, a process about to exit). */
export async function closePool(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((w) => w.terminate()));
}

function sourceCount(sources: SourceSet, n: number): number {
  return 'list' in sources ? sources.list.length : Math.max(0, Math.min(n, sources.to) - sources.from);
}

/** Every `parts`-th source starting at the `part`-th. */
function share(sources: SourceSet, n: number, part: number, parts: number): SourceSet {
  const total = sourceCount(sources, n);
  const list = new Int32Array(Math.max(0, Math.ceil((total - part) / parts)));
  for (let k = part, i = 0; k < total; k += parts, i++) list[i] = 'list' in sources ? sources.list[k]! : sources.from + k;
  return { list };
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
  const busy: Worker[] = [];
  const results = new Array<Float64Array | undefined>(threads);
  let onAbort: (() => void) | undefined;
  try {
    const partials = await new Promise<Float64Array[]>((resolve, reject) => {
      const done = new Array<number>(threads).fill(0);
      let finished = 0;
      onAbort = () => reject(cancelled());
      ctl.signal?.addEventListener('abort', onAbort, { once: true });
      for (let p = 0; p < threads; p++) {
        const w = acquire();
        busy.push(w);
        w.on('message', (msg: KernelReply) => {
          if (msg.type === 'progress') {
            done[p] = msg.done;
            ctl.progress?.(done.reduce((a, b) => a + b, 0), total);
            return;
          }
          results[p] = msg.out;
          if (++finished === threads) resolve(results as Float64Array[]);
        });
        w.on('error', (err) => reject(err));
        w.on('exit', (code) => {
          if (results[p] === undefined) reject(ctl.signal?.aborted ? cancelled() : new Error(`analysis worker exited with code ${code}`));
        });
        w.postMessage({ kernel, graph: g, sources: share(sources, g.n, p, threads) } satisfies KernelTask);
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
    if (onAbort) ctl.signal?.removeEventListener('abort', onAbort);
    // Threads that delivered go back to the pool; the others (cancelled, failed) are stopped.
    await Promise.all(
      busy.map((w, p) => {
        if (results[p] !== undefined) {
          release(w);
          return undefined;
        }
        w.removeAllListeners();
        return w.terminate();
      }),
    );
  }
}

function cancelled(): CordonError {
  return new CordonError('CANCELLED', 'The analysis was cancelled; no result was produced.');
}
