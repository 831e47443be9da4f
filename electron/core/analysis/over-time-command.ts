import type { OverTimeResult } from '../../../shared/analysis/dto';
import type { CommandContext } from '../cli/command';
import { UsageError } from '../cli/passphrase';

// `cordon analyze FILE --over-time phases|month|quarter`: the network per period (the case's own
// phases are the spans written on its links) and who rose to, or fell from, broker between one
// period and the next. The "network over time"; DESIGN.md §8 has no line for it yet, so
// it rides on `analyze` with the same scope options and the same JSON conventions.

/** The CLI's words for the contract's period kinds. */
const KINDS = { phases: 'spans', month: 'month', quarter: 'quarter' } as const;
export type OverTimeKind = keyof typeof KINDS;

export function overTimeKind(v: string): OverTimeKind {
  if (!(v in KINDS)) throw new UsageError(`--over-time is one of ${Object.keys(KINDS).join(', ')}`);
  return v as OverTimeKind;
}

export const overTimePeriods = (kind: OverTimeKind) => KINDS[kind];

/** The result as one JSON document (snake_case, as the other commands) or as a readable table. */
export function printOverTime(ctx: CommandContext, kind: OverTimeKind, r: OverTimeResult): void {
  if (ctx.json) {
    ctx.outJson({
      over_time: kind,
      top: r.top,
      periods: r.periods.map((p) => ({ label: p.label, from: p.from, to: p.to, nodes: p.nodes, edges: p.edges, links: p.links, sha256: p.sha256 })),
      entities: r.entities.map((e) => ({ id: e.id, caption: e.caption, degree: e.degree, betweenness: e.betweenness, rank: e.rank })),
      changes: r.changes.map((c) => ({
        period: r.periods[c.period]!.label,
        id: c.id,
        caption: c.caption,
        kind: c.kind,
        rank_before: c.rankBefore,
        rank_after: c.rankAfter,
        before: c.before,
        after: c.after,
      })),
      audit_seq: r.auditSeq,
    });
    return;
  }
  ctx.out(`network over time: ${r.periods.length} periods (${kind}); broker = top ${r.top} by betweenness`);
  const width = Math.max(6, ...r.periods.map((p) => p.label.length));
  ctx.out(`${'period'.padEnd(width)}  entities   ties  highest betweenness`);
  r.periods.forEach((p, i) => {
    const first = r.entities.find((e) => e.rank[i] === 1 && e.betweenness[i]! > 0);
    const lead = first ? `${first.caption || first.id} (${first.betweenness[i]!.toFixed(3)})` : '—';
    ctx.out(`${p.label.padEnd(width)}  ${String(p.nodes).padStart(8)}  ${String(p.edges).padStart(5)}  ${lead}`);
  });
  if (r.changes.length === 0) ctx.out('no change among the brokers');
  for (const c of r.changes) {
    const rank = (x: number | null) => (x === null ? 'absent' : `rank ${x}`);
    const verb = c.kind === 'rose' ? 'rose to broker' : 'fell from broker';
    ctx.out(`${r.periods[c.period]!.label}: ${c.caption || c.id} ${verb} (${rank(c.rankBefore)} → ${rank(c.rankAfter)})`);
  }
}
