import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { loadavg } from 'node:os';
import { searchEntities } from '../../electron/core/store/search';
import { foldText } from '../../shared/values';
import { rng, type PersonRow } from './data';
import { bench, fmt, ms, round } from './store-report';

// bench:store's search part: queries drawn from the people it inserted (full names as typed and
// folded, prefixes, surnames, ids, id numbers, aliases) and their latency, wall and CPU, per kind.

/** The seed of the people bench:store generates (store.ts) and of the queries drawn from them. */
export const SEED = 20240611;

/** The people queries are drawn from, and their entity ids. */
export interface Sample {
  sample: PersonRow[];
  sampleIds: string[];
}

export type QueryKind = 'fullname-folded' | 'fullname-typed' | 'prefixes' | 'surname' | 'id' | 'id-number' | 'alias';
export interface Query {
  kind: QueryKind;
  text: string;
  /** For unique identifiers: the entity that must be found. */
  expect?: string;
}

/** 1,000 realistic queries drawn from the inserted people: names as typed or folded, prefixes, identifiers. */
export function makeQueries(res: Sample, n: number): Query[] {
  const r = rng(SEED ^ 0x5eed);
  const out: Query[] = [];
  const firstWord = (s: string) => s.split(/\s+/)[0]!;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(r() * res.sample.length);
    const p = res.sample[k]!;
    const id = res.sampleIds[k]!;
    const x = r();
    if (x < 0.25) out.push({ kind: 'fullname-folded', text: foldText(`${p.first} ${p.last}`) });
    else if (x < 0.4) out.push({ kind: 'fullname-typed', text: `${p.first.toUpperCase()} ${p.last}` });
    else if (x < 0.55) {
      // What an analyst types while the list narrows: the start of the surname and of the first name.
      const last = foldText(firstWord(p.last));
      out.push({ kind: 'prefixes', text: `${last.slice(0, Math.max(3, Math.min(last.length, 4 + Math.floor(r() * 3))))} ${foldText(p.first).slice(0, 3)}` });
    } else if (x < 0.65) out.push({ kind: 'surname', text: p.last.toLowerCase() });
    else if (x < 0.8) out.push({ kind: 'id', text: p.idNumber, expect: id });
    else if (x < 0.9) out.push({ kind: 'id-number', text: p.idNumber.slice(3, 3 + 6 + Math.floor(r() * 6)), expect: id });
    else {
      const alias = p.second[0] === 'alias' ? p.second[1] : 'Flaco';
      out.push({ kind: 'alias', text: r() < 0.5 ? foldText(alias) : alias });
    }
  }
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function runSearch(db: DB, queries: Query[], entities: number, encrypted: boolean): { p50: number; p95: number } {
  // Warm-up (not measured): the page cache of a freshly opened case is empty, as after any open.
  for (const q of queries.slice(0, 20)) searchEntities(db, q.text, 50);
  const times: number[] = [];
  // Process CPU per query as well: on a shared machine wall time includes waiting for a core.
  const cpuTimes: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  const cpuByKind = new Map<QueryKind, number[]>();
  let expected = 0;
  let found = 0;
  let empty = 0;
  let results = 0;
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    const rows = searchEntities(db, q.text, 50);
    const dt = ms(t);
    const used = process.cpuUsage(c);
    const cpuMs = (used.user + used.system) / 1000;
    times.push(dt);
    cpuTimes.push(cpuMs);
    let list = byKind.get(q.kind);
    if (!list) byKind.set(q.kind, (list = []));
    list.push(dt);
    let cpuList = cpuByKind.get(q.kind);
    if (!cpuList) cpuByKind.set(q.kind, (cpuList = []));
    cpuList.push(cpuMs);
    results += rows.length;
    if (rows.length === 0) empty++;
    if (q.expect) {
      expected++;
      if (rows.some((x) => x.id === q.expect)) found++;
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const p99 = percentile(times, 99);
  const max = times[times.length - 1] ?? NaN;
  console.log(
    `${encrypted ? 'encrypted' : 'plain    '} search: ${queries.length} queries over ${fmt(entities)} entities: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${max.toFixed(1)} ms;` +
      ` ${(results / queries.length).toFixed(1)} results/query, ${empty} empty, identifiers found ${found}/${expected};` +
      ` process CPU per query p50 ${percentile(cpuTimes, 50).toFixed(2)} ms, p95 ${percentile(cpuTimes, 95).toFixed(2)} ms, p99 ${percentile(cpuTimes, 99).toFixed(2)} ms; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const kinds: Record<string, { n: number; p50_ms: number; p95_ms: number; cpu_p95_ms: number }> = {};
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a - b);
    const cpuList = cpuByKind.get(kind)!.sort((a, b) => a - b);
    kinds[kind] = { n: list.length, p50_ms: round(percentile(list, 50), 3), p95_ms: round(percentile(list, 95), 3), cpu_p95_ms: round(percentile(cpuList, 95), 3) };
    console.log(
      `    ${kind.padEnd(16)} n=${String(list.length).padStart(4)}  p50 ${percentile(list, 50).toFixed(2)} ms  p95 ${percentile(list, 95).toFixed(2)} ms  (CPU p95 ${percentile(cpuList, 95).toFixed(2)} ms)`,
    );
  }
  bench({
    case: 'search',
    encrypted,
    entities,
    queries: queries.length,
    limit: 50,
    p50_ms: round(p50, 3),
    p95_ms: round(p95, 3),
    p99_ms: round(p99, 3),
    max_ms: round(max, 3),
    cpu_p50_ms: round(percentile(cpuTimes, 50), 3),
    cpu_p95_ms: round(percentile(cpuTimes, 95), 3),
    cpu_p99_ms: round(percentile(cpuTimes, 99), 3),
    loadavg_1m: round(loadavg()[0]!),
    mean_results: round(results / queries.length, 1),
    empty,
    identifiers_found: found,
    identifiers_expected: expected,
    kinds,
  });
  return { p50, p95 };
}
