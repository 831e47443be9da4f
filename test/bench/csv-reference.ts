import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

// What the import benchmarks share: a big CSV written from a row generator without holding it in
// memory, and the reference of DESIGN.md §9 — sqlite3's own `.import` of the same file into a
// plain table, the floor an importer is compared to.

/** Writes `header` and then `rows` lines made by `line(i)`, in batches of 10,000, honouring back-pressure. */
export async function writeCsv(path: string, header: string, rows: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(line(i));
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = [];
    }
  }
  if (chunk.length) out.write(`${chunk.join('\n')}\n`);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

/**
 * Rows per second of `sqlite3 .import` of `csv` (header skipped) into a table made by `createTable`
 * named `table`; null when sqlite3 cannot be had or the count does not match. Installs sqlite3
 * from apt when it is missing (a reference tool, never a dependency of the product).
 */
export function sqlite3Reference(csv: string, dir: string, rows: number, table: string, createTable: string): number | null {
  let which = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.log('sqlite3 not found: installing it from apt (reference tool, DESIGN.md §9)');
    spawnSync('sh', ['-c', 'apt-get install -y sqlite3 >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y sqlite3 >/dev/null 2>&1)'], { stdio: 'inherit' });
    which = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' });
    if (which.status !== 0) return null;
  }
  const db = join(dir, `reference-${table}.db`);
  const script = `${createTable};\n.mode csv\n.import --skip 1 ${csv} ${table}\nSELECT count(*) FROM ${table};\n`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(which.stdout.trim(), [db], { input: script, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 || Number(r.stdout.trim()) !== rows) {
    console.log(`sqlite3 .import failed: ${r.stderr.trim()}`);
    return null;
  }
  return rows / seconds;
}
