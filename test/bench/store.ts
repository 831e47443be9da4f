// npm run bench:store [-- --entities N] [--links N] [--batch N] [--queries N] [--only encrypted|plain] [--dir D] [--keep]
//                     [--reuse FILE]   (or BENCH_STORE_REUSE=FILE)
//
// The store benchmark of issue #2 (DESIGN.md §9): bulk insert of people (3 statements each) and
// links (Call / Associate, 2 endpoint statements + 1 property each) through the product's
// EntityStore in bulk writes (Case.bulk, as an import writes: foreign-key checks off, WAL
// checkpointed by a second thread), into an encrypted case and then into an unencrypted database
// with the same schema, pragmas and code path; FTS search latency; open time (Argon2id + first
// query); file size. The insert time is the store's alone (the generator's is left out) and
// includes a final checkpoint of whatever the checkpointer thread has not yet copied.
// Prints human-readable lines and one `BENCH {json}` line per measurement. It never asserts timings.
//
// --reuse FILE skips the inserts: it copies an encrypted case kept by an earlier run (--keep, same
// --entities) and measures open time and search on the copy, so search work can be iterated on
// without rebuilding a million entities each time. The copy is opened by Case.open, so a case made
// by an older schema is migrated first (the migration's time is printed).

import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../electron/core/store/audit';
import { BulkMode } from '../../electron/core/store/bulk-mode';
import { Case } from '../../electron/core/store/case';
import { APPLICATION_ID, configureConnection, KDF_PROFILES, CURRENT_KDF_PROFILE } from '../../electron/core/store/case-file';
import { newEntityId, type StoreContext } from '../../electron/core/store/context';
import { EntityStore } from '../../electron/core/store/entities';
import type { EntityInput, LinkInput } from '../../electron/core/store/entity-values';
import { deriveKey } from '../../electron/core/store/keys';
import { migrate } from '../../electron/core/store/migrations';
import { searchEntities } from '../../electron/core/store/search';
import { link, person, rng, type PersonRow } from './data';
import { bench, fileSizes, fmt, mib, ms, round } from './store-report';
import { makeQueries, runSearch, SEED, type Sample } from './store-search';

