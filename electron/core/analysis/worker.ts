import { parentPort } from 'node:worker_threads';
import { KERNELS, type KernelReply, type KernelTask } from './kernels';

// An analysis worker thread: runs a kernel (Brandes, or harmonic closeness) over its share of the
// sources and sends back its partial sums, then waits for the next task (pool.ts keeps threads
// between runs). It reports progress at most every 100 ms; it is cancelled by being terminated
// (its partial sums are then simply never read).

if (!parentPort) throw new Error('analysis/worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (task: KernelTask) => {
  const out = new Float64Array(task.graph.n);
  let last = 0;
  KERNELS[task.kernel](task.graph, task.sources, out, (done) => {
    const now = Date.now();
    if (now - last >= 100) {
      last = now;
      port.postMessage({ type: 'progress', done } satisfies KernelReply);
    }
  });
  port.postMessage({ type: 'done', out } satisfies KernelReply, [out.buffer]);
});
