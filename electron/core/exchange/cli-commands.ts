import type { Input } from '../../../shared/api';
import type { ImportPreview } from '../../../shared/exchange/dto';
import type { ErrorPayload } from '../../../shared/errors';
import type { Command, CommandContext } from '../cli/command';
import { UsageError } from '../cli/passphrase';

// `cordon officer …`, `cordon package …`, `cordon project …` (issue 6; DESIGN.md §8): the same
// contract the UI uses. A refused package exits 4 ("input rejected"), with the reason on stderr.

const json = { json: { type: 'boolean' } } as const;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const csv = (v: unknown): string[] =>
  str(v)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];
const REFUSED = 4;

/** Runs `fn`; a refused package becomes exit 4 with its reason (and the steps under --json). */
async function refusable(ctx: CommandContext, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    const payload = ((e as { payload?: ErrorPayload }).payload ?? e) as Partial<ErrorPayload>;
    if (payload?.code !== 'PACKAGE_REJECTED') throw e;
    if (ctx.json) ctx.outJson({ ok: false, error: { code: payload.code, message: payload.message, ...(payload.details as object) } });
    ctx.err(`${payload.code}: ${payload.message}`);
    return REFUSED;
  }
}

type Scope = Input<'package.export'>['scope'];

function scopeFrom(values: CommandContext['values']): Scope | { kind: 'chart'; id: string } {
  const chosen = [
    values.all === true && 'all',
    str(values.select) && 'select',
    str(values.entities) && 'entities',
    str(values.chart) && 'chart',
    str(values.project) && 'project',
    values.changed === true && 'changed',
  ].filter(Boolean);
  if (chosen.length !== 1) throw new UsageError('choose exactly one of --all, --chart ID, --select QUERY, --entities ID,…, --project ID, --changed');
  if (str(values.chart)) return { kind: 'chart', id: str(values.chart)! };
  if (values.all === true) return { kind: 'all' };
  if (str(values.select)) return { kind: 'search', query: str(values.select)! };
  if (str(values.entities)) return { kind: 'entities', ids: csv(values.entities) };
  if (str(values.project)) return { kind: 'project', id: str(values.project)! };
  return { kind: 'changed' };
}

