import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventName, EventPayload } from '../../shared/api';
import type { CaseInfo, RecentCase } from '../../shared/case/dto';
import { CordonError } from '../../shared/errors';
import { Jobs } from './jobs';
import { Case } from './store/case';

// The core's state between calls: the open case (if any), the lock, and the recent list.

export interface CoreConfig {
  /** Where the core keeps its own files: the demo case and the recent list. */
  dataDir: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** For tests of the idle lock: the clock. */
  now?: () => number;
}

const RECENT_MAX = 10;

export class Session {
  private current: Case | null = null;
  /** Set while locked: the case stays "open" for the UI, but its key is gone. */
  private lockedPath: string | null = null;
  /** What the UI may still show while locked (the name on the lock screen): no case content. */
  private lockedInfo: CaseInfo | null = null;
  private lastActivity: number;
  /** The core's clock (a test can set it). */
  readonly now: () => number;
  readonly jobs: Jobs;

  constructor(private readonly config: CoreConfig) {
    this.jobs = new Jobs(config.emit);
    this.now = config.now ?? Date.now;
    this.lastActivity = this.now();
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  }

  touch(): void {
    this.lastActivity = this.now();
  }

  /** The open, unlocked case; or the right error. */
  get case(): Case {
    if (this.current) return this.current;
    if (this.lockedPath) throw new CordonError('LOCKED', 'The case is locked. Unlock it with its passphrase.');
    throw new CordonError('NO_CASE_OPEN', 'No case is open.');
  }

  get openCase(): Case | null {
    return this.current;
  }

  get isLocked(): boolean {
    return this.lockedPath !== null;
  }

  /** The open case's info; while locked, the snapshot taken when it was locked. */
  info(): CaseInfo | null {
    if (this.current) return this.current.info();
    return this.lockedInfo;
  }

  /**
   * Opens a case with `open` and makes it the session's. `open` is called only once the session is
   * known to have no case: started before the check, a refused second create would go on to write
   * its file and leave its connection open.
   */
  async adopt(open: () => Promise<Case>): Promise<Case> {
    if (this.current || this.lockedPath) throw new CordonError('CASE_ALREADY_OPEN', 'Close the open case first.');
    const c = await open();
    // Another open may have won the race while this one derived its key.
    if (this.current || this.lockedPath) {
      c.close();
      throw new CordonError('CASE_ALREADY_OPEN', 'Close the open case first.');
    }
    this.current = c;
    this.touch();
    this.remember(c.path);
    return c;
  }

  close(): void {
    // A damaged case can fail even to close (its last checkpoint reads a bad page): it is dropped all the same.
    try {
      this.current?.close();
    } finally {
      this.current = null;
      this.lockedPath = null;
      this.lockedInfo = null;
      this.config.emit('closed', {});
    }
  }

  /**
   * Closes the open case's connection, runs `swap` on its file while nothing holds it (a rekey
   * renaming a re-encrypted copy over it), then opens it again with `open`; if `swap` fails the
   * case is opened again with `reopenOld`. The UI sees no close: the same case stays open.
   */
  async reopen(swap: (path: string) => void, open: (path: string) => Promise<Case>, reopenOld: (path: string) => Promise<Case>): Promise<Case> {
    const c = this.case;
    c.close();
    this.current = null;
    try {
      swap(c.path);
    } catch (err) {
      this.current = await reopenOld(c.path);
      throw err;
    }
    this.current = await open(c.path);
    this.touch();
    return this.current;
  }

  lock(reason: 'idle' | 'user'): void {
    const c = this.case;
    c.write(() => c.audit.append({ actor: c.actor, action: 'case.lock', detail: { reason } }));
    this.lockedInfo = { ...c.info(), locked: true };
    // Closing the connection is what drops the key: SQLite3MC wipes its cipher context on close.
    c.close();
    this.lockedPath = c.path;
    this.current = null;
    this.config.emit('locked', { reason });
  }

  async unlock(passphrase: string): Promise<Case> {
    if (!this.lockedPath) {
      if (this.current) return this.current;
      throw new CordonError('NO_CASE_OPEN', 'No case is open.');
    }
    const c = await Case.open(this.lockedPath, passphrase);
    this.current = c;
    this.lockedPath = null;
    this.lockedInfo = null;
    this.touch();
    return c;
  }

  /** Called on a timer: locks the case when it has been idle for its setting's minutes. */
  checkIdle(): boolean {
    const c = this.current;
    if (!c) return false;
    if (this.now() - this.lastActivity >= c.idleLockMinutes * 60_000) {
      this.lock('idle');
      return true;
    }
    return false;
  }

  private get recentFile(): string {
    return join(this.config.dataDir, 'recent.json');
  }

  recent(): RecentCase[] {
    try {
      const list = JSON.parse(readFileSync(this.recentFile, 'utf8')) as Array<{ path: string; openedAt: string }>;
      return list.filter((r) => typeof r.path === 'string').map((r) => ({ ...r, exists: existsSync(r.path) }));
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const full = resolve(path);
    const list = [{ path: full, openedAt: new Date(this.now()).toISOString() }, ...this.recent().filter((r) => r.path !== full)]
      .slice(0, RECENT_MAX)
      .map(({ path: p, openedAt }) => ({ path: p, openedAt }));
    const tmp = `${this.recentFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(list, null, 2), { mode: 0o600 });
    renameSync(tmp, this.recentFile);
  }

  get dataDir(): string {
    return this.config.dataDir;
  }
}
