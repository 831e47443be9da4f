import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from './audit';

/** What every store operation needs: the database, who is acting, and the audit log. */
export interface StoreContext {
  db: Database;
  bureau: string;
  actor: string;
  audit: AuditLog;
  newId(): string;
}

// uuid draws its random bytes 256 at a time: at a million new entities that is 62,500 calls into
// the system's random source, 1.7 µs an id in the store benchmark's profile. Ids here draw from a
// 16 KiB pool instead and keep uuid's own monotonic rule (RFC 9562 §6.2 method 1: a random 32-bit
// counter seeded each millisecond, incremented within it), so ids stay time-ordered and the id
// index stays append-only.
const POOL = 16 * 1024;
const pool = new Uint8Array(POOL);
let used = POOL;
const state = { msecs: -Infinity, seq: 0 };

function random16(): Uint8Array {
  if (used + 16 > POOL) {
    randomFillSync(pool);
    used = 0;
  }
  return pool.subarray(used, (used += 16));
}

/** A UUIDv7 string; exported for its test. */
export function pooledUuidv7(now: number = Date.now()): string {
  const random = random16();
  if (now > state.msecs) {
    state.seq = (random[6]! << 23) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}

/** `<bureau>-<uuidv7>` (DESIGN.md §3): time-ordered, and unique across bureaus. */
export function newEntityId(bureau: string): string {
  return `${bureau}-${pooledUuidv7()}`;
}
