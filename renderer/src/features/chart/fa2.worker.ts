import { runFa2, type Fa2Input } from './fa2';

// The ForceAtlas2 layout off the UI thread: bundled by Vite as a same-origin file (the CSP's
// script-src 'self' covers workers). Cancelling is terminating the worker.

export type Fa2Message = { kind: 'progress'; done: number; total: number } | { kind: 'done'; positions: Float64Array };

self.onmessage = (e: MessageEvent<Fa2Input>) => {
  const positions = runFa2(e.data, (done, total) => {
    self.postMessage({ kind: 'progress', done, total } satisfies Fa2Message);
  });
  self.postMessage({ kind: 'done', positions } satisfies Fa2Message, { transfer: [positions.buffer] });
};
