import type { Database } from 'better-sqlite3-multiple-ciphers';
import { totalmem } from 'node:os';
import { CordonError } from '../../../shared/errors';
import { CACHE_KIB } from './case-file';
import { Checkpointer, STATE } from './checkpointer';
import { zero } from './keys';

// A bulk write (an import, a bulk load) is one transaction (BEGIN IMMEDIATE … COMMIT) in which the
// connection works differently, and end() puts it back:
// - SQLite's per-row foreign-key checks are off. Bulk rows go through the store's BulkWriter, and
//   every reference it writes is a rid it handed out in this transaction or one read from the case
//   in it (link endpoints are looked up and must be live, sources by requireSourceRid), so the
//   checks only repeated those lookups: a tenth of a million-entity load (measured by
//   bench:store-floor). The bulk and import tests run `PRAGMA foreign_key_check` after each one.
// - The page cache may grow to bulkCacheKiB() (allocated as used, given back at the end). A load
//   looks up link endpoints by id and inserts in name order into the list indexes and in endpoint
//   order into the link indexes: all over a big case. With the normal 256 MiB, bench:store's
//   links went from 20,602/s to 14,506/s at a million entities (a cache miss in an encrypted case
//   is a page read and a decryption).
// - For a large bulk write, the WAL is checkpointed by a second connection in its own thread
//   (checkpointer.ts), started by the first large one and kept until the case closes. A small one
//   does not start it: the thread's start-up would cost more than the checkpoints it saves.

export interface BulkOptions {
  /** Big enough (a large import file, a bulk load) to be worth the checkpointer thread. */
  large?: boolean;
}

/** A sixteenth of the machine's memory, between the normal cache and 1 GiB. */
export function bulkCacheKiB(total = totalmem()): number {
  return Math.max(CACHE_KIB, Math.min(1024 * 1024, Math.floor(total / 16 / 1024)));
}

export class BulkMode {
  private checkpointer: Checkpointer | null = null;
  /** Set once the checkpointer failed: SQLite's own checkpoints stay on from then. */
  private checkpointerFailed = false;

  constructor(
    private readonly db: Database,
    private readonly path: string,
    /** The raw key (null for an unencrypted database); owned here and zeroed by close(). */
    private key: Buffer | null,
  ) {}

  begin(opts: BulkOptions = {}): void {
    if (this.db.inTransaction) throw new CordonError('INTERNAL', 'a bulk write cannot start inside a transaction');
    if (opts.large) this.startCheckpointer();
    if (this.checkpointer) this.catchUp();
    // PRAGMA foreign_keys is a no-op inside a transaction: it must change before BEGIN.
    this.db.pragma('foreign_keys = OFF');
    this.db.pragma(`cache_size = -${bulkCacheKiB()}`);
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      this.restore();
      throw err;
    }
  }

  end(commit: boolean): void {
    try {
      if (this.db.inTransaction) this.db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    } catch (err) {
      // A failed COMMIT leaves the transaction open: nothing of it may stay.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.restore();
    }
  }

  write<T>(fn: () => T, opts: BulkOptions = {}): T {
    this.begin(opts);
    let result: T;
    try {
      result = fn();
    } catch (err) {
      this.end(false);
      throw err;
    }
    this.end(true);
    return result;
  }

  /** Whether a checkpointer thread copies the WAL now (for tests and benchmarks). */
  get checkpointing(): boolean {
    return this.checkpointer?.state === STATE.running;
  }

  /** Checkpoints the thread has run so far. */
  get checkpoints(): number {
    return this.checkpointer?.checkpoints ?? 0;
  }

  /** A copy of the raw key, for a backup's or a rekey's own connection (the caller zeroes it). */
  keyCopy(): Buffer | null {
    return this.key ? Buffer.from(this.key) : null;
  }

  /** Stops the checkpointer (waiting for its connection to close) and zeroes the key. */
  close(): void {
    this.checkpointer?.stop();
    this.checkpointer = null;
    zero(this.key);
    this.key = null;
  }

  /**
   * SQLite starts the WAL over only when a write begins after a checkpoint that copied all of it.
   * Writes that follow each other at once never leave the thread that moment, and the WAL then
   * grows to the size of the whole load (2.9 GB over a 1.6 GB case at a million entities). So a
   * bulk write first copies whatever the thread has not (usually the last commit's tail); its
   * first page then restarts the WAL, which journal_size_limit cuts back.
   */
  private catchUp(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  private restore(): void {
    if (!this.db.open) return;
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`cache_size = -${CACHE_KIB}`);
  }

  private startCheckpointer(): void {
    if (this.checkpointer || this.checkpointerFailed || this.db.memory) return;
    try {
      const c = new Checkpointer(this.path, this.key ? Buffer.from(this.key) : null, () => this.checkpointerEnded());
      // Automatic checkpoints go off only once the thread has its connection (blocking for at most
      // the thread's start-up, a fraction of any bulk write).
      if (!c.waitRunning()) {
        c.stop();
        this.checkpointerEnded();
        return;
      }
      this.checkpointer = c;
      this.db.pragma('wal_autocheckpoint = 0');
    } catch {
      this.checkpointerEnded();
    }
  }

  /** The thread failed or stopped on its own: SQLite checkpoints on commit again. */
  private checkpointerEnded(): void {
    this.checkpointer = null;
    this.checkpointerFailed = true;
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
