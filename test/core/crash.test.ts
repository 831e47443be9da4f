// A process killed (SIGKILL) in the middle of a large write transaction, or right after its
// COMMIT returned: reopening gives an intact case (integrity_check ok) with the transaction either
// fully absent (killed before COMMIT) or fully there (killed after), and earlier data untouched.
// The writer is a real child process (store-child.ts), killed while it holds the transaction open.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Case } from '../../electron/core/store/case';
import { searchEntities } from '../../electron/core/store/search';
import { tempDir } from './helpers';

const PASSPHRASE = 'crash test: tr0mbone-Quokka';
const CHILD = join(import.meta.dirname, 'fixtures-scripts/store-child.ts');
const ROOT = join(import.meta.dirname, '../..');
/** 70,000 people × 3 statements = 210,000 statements in ONE transaction. */
const LARGE_ENTITIES = 70_000;
const EARLIER = 500;

interface Child {
  proc: ChildProcess;
  /** Resolves with the first stdout line that starts with `prefix`. */
  line(prefix: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

function startChild(mode: string, path: string, env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, path], {
    cwd: ROOT,
    env: { ...process.env, CORDON_TEST_PASSPHRASE: PASSPHRASE, CORDON_TEST_LARGE_ENTITIES: String(LARGE_ENTITIES), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<{ prefix: string; resolve: (l: string) => void }> = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const l = out.slice(0, nl);
      out = out.slice(nl + 1);
      for (const w of waiters.splice(0).filter((x) => (l.startsWith(x.prefix) ? (x.resolve(l), false) : true))) waiters.push(w);
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return {
    proc,
    exited,
    stderr: () => err,
    line: (prefix) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ prefix, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`child exited (${code ?? signal}) before "${prefix}": ${err}`)));
      }),
  };
}

/** A case with EARLIER committed people and links, and their statement count. */
async function caseWithEarlierData(dir: string): Promise<{ path: string; earlierIds: string[]; statements: number; audit: number }> {
  const path = join(dir, 'crash.cordon');
  const c = await Case.create(path, PASSPHRASE, { name: 'Crash', bureau: 'IT' });
  const earlierIds = c.write(() =>
    c.entities
      .createEntities(
        Array.from({ length: EARLIER }, (_, i) => ({
          schema: 'Person',
          properties: { name: [`Früher Eingetragen ${i}`], idNumber: [`EARLY-${i}`] },
        })),
      )
      .map((r) => r.id),
  );
  c.write(() => {
    for (let i = 0; i + 1 < EARLIER; i += 2) c.entities.createLink({ schema: 'Associate', from: earlierIds[i]!, to: earlierIds[i + 1]!, properties: {} });
  });
  const statements = c.db.prepare('SELECT count(*) FROM statements').pluck().get() as number;
  const audit = c.db.prepare('SELECT count(*) FROM audit').pluck().get() as number;
  c.close();
  return { path, earlierIds, statements, audit };
}

function counts(c: Case) {
  const n = (sql: string) => c.db.prepare(sql).pluck().get() as number;
  return {
    statements: n('SELECT count(*) FROM statements'),
    people: n("SELECT count(*) FROM entities WHERE schema = 'Person'"),
    large: n("SELECT count(*) FROM entities WHERE caption LIKE 'Grossetransaktion Person %'"),
    largeStatements: n("SELECT count(*) FROM statements WHERE entity_id IN (SELECT id FROM entities WHERE caption LIKE 'Grossetransaktion Person %')"),
    searchRows: n('SELECT count(*) FROM entity_search'),
    links: n('SELECT count(*) FROM links'),
    largeAudit: n("SELECT count(*) FROM audit WHERE action = 'test.large-write'"),
  };
}

