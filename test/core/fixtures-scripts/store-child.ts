// A child process for the fault tests (crash.test.ts, plaintext.test.ts), run as
//   node --import tsx test/core/fixtures-scripts/store-child.ts MODE CASE_PATH
// with the passphrase in CORDON_TEST_PASSPHRASE. It talks to the parent in lines on stdout, written
// with fs.writeSync so that a line has left the process before the next instruction runs.
//
// Modes:
//   crash-mid      open the case (optionally with a small page cache, CORDON_TEST_CACHE_KIB); in ONE transaction write CORDON_TEST_LARGE_ENTITIES people (3 statements each);
//                  print "MID <statements so far>" half-way through and keep writing; then, still
//                  inside the transaction, print "WRITTEN" and block: the parent kills us before COMMIT.
//   crash-commit   the same transaction, committed; print "COMMITTED" right after COMMIT returns, then
//                  block until killed.
//   plaintext      create the case and write the distinctive values given in CORDON_TEST_VALUES (JSON),
//                  run a few sorting queries, print "OPEN <pid>" and wait, the case open, for a "close"
//                  line on stdin; then close and print "CLOSED".
//                  With CORDON_TEST_ATTACH (a JSON list of file paths), also attach those files to the
//                  first person (streamed into the case, their text extracted into the search index).
//   plaintext-control  the same with an UNENCRYPTED database (same pragmas, schema and EntityStore),
//                  so the parent can show that its scan does find the values when they are in clear.
import Database from 'better-sqlite3-multiple-ciphers';
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AuditLog } from '../../../electron/core/store/audit';
import { Case } from '../../../electron/core/store/case';
import { APPLICATION_ID, configureConnection } from '../../../electron/core/store/case-file';
import { newEntityId } from '../../../electron/core/store/context';
import { EntityStore } from '../../../electron/core/store/entities';
import type { EntityInput } from '../../../electron/core/store/entity-values';
import { migrate } from '../../../electron/core/store/migrations';
import { searchEntities } from '../../../electron/core/store/search';
import { closePrepared, commitAttachments, prepareFile } from '../../../electron/core/attachments/store';
import type { StoreContext } from '../../../electron/core/store/context';

const LARGE_ENTITIES = Number(process.env.CORDON_TEST_LARGE_ENTITIES ?? 70_000);
const LARGE_MARKER = 'Grossetransaktion';

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

/** Blocks this thread (and so the open transaction) without spinning. */
function block(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function largeBatch(from: number, to: number): EntityInput[] {
  const out: EntityInput[] = [];
  for (let i = from; i < to; i++) {
    out.push({
      schema: 'Person',
      properties: { name: [`${LARGE_MARKER} Person ${i}`], alias: [`Nummer ${i}`], idNumber: [`GT-${String(i).padStart(8, '0')}`] },
    });
  }
  return out;
}

async function crash(path: string, passphrase: string, commit: boolean): Promise<void> {
  const c = await Case.open(path, passphrase);
  // Optionally a small page cache, so that the uncommitted pages spill into the WAL before the kill.
  if (process.env.CORDON_TEST_CACHE_KIB) c.db.pragma(`cache_size = -${Number(process.env.CORDON_TEST_CACHE_KIB)}`);
  const chunk = 5_000;
  c.write(() => {
    let signalled = false;
    for (let i = 0; i < LARGE_ENTITIES; i += chunk) {
      c.entities.createEntities(largeBatch(i, Math.min(LARGE_ENTITIES, i + chunk)), { audit: false });
      if (!commit && !signalled && i + chunk >= LARGE_ENTITIES / 2) {
        signalled = true;
        say(`MID ${(i + chunk) * 3}`);
      }
    }
    c.audit.append({ actor: c.actor, action: 'test.large-write', detail: { entities: LARGE_ENTITIES } });
    if (!commit) {
      say('WRITTEN');
      // Still inside the transaction: wait for the SIGKILL.
      block(120_000);
    }
  });
  if (commit) {
    say('COMMITTED');
    block(120_000);
  }
  c.close();
}

async function plaintext(path: string, passphrase: string, control: boolean): Promise<void> {
  // Every distinctive value comes from the parent (this file's own text ends up in tsx's cache in the
  // temp folder that the parent scans).
  const values = JSON.parse(process.env.CORDON_TEST_VALUES ?? '{}') as { people: EntityInput[]; account: EntityInput; relationship: string; query: string; alias: string };
  let db: Database.Database;
  let store: EntityStore;
  let close: () => void;
  let ctx: StoreContext;
  if (control) {
    db = new Database(path);
    configureConnection(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    const audit = new AuditLog(db);
    ctx = { db, bureau: 'IT', actor: 'IT/test', audit, newId: () => newEntityId('IT') };
    store = new EntityStore(ctx);
    close = () => db.close();
  } else {
    const c = await Case.create(path, passphrase, { name: 'Plaintext check', bureau: 'IT' });
    db = c.db;
    ctx = c;
    store = c.entities;
    close = () => c.close();
  }
  const ids: string[] = [];
  db.transaction(() => {
    for (const p of values.people) ids.push(store.createEntity(p).id);
    ids.push(store.createEntity(values.account).id);
    store.createLink({ schema: 'Associate', from: ids[0]!, to: ids[1]!, properties: { relationship: [values.relationship] } });
  })();
  const toAttach = JSON.parse(process.env.CORDON_TEST_ATTACH ?? '[]') as string[];
  if (toAttach.length > 0) {
    const files = [];
    try {
      for (const p of toAttach) files.push(await prepareFile(p, 1e12));
      commitAttachments(ctx, ids[0]!, undefined, files);
    } finally {
      closePrepared(files);
    }
  }
  // Filler so the case has many pages and the WAL is checkpointed at least once.
  for (let b = 0; b < 3; b++) {
    db.transaction(() => store.createEntities(largeBatch(b * 5000, (b + 1) * 5000), { audit: false }))();
  }
  // A later edit of the distinctive person: more WAL frames holding it.
  db.transaction(() => store.createEntity({ ...values.people[0]!, properties: { ...values.people[0]!.properties, alias: [values.alias] } }))();
  // Work that sorts and groups (temp b-trees): with temp_store = MEMORY it must not touch the disk.
  db.prepare('SELECT value, count(*) FROM statements GROUP BY value ORDER BY value DESC').all();
  db.prepare('SELECT DISTINCT caption FROM entities ORDER BY caption COLLATE NOCASE').all();
  const found = searchEntities(db, values.query, 10);
  if (found.length === 0) throw new Error('the distinctive person is not searchable');
  say(`OPEN ${process.pid}`);
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (line.trim() === 'close') break;
  }
  close();
  say('CLOSED');
  rl.close();
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2);
  const passphrase = process.env.CORDON_TEST_PASSPHRASE ?? '';
  if (!path) throw new Error('usage: store-child.ts MODE CASE_PATH');
  if (mode === 'crash-mid') await crash(path, passphrase, false);
  else if (mode === 'crash-commit') await crash(path, passphrase, true);
  else if (mode === 'plaintext') await plaintext(path, passphrase, false);
  else if (mode === 'plaintext-control') await plaintext(path, passphrase, true);
  else throw new Error(`unknown mode ${mode}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
