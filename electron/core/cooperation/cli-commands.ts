import { operationResultInput } from '../../../shared/cooperation/api';
import type { Input } from '../../../shared/api';
import type { MeetingDetail, OperationDetail } from '../../../shared/cooperation/dto';
import { CordonError } from '../../../shared/errors';
import { caseCommand, csvList, needString, optString } from '../cli/case-command';
import { jsonOption as json, printId, type Command, type CommandContext } from '../cli/command';
import { UsageError } from '../cli/passphrase';

// `cordon meeting …`, `cordon operation …` and `cordon briefing` (issue 7): the contract's
// cooperation methods, with the passphrase, --json and exit codes of DESIGN.md §8.

const printWarnings = (ctx: CommandContext, op: OperationDetail) => {
  for (const w of op.warnings) ctx.err(`warning: ${w.message}`);
};

function printMeeting(ctx: CommandContext, m: MeetingDetail): void {
  ctx.out(`${m.title}  (${m.kind}, ${m.date}${m.place ? `, ${m.place}` : ''})  ${m.id}`);
  ctx.out(`bureaus   ${m.bureaus.join(', ')}`);
  for (const o of m.officers) ctx.out(`officer   ${o.name} (${o.bureau})`);
  for (const item of m.agenda) {
    ctx.out(`${String(item.position).padStart(2)}. ${item.title}  ${item.id}`);
    for (const l of item.links) ctx.out(`      ${l.kind} ${l.label}${l.missing ? ' (missing)' : ''}`);
  }
  for (const d of m.decisions) ctx.out(`decision  ${d.text}`);
  for (const a of m.actions) ctx.out(`action    ${a.due} ${a.ownerBureau} ${a.status}${a.overdue ? ' OVERDUE' : ''}  ${a.title}`);
}

function printOperation(ctx: CommandContext, op: OperationDetail): void {
  ctx.out(`${op.name}${op.codeWord ? ` "${op.codeWord}"` : ''}  (${op.status}, led by ${op.leadBureau})  ${op.id}`);
  ctx.out(`bureaus     ${op.bureaus.join(', ')}${op.agencies.length ? `; agencies ${op.agencies.join(', ')}` : ''}`);
  ctx.out(`action day  ${op.actionDay ?? '-'}`);
  for (const t of op.targetList) ctx.out(`target      ${t.caption} (${t.entityId}) — ${t.bureau}${t.reason ? `: ${t.reason}` : ''}${t.state === 'live' ? '' : ` [${t.state}]`}`);
  for (const p of op.phases) ctx.out(`phase       ${p.start} – ${p.end}  ${p.name}`);
  for (const t of op.tasks) ctx.out(`task        ${t.start} – ${t.end}  ${t.title} (${t.owner})${t.dependsOn.length ? ` after ${t.dependsOn.join(', ')}` : ''}`);
  for (const row of op.timeline) for (const e of row.events) ctx.out(`  ${row.bureau.padEnd(4)} ${e.local} ${e.offset} ${row.timeZone}  ${e.label}`);
}

/** `--seizure TYPE:QTY`, QTY a number with an optional unit ("cocaine:12.5kg", "cash:1"). */
export function parseSeizure(text: string): { type: string; quantity: number; unit: string } {
  const colon = text.lastIndexOf(':');
  const type = text.slice(0, colon).trim();
  const m = /^(\d+(?:\.\d+)?)\s*([^\d\s.][^\s]*)?$/.exec(text.slice(colon + 1).trim());
  if (colon <= 0 || !type || !m) throw new UsageError(`--seizure takes TYPE:QUANTITY, e.g. cocaine:12kg; got "${text}"`);
  return { type, quantity: Number(m[1]), unit: m[2] ?? '' };
}