interface Options {
  entities: number;
  links: number;
  batch: number;
  queries: number;
  only: 'encrypted' | 'plain' | null;
  dir: string | null;
  keep: boolean;
  reuse: string | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { entities: 1_000_000, links: -1, batch: 50_000, queries: 1000, only: null, dir: null, keep: false, reuse: process.env.BENCH_STORE_REUSE || null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (): number => {
      const n = Number(next().replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer`);
      return n;
    };
    if (a === '--entities') o.entities = int();
    else if (a === '--links') o.links = int();
    else if (a === '--batch') o.batch = Math.max(1, int());
    else if (a === '--queries') o.queries = int();
    else if (a === '--only') {
      const v = next();
      if (v !== 'encrypted' && v !== 'plain') throw new Error('--only takes encrypted or plain');
      o.only = v;
    } else if (a === '--dir') o.dir = next();
    else if (a === '--keep') o.keep = true;
    else if (a === '--reuse') o.reuse = next();
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.entities < 2) throw new Error('--entities must be at least 2');
  if (o.links < 0) o.links = Math.round(o.entities * 1.5);
  return o;
}

const PASSPHRASE = 'bench: correct horse battery staple';



interface InsertResult extends Sample {
  entityIds: string[];
  statements: number;
  seconds: number;
  /** CPU seconds of this process (user + system, all its threads, the checkpointer's too) during
   * the bulk writes: the machine is shared, so wall time alone misleads. */
  cpuSeconds: number;
  entitySeconds: number;
  linkSeconds: number;
}

/** One bulk write: the case's own (Case.bulk), or the plain control's BulkMode. */
type BulkWrite = <T>(fn: () => T) => T;

/**
 * Inserts `o.entities` people and `o.links` links through EntityStore's bulk API, `o.batch` per
 * bulk write (one transaction each, as an import writes). Only the store's work is timed: each
 * batch's inputs are drawn from the generator before its clock starts. The statement count is read
 * back from the database, not computed.
 */
function insertAll(db: DB, store: EntityStore, bulkWrite: BulkWrite, o: Options, label: string): InsertResult {
  const r = rng(SEED);
  const entityIds: string[] = new Array<string>(o.entities);
  const sample: PersonRow[] = [];
  const sampleIds: string[] = [];
  const sampleEvery = Math.max(1, Math.floor(o.entities / 5000));
  const statementsBefore = db.prepare('SELECT count(*) FROM statements').pluck().get() as number;
  let storeNs = 0n;
  let cpuMicros = 0;
  /** Runs one bulk write and adds its wall and CPU time to the totals. */
  const timed = <T>(fn: () => T): T => {
    const cpu0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    const out = bulkWrite(fn);
    storeNs += process.hrtime.bigint() - t;
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
    return out;
  };
  const t0 = process.hrtime.bigint();
  let lastReport = t0;
  for (let start = 0; start < o.entities; start += o.batch) {
    const end = Math.min(o.entities, start + o.batch);
    const rows: PersonRow[] = [];
    const inputs: EntityInput[] = [];
    for (let i = start; i < end; i++) {
      const p = person(r, i);
      rows.push(p);
      inputs.push({ schema: 'Person', properties: { name: [p.name], [p.second[0]]: [p.second[1]], idNumber: [p.idNumber] } });
    }
    const created = timed(() => store.createEntities(inputs, { audit: false }));
    for (let k = 0; k < created.length; k++) {
      const i = start + k;
      entityIds[i] = created[k]!.id;
      if (i % sampleEvery === 0) {
        sample.push(rows[k]!);
        sampleIds.push(created[k]!.id);
      }
    }
    if (ms(lastReport) > 15_000) {
      lastReport = process.hrtime.bigint();
      console.log(`  [${label}] ${fmt(end)} / ${fmt(o.entities)} entities, ${(Number(storeNs) / 1e9).toFixed(1)} s`);
    }
  }
  const entityNs = storeNs;
  for (let start = 0; start < o.links; start += o.batch) {
    const end = Math.min(o.links, start + o.batch);
    const inputs: LinkInput[] = [];
    for (let i = start; i < end; i++) {
      const l = link(r, o.entities);
      inputs.push({ schema: l.schema, from: entityIds[l.from]!, to: entityIds[l.to]!, properties: l.properties });
    }
    // The endpoints are looked up in the case, as for any link whose ends the caller did not just write.
    timed(() => store.createLinks(inputs, { audit: false }));
    if (ms(lastReport) > 15_000) {
      lastReport = process.hrtime.bigint();
      console.log(`  [${label}] ${fmt(end)} / ${fmt(o.links)} links, ${(Number(storeNs - entityNs) / 1e9).toFixed(1)} s`);
    }
  }
  // The checkpointer thread may still be copying the last writes into the database file: that copy
  // is part of the load, so whatever is left of it is done here, on the clock.
  const tc = process.hrtime.bigint();
  const cpuC = process.cpuUsage();
  const [left] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
  storeNs += process.hrtime.bigint() - tc;
  const cpuLeft = process.cpuUsage(cpuC);
  cpuMicros += cpuLeft.user + cpuLeft.system;
  console.log(`  [${label}] final checkpoint ${ms(tc).toFixed(0)} ms (${fmt(left?.log ?? 0)} WAL frames, all copied: ${left?.log === left?.checkpointed})`);
  const statements = (db.prepare('SELECT count(*) FROM statements').pluck().get() as number) - statementsBefore;
  return {
    entityIds,
    sample,
    sampleIds,
    statements,
    seconds: Number(storeNs) / 1e9,
    cpuSeconds: cpuMicros / 1e6,
    entitySeconds: Number(entityNs) / 1e9,
    linkSeconds: Number(storeNs - entityNs) / 1e9,
  };
}

/** Whether the checkpointer thread did the copying (if it could not start, SQLite did, on the writer). */
function reportCheckpointer(bulk: BulkMode, label: string): void {
  console.log(`  [${label}] checkpointer thread: ${bulk.checkpointing ? `running, ${fmt(bulk.checkpoints)} checkpoints` : 'not running (SQLite checkpointed on the writer)'}`);
}

function reportInsert(res: InsertResult, o: Options, encrypted: boolean): number {
  const perS = res.statements / res.seconds;
  console.log(
    `${encrypted ? 'encrypted' : 'plain    '} insert: ${fmt(o.entities)} entities + ${fmt(o.links)} links = ${fmt(res.statements)} statements in ${res.seconds.toFixed(1)} s` +
      ` → ${fmt(perS)} statements/s (entities ${fmt(o.entities / res.entitySeconds)}/s, links ${fmt(o.links / res.linkSeconds)}/s);` +
      ` process CPU ${res.cpuSeconds.toFixed(1)} s (${fmt(res.statements / res.cpuSeconds)} statements per CPU-second), load average ${loadavg()[0]!.toFixed(1)}`,
  );
  bench({
    case: 'insert',
    encrypted,
    entities: o.entities,
    links: o.links,
    statements: res.statements,
    batch: o.batch,
    seconds: round(res.seconds),
    cpu_seconds: round(res.cpuSeconds),
    statements_per_cpu_s: Math.round(res.statements / res.cpuSeconds),
    loadavg_1m: round(loadavg()[0]!),
    statements_per_s: Math.round(perS),
    entities_per_s: Math.round(o.entities / res.entitySeconds),
    links_per_s: Math.round(o.links / res.linkSeconds),
  });
  return perS;
}


function reportSize(path: string, encrypted: boolean, when: 'open' | 'closed', entities: number): void {
  const s = fileSizes(path);
  console.log(`${encrypted ? 'encrypted' : 'plain    '} size (${when}): file ${mib(s.db)} + wal ${mib(s.wal)} = ${mib(s.total)} (shm ${mib(s.shm)})`);
  bench({ case: 'size', encrypted, when, entities, file_bytes: s.db, wal_bytes: s.wal, shm_bytes: s.shm, total_bytes: s.total });
}

/** The unencrypted control: same schema (migrate), same connection pragmas, same EntityStore code. */
function createPlain(path: string): { db: DB; ctx: StoreContext } {
  const db = new Database(path);
  configureConnection(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db);
  const ctx: StoreContext = { db, bureau: 'IT', actor: 'IT/bench', audit: new AuditLog(db), newId: () => newEntityId('IT') };
  return { db, ctx };
}

async function runEncrypted(o: Options, dir: string): Promise<{ perS: number }> {
  const path = join(dir, 'bench.cordon');
  const c = await Case.create(path, PASSPHRASE, { name: 'Bench', bureau: 'IT' });
  const res = insertAll(c.db, c.entities, (fn) => c.bulk.write(fn, { large: true }), o, 'encrypted');
  const perS = reportInsert(res, o, true);
  reportCheckpointer(c.bulk, 'encrypted');
  reportSize(path, true, 'open', o.entities);
  c.close();
  reportSize(path, true, 'closed', o.entities);
  await openAndSearch(path, res, o);
  return { perS };
}

/** Open time (Argon2id alone, Case.open, first query) and the search latencies of an encrypted case. */
async function openAndSearch(path: string, res: Sample, o: Options): Promise<void> {
  const kdf = { ...KDF_PROFILES[CURRENT_KDF_PROFILE]!, salt: '00'.repeat(16) };
  const tk = process.hrtime.bigint();
  (await deriveKey(PASSPHRASE, kdf)).fill(0);
  const kdfMs = ms(tk);
  const to = process.hrtime.bigint();
  const opened = await Case.open(path, PASSPHRASE);
  const openMs = ms(to);
  const queries = makeQueries(res, o.queries);
  const tq = process.hrtime.bigint();
  const first = searchEntities(opened.db, queries[0]?.text ?? 'garcia', 50);
  const firstMs = ms(tq);
  console.log(
    `encrypted open: Argon2id ${kdfMs.toFixed(0)} ms; Case.open ${openMs.toFixed(0)} ms; first query ${firstMs.toFixed(1)} ms (${first.length} results); open + first query ${(openMs + firstMs).toFixed(0)} ms`,
  );
  bench({ case: 'open', encrypted: true, entities: o.entities, argon2id_ms: round(kdfMs, 1), open_ms: round(openMs, 1), first_query_ms: round(firstMs, 2), total_ms: round(openMs + firstMs, 1) });
  runSearch(opened.db, queries, o.entities, true);
  opened.close();
}

/**
 * --reuse: measures a copy of a case kept by an earlier run. The people are generated again from
 * the same seed (they are drawn first, before any link) and matched to the case's entities in
 * creation order; the identifier queries then check that the pairing is right (found N/N).
 */
async function reuseEncrypted(o: Options, dir: string, from: string): Promise<void> {
  const path = join(dir, 'bench.cordon');
  const tc = process.hrtime.bigint();
  copyFileSync(from, path);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${path}-wal`);
  console.log(`reuse: copied ${from} (${mib(fileSizes(path).total)}) in ${(ms(tc) / 1000).toFixed(1)} s`);
  const tm = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const c = await Case.open(path, PASSPHRASE);
  const cpu = process.cpuUsage(cpu0);
  const version = c.db.pragma('user_version', { simple: true }) as number;
  console.log(`reuse: first open (migrates an older case to version ${version}) ${(ms(tm) / 1000).toFixed(1)} s, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, load average ${loadavg()[0]!.toFixed(1)}`);
  const r = rng(SEED);
  const sampleEvery = Math.max(1, Math.floor(o.entities / 5000));
  const res: Sample = { sample: [], sampleIds: [] };
  let i = 0;
  for (const id of c.db.prepare('SELECT id FROM entities WHERE is_link = 0 ORDER BY rid').pluck().iterate() as Iterable<string>) {
    const p = person(r, i);
    if (i % sampleEvery === 0) {
      res.sample.push(p);
      res.sampleIds.push(id);
    }
    i++;
  }
  c.close();
  if (i !== o.entities) throw new Error(`--reuse: the case holds ${fmt(i)} entities, not --entities ${fmt(o.entities)}`);
  reportSize(path, true, 'closed', o.entities);
  await openAndSearch(path, res, o);
}

function runPlain(o: Options, dir: string): { perS: number } {
  const path = join(dir, 'bench-plain.sqlite');
  const { db, ctx } = createPlain(path);
  const store = new EntityStore(ctx);
  const bulk = new BulkMode(db, path, null);
  const res = insertAll(db, store, (fn) => bulk.write(fn, { large: true }), o, 'plain');
  const perS = reportInsert(res, o, false);
  reportCheckpointer(bulk, 'plain');
  reportSize(path, false, 'open', o.entities);
  bulk.close();
  db.close();
  reportSize(path, false, 'closed', o.entities);
  const to = process.hrtime.bigint();
  const reopened = new Database(path, { fileMustExist: true });
  configureConnection(reopened);
  const queries = makeQueries(res, o.queries);
  const tq = process.hrtime.bigint();
  searchEntities(reopened, queries[0]?.text ?? 'garcia', 50);
  const firstMs = ms(tq);
  const openMs = ms(to, tq);
  console.log(`plain     open: ${openMs.toFixed(1)} ms; first query ${firstMs.toFixed(1)} ms`);
  bench({ case: 'open', encrypted: false, entities: o.entities, open_ms: round(openMs, 1), first_query_ms: round(firstMs, 2), total_ms: round(openMs + firstMs, 1) });
  runSearch(reopened, queries, o.entities, false);
  reopened.close();
  return { perS };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  let dir: string;
  if (o.dir) {
    mkdirSync(o.dir, { recursive: true });
    dir = mkdtempSync(join(o.dir, 'cordon-bench-'));
  } else dir = mkdtempSync(join(tmpdir(), 'cordon-bench-'));
  console.log(
    `store bench: ${fmt(o.entities)} entities, ${fmt(o.links)} links, ${fmt(o.batch)} per transaction; node ${process.version}, ${cpus().length} cpus, ${mib(totalmem())} RAM; files in ${dir}`,
  );
  try {
    if (o.reuse) {
      await reuseEncrypted(o, dir, o.reuse);
      return;
    }
    const enc = o.only === 'plain' ? null : await runEncrypted(o, dir);
    if (!o.keep) rmSync(join(dir, 'bench.cordon'), { force: true });
    const plain = o.only === 'encrypted' ? null : runPlain(o, dir);
    if (enc && plain) {
      const ratio = plain.perS / enc.perS;
      console.log(`encryption overhead on inserts: ${ratio.toFixed(2)}× (plain ${fmt(plain.perS)} / encrypted ${fmt(enc.perS)} statements/s)`);
      bench({ case: 'insert-ratio', entities: o.entities, encrypted_over_plain_time: round(ratio, 3), encrypted_statements_per_s: Math.round(enc.perS), plain_statements_per_s: Math.round(plain.perS) });
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