export const EXCHANGE_COMMANDS: Record<string, Command> = {
  'officer init': {
    usage: 'cordon officer init FILE --bureau CODE --name NAME [--role R] [--languages en,fr] [--phone P] [--email E] [--country C] [--bureau-name N] [--valid-days N] [--json]',
    summary: 'Create this workstation’s officer identity and keys (private keys stay inside the encrypted case).',
    positionals: ['FILE'],
    options: {
      ...json,
      bureau: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      languages: { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string' },
      country: { type: 'string' },
      'bureau-name': { type: 'string' },
      'valid-days': { type: 'string' },
    },
    async run(ctx) {
      const v = ctx.values;
      const [bureau, name] = [str(v.bureau), str(v.name)];
      if (!bureau || !name) throw new UsageError('--bureau and --name are required');
      const days = str(v['valid-days']) ? Number(v['valid-days']) : undefined;
      if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new UsageError('--valid-days takes a whole number ≥ 1');
      await ctx.openCase(ctx.positionals[0]!);
      const me = await ctx.call('officer.init', {
        bureau,
        name,
        ...(str(v.role) ? { role: str(v.role) } : {}),
        ...(str(v.languages) ? { languages: csv(v.languages) } : {}),
        ...(str(v.phone) ? { phone: str(v.phone) } : {}),
        ...(str(v.email) ? { email: str(v.email) } : {}),
        ...(str(v.country) ? { country: str(v.country) } : {}),
        ...(str(v['bureau-name']) ? { bureauName: str(v['bureau-name']) } : {}),
        ...(days ? { validDays: days } : {}),
      });
      if (ctx.json) ctx.outJson(me);
      else ctx.out(`${me.id}\n${me.name} (${me.bureau.code})\nfingerprint ${me.fingerprintGroups}`);
      return 0;
    },
  },
  'officer card': {
    usage: 'cordon officer card FILE OUT.json [--json]',
    summary: 'Write my signed contact card, to hand to partner officers.',
    positionals: ['FILE', 'OUT'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('officer.exportCard', { path: ctx.positionals[1]! });
      if (ctx.json) ctx.outJson(r);
      else ctx.out(`${r.path}\nfingerprint ${r.fingerprintGroups}   (read it to the partner to verify)`);
      return 0;
    },
  },
  'officer import': {
    usage: 'cordon officer import FILE CARD.json [--verified] [--json]',
    summary: 'Add a partner officer from their contact card; --verified once the fingerprint was checked with them.',
    positionals: ['FILE', 'CARD'],
    options: { ...json, verified: { type: 'boolean' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const o = await ctx.call('officer.importCard', { path: ctx.positionals[1]!, verified: ctx.values.verified === true });
      if (ctx.json) ctx.outJson({ id: o.id, name: o.name, bureau: o.bureau.code, fingerprint: o.fingerprint, status: o.status });
      else ctx.out(`${o.id}\n${o.name} (${o.bureau.code}) — ${o.status}\nfingerprint ${o.fingerprintGroups}`);
      return 0;
    },
  },
  'officer list': {
    usage: 'cordon officer list FILE [--json]',
    summary: 'The directory of contact officers, with fingerprints and trust status.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const list = await ctx.call('officer.list', {});
      if (ctx.json) ctx.outJson({ officers: list });
      else for (const o of list) ctx.out(`${o.id}\t${o.bureau.code}\t${o.name}\t${o.status}${o.verifiedAt ? ` ${o.verifiedAt.slice(0, 10)} by ${o.verifiedBy}` : ''}\t${o.fingerprintGroups}`);
      return 0;
    },
  },
  'officer verify': {
    usage: 'cordon officer verify FILE ID [--fingerprint "ABCD EF01 …"] [--json]',
    summary: 'Mark a partner’s key verified (checked in person or by voice); with --fingerprint, only if it matches.',
    positionals: ['FILE', 'ID'],
    options: { ...json, fingerprint: { type: 'string' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const fp = str(ctx.values.fingerprint);
      const o = await ctx.call('officer.verify', { id: ctx.positionals[1]!, ...(fp ? { fingerprint: fp } : {}) });
      if (ctx.json) ctx.outJson(o);
      else ctx.out(`${o.name} (${o.bureau.code}) — ${o.status}`);
      return 0;
    },
  },
  'officer revoke': {
    usage: 'cordon officer revoke FILE ID --reason TEXT [--json]',
    summary: 'Revoke an officer’s key: their packages are refused from now on.',
    positionals: ['FILE', 'ID'],
    options: { ...json, reason: { type: 'string' } },
    async run(ctx) {
      const reason = str(ctx.values.reason);
      if (!reason) throw new UsageError('--reason is required');
      await ctx.openCase(ctx.positionals[0]!);
      const o = await ctx.call('officer.revoke', { id: ctx.positionals[1]!, reason });
      if (ctx.json) ctx.outJson(o);
      else ctx.out(`${o.name} (${o.bureau.code}) — ${o.status}`);
      return 0;
    },
  },
  'package export': {
    usage:
      'cordon package export FILE OUT.cordonpkg --to ID[,ID…] [--all | --chart ID | --select QUERY | --entities ID,… | --project ID | --changed] [--operation ID]… [--json]',
    summary: 'Write a signed, encrypted exchange package; prints the handling review (what was withheld and why).',
    positionals: ['FILE', 'OUT'],
    options: {
      ...json,
      to: { type: 'string' },
      all: { type: 'boolean' },
      chart: { type: 'string' },
      select: { type: 'string' },
      entities: { type: 'string' },
      project: { type: 'string' },
      changed: { type: 'boolean' },
      // Repeatable: each names an operation whose plan goes with the package (issue 7).
      operation: { type: 'string', multiple: true },
    },
    async run(ctx) {
      const to = csv(ctx.values.to);
      const operations = (ctx.values.operation as string[] | undefined) ?? [];
      if (to.length === 0) throw new UsageError('--to takes the officer id(s) the package is for');
      const chosen = scopeFrom(ctx.values);
      await ctx.openCase(ctx.positionals[0]!);
      // A chart is a view over the case: the package carries the entities on it (and the links
      // between them, which the export adds for entities it sends).
      const scope: Scope =
        chosen.kind === 'chart' ? { kind: 'entities', ids: (await ctx.call('chart.open', { id: chosen.id })).nodes.map((n) => n.id) } : chosen;
      if (scope.kind === 'entities' && scope.ids.length === 0) throw new UsageError(`chart ${chosen.kind === 'chart' ? chosen.id : ''} has no entities on it`);
      const r = await ctx.call('package.export', { path: ctx.positionals[1]!, to, scope, operations });
      if (ctx.json) ctx.outJson(r);
      else {
        const rv = r.review;
        ctx.out(`package ${r.packageId} → ${rv.recipients.map((x) => `${x.name} (${x.bureau})`).join(', ')}`);
        ctx.out(`scope     ${rv.scope}`);
        ctx.out(`sent      ${rv.included.entities} entities, ${rv.included.links} links, ${rv.included.statements} statements, ${rv.included.sources} sources, ${rv.included.retractions} retractions`);
        ctx.out(`highest   TLP ${rv.highest.tlp ?? '-'}   handling ${rv.highest.handling ?? '-'}`);
        ctx.out(`withheld  ${rv.withheld.sources} sources, ${rv.withheld.entities} entities, ${rv.withheld.links} links, ${rv.withheld.statements} statements`);
        for (const w of rv.withheld.items) ctx.out(`  - ${w.kind} ${w.id} "${w.caption}": ${w.reason}`);
        for (const c of rv.conditions) ctx.out(`  conditions (${c.handling}) on ${c.title}: ${c.conditions ?? 'see the source'}`);
        for (const p of rv.plans) ctx.out(`plan      ${p.name}${p.codeWord ? ` (${p.codeWord})` : ''}: ${p.targets} target(s) sent, ${p.withheldTargets} withheld`);
        ctx.out(`${r.path} (${r.bytes} bytes)`);
      }
      return 0;
    },
  },
  'package verify': {
    usage: 'cordon package verify FILE PKG [--json]',
    summary: 'Check a package (signature, recipient, digests, replay) and preview it; writes nothing but the audit row.',
    positionals: ['FILE', 'PKG'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      return refusable(ctx, async () => {
        const p = await ctx.call('package.verify', { path: ctx.positionals[1]! });
        if (ctx.json) ctx.outJson({ ok: true, ...p });
        else printPreview(ctx, p);
        return 0;
      });
    },
  },
  'package import': {
    usage: 'cordon package import FILE PKG [--accept-all | --accept ID,…] [--receipt OUT.cordonpkg] [--json]',
    summary: 'Verify, then import all (--accept-all) or part (--accept) of a package; without either, only preview it.',
    positionals: ['FILE', 'PKG'],
    options: { ...json, 'accept-all': { type: 'boolean' }, accept: { type: 'string' }, receipt: { type: 'string' } },
    async run(ctx) {
      const all = ctx.values['accept-all'] === true;
      const some = csv(ctx.values.accept);
      if (all && some.length) throw new UsageError('give either --accept-all or --accept, not both');
      await ctx.openCase(ctx.positionals[0]!);
      return refusable(ctx, async () => {
        const path = ctx.positionals[1]!;
        if (!all && some.length === 0) {
          const p = await ctx.call('package.verify', { path });
          if (ctx.json) ctx.outJson({ ok: true, imported: false, preview: p });
          else {
            printPreview(ctx, p);
            ctx.out('nothing imported: pass --accept-all, or --accept with the ids to take');
          }
          return 0;
        }
        const r = await ctx.call('package.import', { path, accept: all ? 'all' : { entities: some } });
        const receiptPath = str(ctx.values.receipt);
        const receipt = receiptPath && r.kind === 'data' ? await ctx.call('package.receipt', { packageId: r.packageId, path: receiptPath }) : null;
        if (ctx.json) ctx.outJson({ ok: true, imported: true, ...r, receipt });
        else {
          ctx.out(`imported ${r.kind} package ${r.packageId} from ${r.sender.name} (${r.sender.bureau})`);
          if (r.kind === 'data') {
            ctx.out(`entities  ${r.entitiesCreated} new, ${r.entitiesMerged} merged; links ${r.linksCreated} new`);
            ctx.out(`statements ${r.statementsAdded} added, ${r.statementsSeen} already known, ${r.statementsSkipped} skipped; ${r.retracted} retracted; ${r.sourcesAdded} sources added`);
          }
          if (r.gap) ctx.out(r.gap);
          for (const n of r.notices) ctx.out(`note: ${n}`);
          if (receipt) ctx.out(`receipt ${receipt.path}`);
        }
        return 0;
      });
    },
  },
  'package receipt': {
    usage: 'cordon package receipt FILE PACKAGE_ID OUT.cordonpkg [--json]',
    summary: 'Write a signed receipt for an imported package, for its sender.',
    positionals: ['FILE', 'PACKAGE_ID', 'OUT'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('package.receipt', { packageId: ctx.positionals[1]!, path: ctx.positionals[2]! });
      if (ctx.json) ctx.outJson(r);
      else ctx.out(r.path);
      return 0;
    },
  },
  'package list': {
    usage: 'cordon package list FILE [--json]',
    summary: 'Packages sent and received, with receipts.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const rows = await ctx.call('package.list', {});
      if (ctx.json) ctx.outJson({ packages: rows });
      else for (const r of rows) ctx.out(`${r.created}\t${r.direction}\t${r.kind}\t${r.packageId}\t${r.peers.join(', ')}${r.receipts.length ? `\treceipts ${r.receipts.length}` : ''}`);
      return 0;
    },
  },
  'project create': {
    usage: 'cordon project create FILE --name NAME [--scope TEXT] [--bureaus A,B] [--json]',
    summary: 'Create an analysis project; prints its id.',
    positionals: ['FILE'],
    options: { ...json, name: { type: 'string' }, scope: { type: 'string' }, bureaus: { type: 'string' } },
    async run(ctx) {
      const name = str(ctx.values.name);
      if (!name) throw new UsageError('--name is required');
      await ctx.openCase(ctx.positionals[0]!);
      const p = await ctx.call('project.create', { name, scope: str(ctx.values.scope) ?? '', bureaus: csv(ctx.values.bureaus) });
      if (ctx.json) ctx.outJson(p);
      else ctx.out(p.id);
      return 0;
    },
  },
  'project add': {
    usage: 'cordon project add FILE PROJECT_ID [--entities ID,…] [--sources ID,…] [--json]',
    summary: 'Contribute entities and sources to a project.',
    positionals: ['FILE', 'PROJECT_ID'],
    options: { ...json, entities: { type: 'string' }, sources: { type: 'string' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const p = await ctx.call('project.addItems', { id: ctx.positionals[1]!, entityIds: csv(ctx.values.entities), sourceIds: csv(ctx.values.sources) });
      if (ctx.json) ctx.outJson(p);
      else ctx.out(`${p.name}: ${p.entities} entities, ${p.sources} sources`);
      return 0;
    },
  },
  'project list': {
    usage: 'cordon project list FILE [--json]',
    summary: 'The analysis projects of this case.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const list = await ctx.call('project.list', {});
      if (ctx.json) ctx.outJson({ projects: list });
      else for (const p of list) ctx.out(`${p.id}\t${p.name}\t${p.bureaus.join(',')}\t${p.entities} entities`);
      return 0;
    },
  },
};

function printPreview(ctx: CommandContext, preview: ImportPreview): void {
  for (const s of preview.steps) ctx.out(`ok  ${s.step.padEnd(18)} ${s.message}`);
  const k = preview.package;
  ctx.out(`package   ${k.packageId} (${k.kind}) from ${k.sender.name} (${k.sender.bureau}), ${k.created}, TLP ${k.tlp ?? '-'}, number ${k.sequence.number}`);
  if (k.sequence.gap) ctx.out(k.sequence.gap);
  if (preview.receipt) ctx.out(`receipt for package ${preview.receipt.packageId}, imported ${preview.receipt.importedAt}`);
  const c = preview.counts;
  ctx.out(`contents  ${c.entities} entities, ${c.links} links, ${c.statements} statements, ${c.sources} sources, ${c.retractions} retractions`);
  ctx.out(`matches   ${preview.matches.sameId} by id, ${preview.matches.sameName} by name`);
  for (const i of preview.items.filter((x) => x.match)) ctx.out(`  ${i.id} "${i.caption}" ↔ ${i.match!.kind} ${i.match!.existing.id} "${i.match!.existing.caption}"`);
  for (const n of preview.notices) ctx.out(`note: ${n}`);
}