export const COOPERATION_COMMANDS: Record<string, Command> = {
  'meeting create': caseCommand({
    usage: 'cordon meeting create FILE --title T --date YYYY-MM-DD --bureaus A,B[,C…] [--place P] [--project ID] [--json]',
    summary: 'Plan a bilateral (two bureaus) or multilateral meeting; prints its id.',
    positionals: ['FILE'],
    options: { ...json, title: { type: 'string' }, date: { type: 'string' }, bureaus: { type: 'string' }, place: { type: 'string' }, project: { type: 'string' } },
    parse: (ctx) => {
      const v = ctx.values;
      const input: Input<'meeting.create'> = { title: needString(v.title, '--title'), date: needString(v.date, '--date'), bureaus: csvList(v.bureaus) };
      if (input.bureaus.length === 0) throw new UsageError('--bureaus is required (two or more bureau codes, comma-separated)');
      if (optString(v.place)) input.place = optString(v.place);
      if (optString(v.project)) input.projectId = optString(v.project);
      return input;
    },
    run: async (ctx, input) => printId(ctx, (await ctx.call('meeting.create', input)).id),
  }),
  'meeting list': caseCommand({
    usage: 'cordon meeting list FILE [--json]',
    summary: 'The meetings of a case, latest first.',
    positionals: ['FILE'],
    options: { ...json },
    parse: () => null,
    run: async (ctx) => {
      const meetings = await ctx.call('meeting.list', {});
      if (ctx.json) ctx.outJson({ meetings });
      else for (const m of meetings) ctx.out(`${m.id}\t${m.date}\t${m.kind}\t${m.bureaus.join(',')}\t${m.title}\t${m.items} items, ${m.openActions} open actions`);
    },
  }),
  'meeting show': caseCommand({
    usage: 'cordon meeting show FILE MEETING_ID [--json]',
    summary: 'A meeting with its agenda, decisions and action items.',
    positionals: ['FILE', 'MEETING_ID'],
    options: { ...json },
    parse: (ctx) => ({ id: ctx.positionals[1]! }),
    run: async (ctx, input) => {
      const m = await ctx.call('meeting.get', input);
      if (ctx.json) ctx.outJson(m);
      else printMeeting(ctx, m);
    },
  }),
  'meeting item': caseCommand({
    usage: 'cordon meeting item FILE MEETING_ID --title T [--entities ID,…] [--charts ID,…] [--json]',
    summary: 'Add an agenda item about entities and charts; prints its id.',
    positionals: ['FILE', 'MEETING_ID'],
    options: { ...json, title: { type: 'string' }, entities: { type: 'string' }, charts: { type: 'string' } },
    parse: (ctx): Input<'meeting.addItem'> => ({
      meetingId: ctx.positionals[1]!,
      title: needString(ctx.values.title, '--title'),
      entities: csvList(ctx.values.entities),
      charts: csvList(ctx.values.charts),
    }),
    run: async (ctx, input) => printId(ctx, (await ctx.call('meeting.addItem', input)).id),
  }),

  'operation create': caseCommand({
    usage: 'cordon operation create FILE --name N --lead BUREAU [--bureaus A,B] [--code-word W] [--agencies X,Y] [--project ID] [--json]',
    summary: 'Plan a joint operation (status planning); prints its id.',
    positionals: ['FILE'],
    options: {
      ...json,
      name: { type: 'string' },
      lead: { type: 'string' },
      bureaus: { type: 'string' },
      'code-word': { type: 'string' },
      agencies: { type: 'string' },
      project: { type: 'string' },
    },
    parse: (ctx) => {
      const v = ctx.values;
      const input: Input<'operation.create'> = {
        name: needString(v.name, '--name'),
        leadBureau: needString(v.lead, '--lead'),
        bureaus: csvList(v.bureaus),
        agencies: csvList(v.agencies),
      };
      if (optString(v['code-word'])) input.codeWord = optString(v['code-word']);
      if (optString(v.project)) input.projectId = optString(v.project);
      return input;
    },
    run: async (ctx, input) => printId(ctx, (await ctx.call('operation.create', input)).id),
  }),
  'operation list': caseCommand({
    usage: 'cordon operation list FILE [--json]',
    summary: 'The joint operations of a case.',
    positionals: ['FILE'],
    options: { ...json },
    parse: () => null,
    run: async (ctx) => {
      const operations = await ctx.call('operation.list', {});
      if (ctx.json) ctx.outJson({ operations });
      else for (const o of operations) ctx.out(`${o.id}\t${o.status}\t${o.leadBureau}\t${o.name}${o.codeWord ? ` (${o.codeWord})` : ''}\t${o.targets} targets\t${o.actionDay ?? '-'}`);
    },
  }),
  'operation show': caseCommand({
    usage: 'cordon operation show FILE OPERATION_ID [--as-of DATE] [--json]',
    summary: 'An operation’s plan: targets, phases, tasks, action day, and its warnings (on stderr).',
    positionals: ['FILE', 'OPERATION_ID'],
    options: { ...json, 'as-of': { type: 'string' } },
    parse: (ctx): Input<'operation.open'> => ({ id: ctx.positionals[1]!, ...(optString(ctx.values['as-of']) ? { asOf: optString(ctx.values['as-of']) } : {}) }),
    run: async (ctx, input) => {
      const op = await ctx.call('operation.open', input);
      if (ctx.json) ctx.outJson(op);
      else printOperation(ctx, op);
      printWarnings(ctx, op);
    },
  }),
  'operation target': caseCommand({
    usage: 'cordon operation target FILE OPERATION_ID ENTITY_ID --bureau B [--reason R] [--json]',
    summary: 'Make an entity a target of the operation, with the bureau responsible for it.',
    positionals: ['FILE', 'OPERATION_ID', 'ENTITY_ID'],
    options: { ...json, bureau: { type: 'string' }, reason: { type: 'string' } },
    parse: (ctx): Input<'operation.addTargets'> => ({
      id: ctx.positionals[1]!,
      targets: [{ entityId: ctx.positionals[2]!, bureau: needString(ctx.values.bureau, '--bureau'), reason: optString(ctx.values.reason) ?? '' }],
    }),
    run: async (ctx, input) => {
      const op = await ctx.call('operation.addTargets', input);
      if (ctx.json) ctx.outJson({ id: op.id, targets: op.targetList, warnings: op.warnings });
      else ctx.out(`${op.targetList.length} targets in ${op.name}`);
      printWarnings(ctx, op);
    },
  }),
  'operation deconflict': caseCommand({
    usage: 'cordon operation deconflict FILE [--json]',
    summary: 'Entities targeted by two operations, or targeted by one and under another bureau’s restricted information.',
    positionals: ['FILE'],
    options: { ...json },
    parse: () => null,
    run: async (ctx) => {
      const rows = await ctx.call('deconfliction.list', {});
      const conflicts = rows.map((r) => ({
        entity: r.entityId,
        caption: r.caption,
        kind: r.kind,
        operations: r.operations.map((o) => ({ id: o.id, name: o.name, code_word: o.codeWord, lead_bureau: o.leadBureau, status: o.status, target: o.targetId, bureau: o.bureau })),
        bureaus: r.bureaus,
        restricted: r.restricted.map((x) => ({ originator: x.originator, handling: x.handling, restricted_to: x.restrictedTo, sources: x.sources })),
      }));
      if (ctx.json) ctx.outJson({ conflicts });
      else for (const c of conflicts) ctx.out(`${c.entity}\t${c.caption}\t${c.kind}\t${c.operations.map((o) => o.name).join(', ')}\t${c.bureaus.join(',')}`);
    },
  }),
  'operation result': caseCommand({
    usage: 'cordon operation result FILE OPERATION_ID ENTITY_ID (--arrested | --seizure TYPE:QTY …) [--bureau B] [--value N --currency EUR] [--json]',
    summary: 'Record an arrest and seizures on a target (the country defaults to the bureau responsible for it).',
    positionals: ['FILE', 'OPERATION_ID', 'ENTITY_ID'],
    options: {
      ...json,
      arrested: { type: 'boolean' },
      seizure: { type: 'string', multiple: true },
      bureau: { type: 'string' },
      value: { type: 'string' },
      currency: { type: 'string' },
    },
    parse: (ctx) => {
      const v = ctx.values;
      const seizures = (Array.isArray(v.seizure) ? (v.seizure as string[]) : []).map(parseSeizure);
      if (v.arrested !== true && seizures.length === 0) throw new UsageError('give --arrested, --seizure TYPE:QTY, or both');
      const value = optString(v.value) === undefined ? undefined : Number(v.value);
      if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new UsageError('--value takes a number ≥ 0');
      if (value !== undefined && seizures.length !== 1) throw new UsageError('--value goes with exactly one --seizure');
      const money = value === undefined ? {} : { value, currency: needString(v.currency, '--currency (with --value)') };
      return { operationId: ctx.positionals[1]!, entityId: ctx.positionals[2]!, bureau: optString(v.bureau), arrested: v.arrested === true, seizures, money };
    },
    run: async (ctx, a) => {
      // The country defaults to the bureau responsible for the target; asked for before anything is written.
      const op = await ctx.call('operation.open', { id: a.operationId });
      const bureau = a.bureau ?? op.targetList.find((t) => t.entityId === a.entityId)?.bureau;
      if (!bureau) throw new UsageError(`${a.entityId} is not a target of ${op.name}: name the country with --bureau`);
      const base = { operationId: a.operationId, entityId: a.entityId, bureau };
      const inputs: Array<Input<'operation.recordResult'>> = [
        ...(a.arrested ? [{ ...base, kind: 'arrest' as const }] : []),
        ...a.seizures.map((s) => ({ ...base, kind: 'seizure' as const, ...s, ...a.money })),
      ];
      // All or nothing: every row is checked against the contract before the first is written.
      for (const input of inputs) {
        const checked = operationResultInput.safeParse(input);
        if (!checked.success) throw new CordonError('INVALID_INPUT', checked.error.issues[0]?.message ?? 'Result rejected.');
      }
      const recorded = [];
      for (const input of inputs) recorded.push(await ctx.call('operation.recordResult', input));
      if (ctx.json) ctx.outJson({ ids: recorded.map((r) => r.id), results: recorded });
      else for (const r of recorded) ctx.out(`${r.id}\t${r.kind}\t${r.bureau}${r.type ? `\t${r.type} ${r.quantity ?? ''}${r.unit}` : ''}`);
    },
  }),
  briefing: caseCommand({
    usage: 'cordon briefing FILE MEETING_ID OUT.pdf [--for BUREAU] [--force] [--json]',
    summary: 'Write the meeting’s briefing pack (PDF); --for a participant bureau leaves out what it may not see.',
    positionals: ['FILE', 'MEETING_ID', 'OUT'],
    options: { ...json, for: { type: 'string' }, force: { type: 'boolean' } },
    parse: (ctx): Input<'meeting.briefing'> => ({
      meetingId: ctx.positionals[1]!,
      path: ctx.positionals[2]!,
      overwrite: ctx.values.force === true,
      ...(optString(ctx.values.for) ? { for: optString(ctx.values.for) } : {}),
    }),
    run: async (ctx, input) => {
      const r = await ctx.call('meeting.briefing', input);
      if (ctx.json) ctx.outJson(r);
      else {
        ctx.out(`${r.path}\n${r.pages} pages, ${r.items} agenda items, marked ${r.handling ?? 'no handling code'} TLP:${r.tlp ?? '-'}`);
        for (const w of r.withheld) ctx.out(`left out for ${r.recipient}: ${w.title} (${w.reason})`);
      }
    },
  }),
};
