import type { Database } from 'better-sqlite3-multiple-ciphers';
import { gradingCost } from '../analysis/grade';
import { commsLinkId, commsLinksBetween, restrictLink, sourceGrades } from './links';

// The aggregated Phone → Phone links in an export (ANX, FtM, GraphML, GEXF, CSV): a Call link per
// pair with the number of events, their total duration and the first and last contact, sourced to
// the best-graded report behind them. Without --include-restricted, events from H2 / TLP:RED
// reports are not counted, and a link made only of them is withheld like any restricted item.

// The export's shapes (interchange/export/collect.ts), repeated here: collect calls this module.
interface ExportStatement {
  prop: string;
  value: string;
  sourceId: string | null;
}
interface ExportLink {
  id: string;
  schema: string;
  caption: string;
  statements: ExportStatement[];
  members: string[];
  from: string;
  to: string;
}

const iso = (s: number) => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`;

export function commsExportLinks(
  db: Database,
  entities: ReadonlyArray<{ id: string; schema: string; members: readonly string[] }>,
  restricted: (sourceId: string) => boolean,
  includeRestricted: boolean,
): { links: ExportLink[]; used: string[]; withheld: number } {
  // Each exported phone by its records' ids (a merged phone answers for all of them).
  const canonical = new Map<string, string>();
  for (const e of entities) if (e.schema === 'Phone') for (const m of e.members) canonical.set(m, e.id);
  if (canonical.size === 0) return { links: [], used: [], withheld: 0 };
  const ids = [...canonical.keys()];
  const grades = sourceGrades(db);
  const admitted = new Set([...grades].filter(([, g]) => includeRestricted || !restricted(g.id)).map(([rid]) => rid));
  const out: ExportLink[] = [];
  const used = new Set<string>();
  let withheld = 0;
  for (const l of commsLinksBetween(db, ids, ids)) {
    const from = canonical.get(l.callerId)!;
    const to = canonical.get(l.calleeId)!;
    if (from === to) continue;
    const t = restrictLink(db, l, -Infinity, Infinity, admitted);
    if (!t) {
      withheld++;
      continue;
    }
    // The best-graded admitted report stands for the link's figures.
    const kept = l.sources.filter((s) => admitted.has(s)).map((s) => grades.get(s)!);
    const main = kept.sort((a, b) => gradingCost(a.scheme, a.grade) - gradingCost(b.scheme, b.grade))[0]!;
    used.add(main.id);
    const st = (prop: string, value: string): ExportStatement => ({ prop, value, sourceId: main.id });
    const other = t.events - t.calls - t.sms;
    const summary = [t.calls ? `${t.calls} ${t.calls === 1 ? 'call' : 'calls'}` : '', t.sms ? `${t.sms} SMS` : '', other ? `${other} other` : ''].filter(Boolean).join(' · ');
    const statements = [st('summary', summary), st('count', String(t.events)), st('duration', String(t.duration)), st('startDate', iso(t.first)), st('endDate', iso(t.last))];
    out.push({ id: commsLinkId(l.callerId, l.calleeId), schema: 'Call', caption: String(t.events), statements, members: [], from, to });
  }
  return { links: out, used: [...used], withheld };
}
