import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from './runtime';

// The core worker thread: owns the case database so that no query ever blocks the main process.
// Messages: {type:'call', id, method, input} in; {type:'result', id, result} and
// {type:'event', event, payload} out.

export interface WorkerData {
  dataDir: string;
}

if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;
const { dataDir } = workerData as WorkerData;
const core = createCore({
  dataDir,
  emit: (event, payload) => port.postMessage({ type: 'event', event, payload }),
});

port.on('message', (msg: { type: 'call'; id: number; method: unknown; input: unknown } | { type: 'dispose' }) => {
  if (msg.type === 'dispose') {
    core.dispose();
    port.close();
    return;
  }
  void core.call(msg.method, msg.input).then((result) => port.postMessage({ type: 'result', id: msg.id, result }));
});
