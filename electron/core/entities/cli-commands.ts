import type { Input } from '../../../shared/api';
import type { Command } from '../cli/command';
import { jsonOption as json, list, parseProps, printId, str } from '../cli/command';
import { UsageError } from '../cli/passphrase';
import { typeIds } from '../vocabulary/cli-commands';

// `cordon entity add|show`, `cordon link add`, `cordon source add` and `cordon search` (DESIGN.md §8).

export const ENTITY_COMMANDS: Record<string, Command> = {
  'entity add': {
    usage: 'cordon entity add FILE --schema S --prop k=v ... [--source ID] [--json]',
    summary: 'Add an entity; prints its id.',
    positionals: ['FILE'],
    options: { ...json, schema: { type: 'string' }, prop: { type: 'string', multiple: true }, source: { type: 'string' } },
    async run(ctx) {
      const schema = str(ctx.values.schema);
      if (!schema) throw new UsageError('--schema is required');
      await ctx.openCase(ctx.positionals[0]!);
      const source = str(ctx.values.source);
      // A case's own type is named as the analyst named it (issue 24); the contract takes its id.
      const [schemaId] = await typeIds(ctx, [schema]);
      const r = await ctx.call('entity.create', { schema: schemaId!, properties: parseProps(list(ctx.values.prop)), ...(source ? { sourceId: source } : {}) });
      printId(ctx, r.id);
      return 0;
    },
  },
  'entity show': {
    usage: 'cordon entity show FILE ID [--json]',
    summary: 'Show an entity with the source and grading of every value.',
    positionals: ['FILE', 'ID'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const e = await ctx.call('entity.get', { id: ctx.positionals[1]! });
      if (ctx.json) {
        const properties: Record<string, unknown[]> = {};
        for (const [prop, values] of Object.entries(e.properties)) {
          properties[prop] = values.map((v) => ({
            value: v.value,
            source_id: v.sourceId,
            ...(v.source ? { grading: v.source.grade, grading_scheme: v.source.scheme, handling: v.source.handling, tlp: v.source.tlp } : {}),
            originator: v.originator,
            statement_id: v.id,
          }));
        }
        ctx.outJson({ id: e.id, schema: e.schema, caption: e.caption, properties, links: e.links, handling: e.handling, tlp: e.tlp });
      } else {
        ctx.out(`${e.caption || '(no caption)'}  [${e.schema}]  ${e.id}`);
        for (const [prop, values] of Object.entries(e.properties)) {
          for (const v of values) {
            const grading = v.source ? `${v.source.grade}${v.source.handling ? ` ${v.source.handling}` : ''}${v.source.tlp ? ` TLP:${v.source.tlp}` : ''} — ${v.source.title}` : 'no source';
            ctx.out(`  ${prop.padEnd(20)} ${v.value}    (${grading}; ${v.originator})`);
          }
        }
        for (const l of e.links) ctx.out(`  ${l.direction === 'out' ? '→' : '←'} ${l.schema} ${l.other.caption} (${l.other.id})`);
      }
      return 0;
    },
  },
  'link add': {
    usage: 'cordon link add FILE --schema S --from ID --to ID [--prop k=v ...] [--source ID] [--json]',
    summary: 'Add a link between two entities; prints its id.',
    positionals: ['FILE'],
    options: {
      ...json,
      schema: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      prop: { type: 'string', multiple: true },
      source: { type: 'string' },
    },
    async run(ctx) {
      const [schema, from, to] = [str(ctx.values.schema), str(ctx.values.from), str(ctx.values.to)];
      if (!schema || !from || !to) throw new UsageError('--schema, --from and --to are required');
      await ctx.openCase(ctx.positionals[0]!);
      const source = str(ctx.values.source);
      const [schemaId] = await typeIds(ctx, [schema]);
      const r = await ctx.call('link.create', { schema: schemaId!, from, to, properties: parseProps(list(ctx.values.prop)), ...(source ? { sourceId: source } : {}) });
      printId(ctx, r.id);
      return 0;
    },
  },
  'source add': {
    usage: 'cordon source add FILE --title T --scheme eu4x4|admiralty|uk3x5x2 --grade B2 [--handling H2] [--tlp AMBER] [--reference R] [--date D] [--restricted-to A,B] [--json]',
    summary: 'Add a graded source report; prints its id.',
    positionals: ['FILE'],
    options: {
      ...json,
      title: { type: 'string' },
      scheme: { type: 'string' },
      grade: { type: 'string' },
      handling: { type: 'string' },
      'handling-conditions': { type: 'string' },
      tlp: { type: 'string' },
      reference: { type: 'string' },
      date: { type: 'string' },
      'restricted-to': { type: 'string' },
    },
    async run(ctx) {
      const v = ctx.values;
      const [title, scheme, grade] = [str(v.title), str(v.scheme), str(v.grade)];
      if (!title || !scheme || !grade) throw new UsageError('--title, --scheme and --grade are required');
      await ctx.openCase(ctx.positionals[0]!);
      const optional = {
        ...(str(v.handling) ? { handling: str(v.handling) } : {}),
        ...(str(v['handling-conditions']) ? { handlingConditions: str(v['handling-conditions']) } : {}),
        ...(str(v.tlp) ? { tlp: str(v.tlp)!.toUpperCase() } : {}),
        ...(str(v.reference) ? { reference: str(v.reference) } : {}),
        ...(str(v.date) ? { reportDate: str(v.date) } : {}),
        ...(str(v['restricted-to']) ? { restrictedTo: str(v['restricted-to'])!.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      };
      const r = await ctx.call('source.create', { title, scheme, grade, ...optional } as Input<'source.create'>);
      printId(ctx, r.id);
      return 0;
    },
  },
  search: {
    usage: 'cordon search FILE QUERY [--limit N] [--json]',
    summary: 'Search names, aliases and identifiers, then words inside attached documents (case- and accent-insensitive).',
    positionals: ['FILE', 'QUERY'],
    options: { ...json, limit: { type: 'string' } },
    async run(ctx) {
      const limit = str(ctx.values.limit) ? Number(ctx.values.limit) : 50;
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
      await ctx.openCase(ctx.positionals[0]!);
      const results = await ctx.call('search', { query: ctx.positionals[1]!, limit });
      if (ctx.json) ctx.outJson({ results });
      else for (const r of results) ctx.out(`${r.id}\t${r.schema}\t${r.caption}${r.attachment ? `\tin ${r.attachmentName} (${r.attachment}), page ${r.page}` : ''}`);
      return 0;
    },
  },
};
