import type { Worker } from 'node:worker_threads';
import { spawnCoreThread } from '../threads';

// Checkpoints a case's WAL from a second connection in its own thread (checkpoint-worker.ts), so
// the thread that writes never stops to copy its pages into the database file. In an encrypted
// case that copy decrypts every WAL frame and encrypts it again: with SQLite's automatic
// checkpoints it was a sixth of a million-entity bulk load, and the whole COMMIT-time pause of a
// big import. A machine has two cores at least, and the writer uses one.
//
// The writer's connection turns its automatic checkpoints off only once this thread runs, and back
// on if it stops or fails, so the WAL is always checkpointed by one or the other. Closing the case
// stops the thread first and waits (at most STOP_WAIT_MS) for its connection to close, so that the
// writer's connection closes last and removes the WAL as SQLite does.

/** Slots of the shared control words. */
export const CONTROL = { stop: 0, state: 1, checkpoints: 2 } as const;
export const STATE = { starting: 0, running: 1, closed: 2, failed: 3 } as const;

export interface CheckpointerData {
  path: string;
  /** The raw key (the thread zeroes its copy once applied); null for an unencrypted database. */
  key: Buffer | null;
  control: SharedArrayBuffer;
}

const STOP_WAIT_MS = 10_000;

export class Checkpointer {
  private readonly ctl: Int32Array;
  private readonly worker: Worker;
  private ended = false;

  /** Starts the thread; `onEnd` runs (once) if it fails or exits before stop(). */
  constructor(path: string, key: Buffer | null, onEnd: (err: unknown) => void) {
    const control = new SharedArrayBuffer(4 * 3);
    this.ctl = new Int32Array(control);
    const data: CheckpointerData = { path, key, control };
    this.worker = spawnCoreThread(import.meta.url, './checkpoint-worker.ts', 'checkpoint-worker.js', { workerData: data });
    // The thread must never keep a CLI or a test process alive.
    this.worker.unref();
    const end = (err: unknown) => {
      if (this.ended) return;
      this.ended = true;
      onEnd(err);
    };
    this.worker.once('error', end);
    this.worker.once('exit', (code) => end(new Error(`checkpointer exited with code ${code}`)));
  }

  get state(): number {
    return Atomics.load(this.ctl, CONTROL.state);
  }

  /** Checkpoints it has run (for tests and benchmarks). */
  get checkpoints(): number {
    return Atomics.load(this.ctl, CONTROL.checkpoints);
  }

  /** Waits (blocking, at most timeoutMs) until the thread has its connection open or failed. */
  waitRunning(timeoutMs = STOP_WAIT_MS): boolean {
    const until = Date.now() + timeoutMs;
    let s = this.state;
    while (s === STATE.starting && Date.now() < until) {
      Atomics.wait(this.ctl, CONTROL.state, s, until - Date.now());
      s = this.state;
    }
    return s === STATE.running;
  }

  /** Stops the thread and waits for its connection to close; returns false if it did not in time. */
  stop(): boolean {
    this.ended = true;
    Atomics.store(this.ctl, CONTROL.stop, 1);
    Atomics.notify(this.ctl, CONTROL.stop);
    const until = Date.now() + STOP_WAIT_MS;
    let s = this.state;
    // A thread still starting sees the stop word before its first checkpoint; no need to wait for it.
    while (s === STATE.running && Date.now() < until) {
      Atomics.wait(this.ctl, CONTROL.state, s, until - Date.now());
      s = this.state;
    }
    void this.worker.terminate();
    return s !== STATE.running;
  }
}
