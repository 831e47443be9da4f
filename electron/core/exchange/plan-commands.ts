import type { Command } from '../cli/command';

// `cordon package plans FILE` and `cordon package plan FILE ID`: the operation plans other bureaus
// shared with this case (issue 7), listed, or one shown in full. Read-only, like the plans.

export const PLAN_COMMANDS: Record<string, Command> = {
  'package plan': {
    usage: 'cordon package plan FILE RECEIVED_PLAN_ID [--json]',
    summary: 'One received operation plan in full, its targets mapped to entities of this case.',
    positionals: ['FILE', 'RECEIVED_PLAN_ID'],
    options: { json: { type: 'boolean' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const p = await ctx.call('package.receivedPlan', { id: ctx.positionals[1]! });
      if (ctx.json) ctx.outJson(p);
      else {
        ctx.out(`${p.name}${p.codeWord ? ` (${p.codeWord})` : ''} — led by ${p.leadBureau}, ${p.status}; from ${p.sender.officer} (${p.sender.bureau}), sent ${p.sentAt}`);
        ctx.out(`bureaus   ${p.bureaus.join(', ')}`);
        ctx.out(`action    ${p.actionDay ?? '-'}`);
        for (const ph of p.phases) ctx.out(`phase     ${ph.start} – ${ph.end}  ${ph.name}`);
        for (const t of p.tasks) ctx.out(`task      ${t.start} – ${t.end}  ${t.title} (${t.owner})`);
        for (const e of p.actionDayEvents) ctx.out(`event     ${e.at}  ${e.bureau} ${e.timeZone}  ${e.label}`);
        for (const t of p.targetList) ctx.out(`target    ${t.mapped ? `${t.mapped.caption} [${t.entityId}]` : `${t.entityId} (not in this case)`}  ${t.bureau}  ${t.reason}`);
      }
      return 0;
    },
  },
  'package plans': {
    usage: 'cordon package plans FILE [--json]',
    summary: 'Operation plans received from other bureaus, newest first.',
    positionals: ['FILE'],
    options: { json: { type: 'boolean' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const rows = await ctx.call('package.receivedPlans', {});
      if (ctx.json) ctx.outJson({ plans: rows });
      else for (const r of rows) ctx.out(`${r.id}\t${r.name}\t${r.codeWord}\t${r.sender.bureau}\t${r.receivedAt}\t${r.targets} target(s)`);
      return 0;
    },
  },
};
