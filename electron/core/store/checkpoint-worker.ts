import Database from 'better-sqlite3-multiple-ciphers';
import { workerData } from 'node:worker_threads';
import { applyCipher } from './case-file';
import { CONTROL, STATE, type CheckpointerData } from './checkpointer';
import { zero } from './keys';
import { resolveNativeBinding } from './native';

// The checkpointer thread (checkpointer.ts): a second connection to the case that copies the WAL
// into the database file with PASSIVE checkpoints, which never block the writer. It runs without
// an event loop: it sleeps in Atomics.wait on the stop word, so Case.close can stop it and wait for
// its connection to close without returning to its own event loop.

const data = workerData as CheckpointerData;
const { path, control } = data;
// Structured cloning hands the key over as a plain Uint8Array: view it as a Buffer again (no copy).
const key = data.key ? Buffer.from(data.key.buffer, data.key.byteOffset, data.key.byteLength) : null;
const ctl = new Int32Array(control);

function signal(state: number): void {
  Atomics.store(ctl, CONTROL.state, state);
  Atomics.notify(ctl, CONTROL.state);
}

let db: Database.Database;
try {
  db = new Database(path, { fileMustExist: true, nativeBinding: resolveNativeBinding() });
  if (key) applyCipher(db, null, key);
  db.pragma('synchronous = NORMAL');
  // It only copies pages: a small cache is enough, and it must never checkpoint on its own commits.
  db.pragma('cache_size = -8192');
  db.pragma('wal_autocheckpoint = 0');
} catch (err) {
  signal(STATE.failed);
  throw err;
} finally {
  zero(key);
}
signal(STATE.running);
try {
  while (Atomics.load(ctl, CONTROL.stop) === 0) {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    Atomics.add(ctl, CONTROL.checkpoints, 1);
    // Behind: frames were committed while it copied (a bulk write is going on); look again soon.
    const behind = r !== undefined && r.log > r.checkpointed;
    Atomics.wait(ctl, CONTROL.stop, 0, behind ? 5 : 100);
  }
} finally {
  db.close();
  signal(STATE.closed);
}