async function reopenAndCheck(path: string, earlierIds: string[]) {
  const c = await Case.open(path, PASSPHRASE);
  try {
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(c.db.pragma('foreign_key_check')).toEqual([]);
    // The full-text index agrees with its content table.
    expect(() => c.db.prepare("INSERT INTO entity_search(entity_search) VALUES ('integrity-check')").run()).not.toThrow();
    expect(c.audit.verify().ok).toBe(true);
    // Earlier committed data is intact, and still found by search.
    for (const i of [0, 1, 137, EARLIER - 1]) {
      const e = c.entities.get(earlierIds[i]!);
      expect(e.properties.name?.[0]?.value).toBe(`Früher Eingetragen ${i}`);
      expect(e.properties.idNumber?.[0]?.value).toBe(`EARLY-${i}`);
    }
    expect(searchEntities(c.db, 'fruher eingetragen 137', 5).map((r) => r.id)).toContain(earlierIds[137]);
    return { counts: counts(c), search: searchEntities(c.db, 'grossetransaktion person 12345', 5) };
  } finally {
    c.close();
  }
}

describe('a process killed during a large write transaction', () => {
  // spill: how much the WAL must have grown by the kill for the variant to test what it says.
  const variants: Array<{ name: string; env: Record<string, string>; spill: number }> = [
    { name: 'with the product page cache', env: {}, spill: 0 },
    // 2 MiB of cache: the uncommitted pages spill into the WAL file before the kill.
    { name: 'with a small page cache (uncommitted pages spill into the WAL)', env: { CORDON_TEST_CACHE_KIB: '2048' }, spill: 4 * 1024 * 1024 },
  ];
  for (const variant of variants) {
    it(`killed mid-transaction ${variant.name}: intact, the transaction fully absent`, { timeout: 180_000 }, async () => {
      const dir = tempDir();
      const { path, earlierIds, statements, audit } = await caseWithEarlierData(dir);
      const walBefore = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
      const child = startChild('crash-mid', path, variant.env);
      const mid = await child.line('MID ');
      // The child is inside its transaction, with statements written and more to come.
      expect(Number(mid.split(' ')[1])).toBeGreaterThan(0);
      const walMid = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
      child.proc.kill('SIGKILL');
      const { signal } = await child.exited;
      expect(signal).toBe('SIGKILL');
      // The small-cache variant tests what it says: uncommitted frames were on disk at the kill.
      expect(walMid).toBeGreaterThanOrEqual(walBefore + variant.spill);

      const { counts: after, search } = await reopenAndCheck(path, earlierIds);
      expect(after.large).toBe(0);
      expect(after.largeStatements).toBe(0);
      expect(after.largeAudit).toBe(0);
      expect(after.statements).toBe(statements);
      expect(after.people).toBe(EARLIER);
      expect(after.links).toBe(EARLIER / 2);
      expect(after.searchRows).toBe(EARLIER);
      expect(search).toEqual([]);
      // Only the child's committed "case.open" audit row (and ours) were added.
      const c = await Case.open(path, PASSPHRASE);
      const auditNow = c.db.prepare('SELECT count(*) FROM audit').pluck().get() as number;
      c.close();
      expect(auditNow).toBe(audit + 3);
    });
  }

  it('killed right after COMMIT returned: the whole transaction is there', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const { path, earlierIds, statements } = await caseWithEarlierData(dir);
    const child = startChild('crash-commit', path);
    await child.line('COMMITTED');
    child.proc.kill('SIGKILL');
    const { signal } = await child.exited;
    expect(signal).toBe('SIGKILL');
    // Nothing was checkpointed on close: the committed transaction lives (partly) in the WAL.
    expect(existsSync(`${path}-wal`)).toBe(true);

    const { counts: after, search } = await reopenAndCheck(path, earlierIds);
    expect(after.large).toBe(LARGE_ENTITIES);
    expect(after.largeStatements).toBe(LARGE_ENTITIES * 3);
    expect(after.statements).toBe(statements + LARGE_ENTITIES * 3);
    expect(after.people).toBe(EARLIER + LARGE_ENTITIES);
    expect(after.searchRows).toBe(EARLIER + LARGE_ENTITIES);
    expect(after.largeAudit).toBe(1);
    expect(search.map((r) => r.caption)).toContain('Grossetransaktion Person 12345');
  });
});
