import type { Input } from '../../../shared/api';
import { isBuiltinSchema } from '../../../shared/catalogue';
import { DATATYPES, type Datatype, type TypeView } from '../../../shared/vocabulary/dto';
import type { Command, CommandContext } from '../cli/command';
import { jsonOption as json, list, str } from '../cli/command';
import { UsageError } from '../cli/passphrase';

// `cordon type add|list|remove` (issue 24), and the lookup of a case type's name the entity,
// link and analysis commands share: the contract takes type ids, the analyst types names.

type PropertyInput = NonNullable<Input<'type.add'>['properties']>[number];

/** `--prop name:datatype[:required][:identifies]`; an enumeration's values follow `=`, separated by `|`. */
export function parsePropSpec(spec: string): PropertyInput {
  const eq = spec.indexOf('=');
  const head = eq >= 0 ? spec.slice(0, eq) : spec;
  const parts = head.split(':').map((s) => s.trim());
  const [name, datatype, ...flags] = parts;
  if (!name || !datatype) throw new UsageError(`--prop takes name:datatype[:required][:identifies], got "${spec}"`);
  if (!(DATATYPES as readonly string[]).includes(datatype)) throw new UsageError(`--prop ${name}: the datatype is one of ${DATATYPES.join(', ')}, not "${datatype}"`);
  for (const f of flags) if (f !== 'required' && f !== 'identifies') throw new UsageError(`--prop ${name}: "${f}" is neither required nor identifies`);
  const values = eq >= 0 ? spec.slice(eq + 1).split('|').map((v) => v.trim()).filter(Boolean) : undefined;
  return { name, datatype: datatype as Datatype, required: flags.includes('required'), identifies: flags.includes('identifies'), ...(values ? { values } : {}) };
}

/** A type's id from its name (a built-in's name is its id); unknown names go to the core as given. */
export async function typeIds(ctx: CommandContext, names: readonly string[]): Promise<string[]> {
  if (names.every(isBuiltinSchema)) return [...names];
  const types = await ctx.call('type.list', {});
  return names.map((n) => resolve(types, n));
}

function resolve(types: readonly TypeView[], name: string): string {
  const exact = types.find((t) => t.id === name);
  if (exact) return exact.id;
  const k = name.trim().toLowerCase();
  return types.find((t) => !t.builtin && t.name.toLowerCase() === k)?.id ?? name;
}

function printType(ctx: CommandContext, t: TypeView): void {
  const props = t.properties.filter((p) => !p.inherited || !t.builtin);
  ctx.out(`${t.name}\t${t.kind}\t${t.builtin ? 'built-in' : `parent ${t.parent}`}${t.inUse ? `\t${t.inUse} in use` : ''}`);
  if (!t.builtin) {
    for (const p of props.filter((x) => !x.inherited)) {
      ctx.out(`  ${p.name}: ${p.datatype}${p.values ? ` (${p.values.join(' | ')})` : ''}${p.required ? ' required' : ''}${p.identifies ? ' identifies' : ''}`);
    }
  }
}

export const TYPE_COMMANDS: Record<string, Command> = {
  'type add': {
    usage:
      'cordon type add FILE --name NAME --kind entity|link --parent SCHEMA [--prop name:datatype[:required][:identifies][=v1|v2…] …] [--icon NAME] [--icon-svg FILE] [--color HEX] [--label TEMPLATE] [--json]',
    summary: "Define one of the case's own entity or link types; prints its id.",
    positionals: ['FILE'],
    options: {
      ...json,
      name: { type: 'string' },
      kind: { type: 'string' },
      parent: { type: 'string' },
      prop: { type: 'string', multiple: true },
      icon: { type: 'string' },
      'icon-svg': { type: 'string' },
      color: { type: 'string' },
      label: { type: 'string' },
    },
    async run(ctx) {
      const v = ctx.values;
      const [name, kind, parent] = [str(v.name), str(v.kind), str(v.parent)];
      if (!name || !kind || !parent) throw new UsageError('--name, --kind and --parent are required');
      if (kind !== 'entity' && kind !== 'link') throw new UsageError('--kind is entity or link');
      const properties = list(v.prop).map(parsePropSpec);
      let iconSvg: string | undefined;
      const svgFile = str(v['icon-svg']);
      if (svgFile) {
        const { readFileSync } = await import('node:fs');
        iconSvg = readFileSync(svgFile, 'utf8');
      }
      await ctx.openCase(ctx.positionals[0]!);
      const [parentId] = await typeIds(ctx, [parent]);
      const r = await ctx.call('type.add', {
        name,
        kind,
        parent: parentId!,
        properties,
        ...(str(v.icon) ? { icon: str(v.icon) } : {}),
        ...(iconSvg ? { iconSvg } : {}),
        ...(str(v.color) ? { color: str(v.color) } : {}),
        ...(str(v.label) ? { label: str(v.label) } : {}),
      });
      if (ctx.json) ctx.outJson(r);
      else ctx.out(`${r.id}\t${r.name}`);
      return 0;
    },
  },
  'type list': {
    usage: 'cordon type list FILE [--json]',
    summary: "List the entity and link types: the built-ins and the case's own.",
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const types = await ctx.call('type.list', {});
      if (ctx.json) {
        ctx.outJson({
          types: types.map((t) => ({
            id: t.id,
            name: t.name,
            kind: t.kind,
            parent: t.parent,
            builtin: t.builtin,
            ...(t.builtin ? {} : { icon: t.icon, color: t.color, label: t.label, origin: t.origin, version: t.version }),
            inUse: t.inUse,
            properties: t.properties.map((p) => ({
              id: p.id,
              name: p.name,
              datatype: p.datatype,
              ...(p.values ? { values: p.values } : {}),
              required: p.required,
              identifies: p.identifies,
              inherited: p.inherited,
            })),
          })),
        });
      } else for (const t of types) printType(ctx, t);
      return 0;
    },
  },
  'type remove': {
    usage: 'cordon type remove FILE NAME',
    summary: "Remove one of the case's own types (refused while entities use it).",
    positionals: ['FILE', 'NAME'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      await ctx.call('type.remove', { type: ctx.positionals[1]! });
      if (ctx.json) ctx.outJson({ removed: ctx.positionals[1] });
      else ctx.out(`removed ${ctx.positionals[1]}`);
      return 0;
    },
  },
};
