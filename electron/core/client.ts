import { Worker } from 'node:worker_threads';
import type { CallResult, EventName, EventPayload, Method } from '../../shared/api';
import type { WorkerData } from './worker';

// The main process's handle on the core worker.

export interface CoreClient {
  call(method: unknown, input: unknown): Promise<CallResult<Method>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  terminate(): Promise<void>;
}

export function startCoreWorker(workerFile: string | URL, data: WorkerData, execArgv: string[] = []): CoreClient {
  const worker = new Worker(workerFile, { workerData: data, execArgv });
  let nextId = 1;
  const pending = new Map<number, (r: CallResult<Method>) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  worker.on('message', (msg: { type: 'result'; id: number; result: CallResult<Method> } | { type: 'event'; event: string; payload: unknown }) => {
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else {
      listeners.get(msg.event)?.forEach((l) => l(msg.payload));
    }
  });
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };
  let stopped: string | null = null;
  worker.on('error', () => {
    stopped = 'The core stopped unexpectedly.';
    failAll(stopped);
  });
  worker.on('exit', () => {
    stopped ??= 'The core has stopped.';
    failAll(stopped);
  });
  return {
    call(method, input) {
      if (stopped) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: stopped } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, method, input });
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    async terminate() {
      worker.postMessage({ type: 'dispose' });
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => void worker.terminate().then(() => resolve()), 2000);
        worker.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}
