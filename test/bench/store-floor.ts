// npm run bench:store-floor [-- --entities N] [--links N] [--batch N] [--plain] [--lean]
//                           [--no-endpoint-statements] [--one-checkpoint]
//
// What SQLite alone does with the case's schema: the store benchmark's people and links (same
// generator, same statements) written through the product's BulkWriter (multi-row INSERTs) in the
// product's bulk writes (store/bulk-mode.ts: foreign-key checks off, WAL checkpointed by a second
// thread), with every row, id, caption and search text built before the clock starts — no
// validation, no endpoint lookups, no audit. This is the floor under `bench:store`'s insert figure:
// no change to Cordon's JavaScript can make inserts faster than this.
//
// --lean also strips what a leaner physical model could drop, to size that redesign before doing
// it: links' endpoints are not written again as statements (link_rows has them), and the WAL is
// checkpointed once at the end by the writer instead of by the checkpointer thread (that final
// checkpoint is timed and counted). Each can also be given alone. (Two parts measured here are now
// the product's own: list indexes ending in the rid, +27%, migration 012; foreign-key checks off in
// bulk writes, +10%, bulk-mode.ts.)
// Prints one `BENCH {json}` line; never asserts timings.

import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSchema } from '../../shared/catalogue';
import { BulkWriter } from '../../electron/core/store/bulk';
import { BulkMode } from '../../electron/core/store/bulk-mode';
import { APPLICATION_ID, configureConnection, createCaseFile } from '../../electron/core/store/case-file';
import { newEntityId } from '../../electron/core/store/context';
import { captionFrom, searchText } from '../../electron/core/store/entity-values';
import { migrate } from '../../electron/core/store/migrations';
import { link, person, rng } from './data';

const args = process.argv.slice(2);
const num = (flag: string, d: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]!.replace(/_/g, '')) : d;
};
const entities = num('--entities', 1_000_000);
const links = num('--links', Math.round(entities * 1.5));
const batch = num('--batch', 50_000);
const plain = args.includes('--plain');
const all = args.includes('--lean');
const strip = {
  endpointStatements: all || args.includes('--no-endpoint-statements'),
  oneCheckpoint: all || args.includes('--one-checkpoint'),
};
const stripped = Object.entries(strip)
  .filter(([, on]) => on)
  .map(([k]) => k);
const lean = stripped.length > 0;

type Values = Array<[string, string]>;
interface Row {
  id: string;
  schema: string;
  caption: string;
  search: string;
  values: Values;
  from?: number;
  to?: number;
}

/** Every row the writes need, built before timing. Endpoints are indexes into the people. */
function generate(): { people: Row[]; linkRows: Row[] } {
  const r = rng(20240611);
  const personSchema = getSchema('Person')!;
  const people: Row[] = [];
  for (let i = 0; i < entities; i++) {
    const p = person(r, i);
    const values: Values = [
      ['name', p.name],
      [p.second[0], p.second[1]],
      ['idNumber', p.idNumber],
    ];
    people.push({ id: newEntityId('IT'), schema: 'Person', caption: captionFrom(personSchema, values), search: searchText(personSchema, values), values });
  }
  const linkRows: Row[] = [];
  for (let i = 0; i < links; i++) {
    const l = link(r, entities);
    const schema = getSchema(l.schema)!;
    const values: Values = Object.entries(l.properties).flatMap(([k, vs]) => vs.map((v): [string, string] => [k, v]));
    const withEndpoints: Values = [[schema.edge!.source, people[l.from]!.id], [schema.edge!.target, people[l.to]!.id], ...values];
    linkRows.push({ id: newEntityId('IT'), schema: l.schema, caption: captionFrom(schema, values), search: searchText(schema, values), values: strip.endpointStatements ? values : withEndpoints, from: l.from, to: l.to });
  }
  return { people, linkRows };
}

async function open(dir: string): Promise<{ db: Database.Database; bulk: BulkMode }> {
  if (!plain) {
    const opened = await createCaseFile(join(dir, 'floor.cordon'), 'bench floor passphrase');
    return { db: opened.db, bulk: new BulkMode(opened.db, opened.path, opened.key) };
  }
  const path = join(dir, 'floor.sqlite');
  const db = new Database(path);
  configureConnection(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db);
  return { db, bulk: new BulkMode(db, path, null) };
}

function makeLean(db: Database.Database): void {
  if (strip.oneCheckpoint) db.pragma('wal_autocheckpoint = 0');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-floor-'));
  try {
    console.log(`store floor: ${entities.toLocaleString('en-US')} people, ${links.toLocaleString('en-US')} links, ${batch.toLocaleString('en-US')} per transaction, ${plain ? 'plain' : 'encrypted'}${lean ? `, without: ${stripped.join(', ')}` : ''}; ${cpus().length} cpus`);
    const { people, linkRows } = generate();
    const { db, bulk: mode } = await open(dir);
    if (lean) makeLean(db);
    const now = new Date().toISOString();
    const rids: number[] = new Array<number>(entities);
    let statements = 0;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const write = (rows: Row[], isLink: boolean) => {
      for (let start = 0; start < rows.length; start += batch) {
        mode.write(() => {
          const bulk = new BulkWriter(db);
          for (let i = start; i < Math.min(rows.length, start + batch); i++) {
            const row = rows[i]!;
            const rid = bulk.entity(row.id, row.schema, row.caption, isLink ? 1 : 0, now);
            if (isLink) bulk.link(rid, rids[row.from!]!, rids[row.to!]!);
            else rids[i] = rid;
            for (const [prop, value] of row.values) bulk.statement(rid, prop, value, null, 'IT/bench', now);
            statements += row.values.length;
            bulk.searchText(rid, row.search);
            bulk.maybeFlush();
          }
          bulk.flush();
        }, { large: !strip.oneCheckpoint });
      }
    };
    write(people, false);
    const tPeople = process.hrtime.bigint();
    write(linkRows, true);
    const t1 = process.hrtime.bigint();
    // With the checkpointer thread, what it has not copied yet is copied here, on the clock.
    db.pragma(strip.oneCheckpoint ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
    const t2 = process.hrtime.bigint();
    const cpu = process.cpuUsage(cpu0);
    const seconds = Number(t2 - t0) / 1e9;
    // Statements as bench:store counts them: the endpoints count even when --lean leaves them to link_rows.
    const counted = entities * 3 + linkRows.reduce((n, l) => n + l.values.length + (strip.endpointStatements ? 2 : 0), 0);
    const perS = counted / seconds;
    const linksPerS = links / (Number(t1 - tPeople) / 1e9);
    console.log(
      `floor: ${counted.toLocaleString('en-US')} statements (${statements.toLocaleString('en-US')} rows written) in ${seconds.toFixed(1)} s` +
        ` (final checkpoint ${(Number(t2 - t1) / 1e9).toFixed(1)} s)` +
        ` → ${Math.round(perS).toLocaleString('en-US')} statements/s (links ${Math.round(linksPerS).toLocaleString('en-US')}/s before the final checkpoint); process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)}`,
    );
    console.log(
      `BENCH ${JSON.stringify({ bench: 'store', case: 'floor', encrypted: !plain, lean: all, stripped, entities, links, batch, statements: counted, statement_rows: statements, seconds: Math.round(seconds * 100) / 100, statements_per_s: Math.round(perS), links_per_s: Math.round(linksPerS), final_checkpoint_s: Math.round(Number(t2 - t1) / 1e7) / 100, load1: Math.round(loadavg()[0]! * 100) / 100 })}`,
    );
    mode.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
