import type { Database } from 'better-sqlite3-multiple-ciphers';
import { userInfo } from 'node:os';
import type { CaseInfo } from '../../../shared/case/dto';
import { mostRestrictive, type Tlp } from '../../../shared/grading';
import { AuditLog } from './audit';
import { CANONICAL_ONLY } from './canonical';
import { BulkMode } from './bulk-mode';
import { createCaseFile, openCaseFile, openCaseFileWith } from './case-file';
import type { KdfParams } from './keys';
import { newEntityId, type StoreContext } from './context';
import { EntityStore } from './entities';
import { TypeStore } from './case-types/type-store';

// An open case: the database, its identity, and the stores that work on it. Everything that
// writes goes through `write`, one transaction with its audit rows (an import through `bulk`).

export const DEFAULT_IDLE_LOCK_MINUTES = 15;

function localActor(bureau: string): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // Some sandboxes have no passwd entry; the bureau still identifies the workstation.
  }
  return `${bureau}/${user}`;
}

export class Case implements StoreContext {
  readonly audit: AuditLog;
  readonly entities: EntityStore;
  /** The case's own entity and link types, registered in the catalogue while the case is open. */
  readonly types: TypeStore;
  readonly bureau: string;
  readonly actor: string;
  readonly demo: boolean;

  /** Created by this process and no recovery key issued or declined yet: the one moment a recovery
   * key is given without asking for the passphrase again (it was just typed twice). */
  justCreated = false;

  /** Bulk writes (imports, bulk loads): see BulkMode. */
  readonly bulk: BulkMode;

  private constructor(
    readonly db: Database,
    readonly path: string,
    key: Buffer,
  ) {
    this.bulk = new BulkMode(db, path, key);
    this.audit = new AuditLog(db);
    this.bureau = this.meta('bureau') ?? 'XX';
    this.actor = localActor(this.bureau);
    this.demo = this.meta('demo') === '1';
    this.types = new TypeStore(this);
    this.entities = new EntityStore(this);
  }

  static async create(path: string, passphrase: string, opts: { name: string; bureau: string; demo?: boolean }): Promise<Case> {
    const opened = await createCaseFile(path, passphrase);
    const { randomUUID } = await import('node:crypto');
    const caseId = randomUUID();
    const set = opened.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    opened.db.transaction(() => {
      set.run('case_id', caseId);
      set.run('name', opts.name);
      set.run('bureau', opts.bureau);
      set.run('created_at', new Date().toISOString());
      set.run('kdf', JSON.stringify({ ...opened.kdf, salt: undefined }));
      set.run('idle_lock_minutes', String(DEFAULT_IDLE_LOCK_MINUTES));
      if (opts.demo) set.run('demo', '1');
    })();
    const c = new Case(opened.db, path, opened.key);
    c.write(() => c.audit.append({ actor: c.actor, action: 'case.create', target: caseId, detail: { name: opts.name, bureau: opts.bureau } }));
    c.justCreated = true;
    return c;
  }

  static async open(path: string, passphrase: string): Promise<Case> {
    return Case.adoptOpened(await openCaseFile(path, passphrase));
  }

  /** Opens with a raw cipher key given for the file's KDF parameters (a recovery key, a rekey). */
  static async openWithKey(path: string, keyFor: (kdf: KdfParams) => Promise<Buffer>): Promise<Case> {
    return Case.adoptOpened(await openCaseFileWith(path, keyFor));
  }

  private static adoptOpened(opened: { db: Database; path: string; key: Buffer }): Case {
    const path = opened.path;
    const c = new Case(opened.db, path, opened.key);
    try {
      c.write(() => c.audit.append({ actor: c.actor, action: 'case.open', target: c.meta('case_id') ?? null }));
    } catch (err) {
      // A damaged page met by the open's own audit row: not left open behind the error.
      try {
        c.close();
      } catch {
        // closing a damaged file can fail too; the connection is gone either way
      }
      throw err;
    }
    return c;
  }

  newId(): string {
    return newEntityId(this.bureau);
  }

  meta(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** One transaction: the change and its audit rows commit together or not at all. */
  write<T>(fn: () => T): T {
    // Any change after creation ends the moment a recovery key is given without the passphrase.
    this.justCreated = false;
    return this.db.transaction(fn)();
  }

  get idleLockMinutes(): number {
    return Number(this.meta('idle_lock_minutes') ?? DEFAULT_IDLE_LOCK_MINUTES);
  }

  info(): CaseInfo {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const gradings = this.db.prepare('SELECT DISTINCT handling, tlp FROM sources').all() as Array<{ handling: string | null; tlp: Tlp | null }>;
    const banner = mostRestrictive(gradings.map((g) => ({ handling: g.handling ?? undefined, tlp: g.tlp ?? undefined })));
    return {
      caseId: this.meta('case_id') ?? '',
      name: this.meta('name') ?? '',
      bureau: this.bureau,
      path: this.path,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      createdAt: this.meta('created_at') ?? '',
      entities: count(`SELECT count(*) FROM entities WHERE deleted = 0 AND is_link = 0 AND ${CANONICAL_ONLY}`),
      links: count('SELECT count(*) FROM entities WHERE deleted = 0 AND is_link = 1'),
      sources: count('SELECT count(*) FROM sources'),
      statements: count('SELECT count(*) FROM statement_rows WHERE retracted = 0'),
      idleLockMinutes: this.idleLockMinutes,
      handling: banner.handling,
      tlp: banner.tlp,
      demo: this.demo,
      locked: false,
    };
  }

  close(): void {
    // The checkpointer's connection closes first, so this one is the last and removes the WAL.
    this.bulk.close();
    this.types.dispose();
    if (this.db.open) this.db.close();
  }
}
