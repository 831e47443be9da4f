import type { ImportSpec } from '../../../../shared/interchange/api';
import { getProperty, getSchema, type PropertyDef, type SchemaDef } from '../../../../shared/catalogue';
import { CordonError } from '../../../../shared/errors';
import { normaliseValue } from '../../../../shared/values';
import type { Values } from '../sink';
import { parseDate } from './dates';

// The import specification checked against the catalogue and the file's columns (before anything
// is written: a spec that cannot work refuses the whole import), then applied row by row.

type Getter = (cells: string[]) => string;

interface CompiledProp {
  prop: string;
  def: PropertyDef;
  get: Getter;
  constant: boolean;
  dateFormat: string | undefined;
  split: string | undefined;
}

export interface CompiledEntity {
  key: string;
  schema: SchemaDef;
  props: CompiledProp[];
  identity: string[];
}

export interface CompiledLink {
  schema: SchemaDef;
  from: number;
  to: number;
  props: CompiledProp[];
}

export interface CompiledSpec {
  entities: CompiledEntity[];
  links: CompiledLink[];
  sourceColumns: Partial<Record<'title' | 'reference' | 'grade' | 'handling' | 'reportDate', Getter>>;
}

function columnGetter(ref: string | number, columns: string[] | null, problems: string[], where: string): Getter {
  if (typeof ref === 'number') {
    if (columns && ref >= columns.length) problems.push(`${where}: column ${ref} does not exist (the file has ${columns.length} columns, numbered from 0)`);
    return (cells) => cells[ref] ?? '';
  }
  if (!columns) {
    problems.push(`${where}: column "${ref}" is named, but the file has no header row (number the columns from 0)`);
    return () => '';
  }
  let i = columns.indexOf(ref);
  if (i < 0) i = columns.findIndex((c) => c.trim().toLowerCase() === ref.trim().toLowerCase());
  if (i < 0) {
    problems.push(`${where}: there is no column "${ref}" (the columns are ${columns.map((c) => `"${c}"`).join(', ')})`);
    return () => '';
  }
  const at = i;
  return (cells) => cells[at] ?? '';
}

function compileProps(
  schema: SchemaDef,
  props: Record<string, ImportSpec['entities'][number]['properties'][string]>,
  columns: string[] | null,
  problems: string[],
  where: string,
): CompiledProp[] {
  const out: CompiledProp[] = [];
  for (const [prop, m] of Object.entries(props)) {
    const def = getProperty(schema, prop);
    if (!def) {
      problems.push(`${where}: ${schema.label} has no property "${prop}" (it has ${schema.properties.map((p) => p.name).join(', ')})`);
      continue;
    }
    if (schema.edge && (prop === schema.edge.source || prop === schema.edge.target)) {
      problems.push(`${where}: "${prop}" is an end of the link; map it with from/to`);
      continue;
    }
    if ('value' in m) {
      const v = m.value;
      out.push({ prop, def, get: () => v, constant: true, dateFormat: undefined, split: undefined });
    } else {
      if (m.dateFormat && def.type !== 'date') problems.push(`${where}: ${prop} is not a date, it cannot take a date format`);
      out.push({ prop, def, get: columnGetter(m.column, columns, problems, `${where}.${prop}`), constant: false, dateFormat: m.dateFormat, split: m.split });
    }
  }
  return out;
}

export function compileSpec(spec: ImportSpec, columns: string[] | null): CompiledSpec {
  const problems: string[] = [];
  if (spec.entities.length === 0) problems.push('the mapping has no entity: map at least one column to an entity type');
  const keys = new Map<string, number>();
  const entities: CompiledEntity[] = spec.entities.map((e, i) => {
    const schema = getSchema(e.schema)!;
    const where = `entity "${e.key}"`;
    if (keys.has(e.key)) problems.push(`${where}: the key is used twice`);
    keys.set(e.key, i);
    const props = compileProps(schema, e.properties, columns, problems, where);
    if (props.length === 0) problems.push(`${where}: no property is mapped`);
    for (const p of e.identity) {
      if (!props.some((x) => x.prop === p)) problems.push(`${where}: identity property "${p}" is not mapped to a column`);
    }
    return { key: e.key, schema, props, identity: e.identity };
  });
  const links: CompiledLink[] = spec.links.map((l, i) => {
    const schema = getSchema(l.schema)!;
    const where = `link ${i + 1} (${l.schema})`;
    const from = keys.get(l.from);
    const to = keys.get(l.to);
    if (from === undefined) problems.push(`${where}: from "${l.from}" is not an entity of the mapping`);
    if (to === undefined) problems.push(`${where}: to "${l.to}" is not an entity of the mapping`);
    if (l.from === l.to) problems.push(`${where}: a link needs two different entities`);
    for (const [end, idx] of [
      [schema.edge!.source, from],
      [schema.edge!.target, to],
    ] as const) {
      const def = getProperty(schema, end)!;
      const ent = idx === undefined ? undefined : spec.entities[idx];
      if (ent && def.range && def.range.length > 0 && !def.range.includes(ent.schema)) {
        problems.push(`${where}: the ${def.label.toLowerCase()} must be one of ${def.range.join(', ')}, not ${ent.schema}`);
      }
    }
    return { schema, from: from ?? 0, to: to ?? 0, props: compileProps(schema, l.properties, columns, problems, where) };
  });
  const sourceColumns: CompiledSpec['sourceColumns'] = {};
  for (const [k, ref] of Object.entries(spec.sourceColumns ?? {})) {
    if (ref !== undefined) sourceColumns[k as keyof CompiledSpec['sourceColumns']] = columnGetter(ref, columns, problems, `sourceColumns.${k}`);
  }
  if (problems.length > 0) throw new CordonError('INVALID_INPUT', `The mapping does not fit this file: ${problems.join('; ')}`, problems);
  return { entities, links, sourceColumns };
}

/** A property's values in one row, normalised; or the reason the row cannot be imported. */
function readProp(p: CompiledProp, cells: string[]): { values: string[] } | { error: string } {
  const raw = p.get(cells);
  const parts = p.split ? raw.split(p.split) : [raw];
  const values: string[] = [];
  for (const part of parts) {
    if (part.trim() === '') continue;
    const check = p.dateFormat ? parseDate(part, p.dateFormat) : normaliseValue(p.def.type, part);
    if (!check.ok) return { error: `${p.def.label.toLowerCase()} ${check.reason.replace(/^"([^"]*)"/, "'$1'")}` };
    if (!values.includes(check.value)) values.push(check.value);
  }
  return { values };
}

export interface RowRecords {
  /** Per compiled entity: its values, or null when the row has none for it. */
  entities: Array<Values | null>;
  links: Array<Values>;
}

export function applyRow(spec: CompiledSpec, cells: string[]): RowRecords | { error: string } {
  const entities: Array<Values | null> = [];
  let any = false;
  for (const e of spec.entities) {
    const values: Values = [];
    let fromColumn = false;
    for (const p of e.props) {
      const r = readProp(p, cells);
      if ('error' in r) return r;
      for (const v of r.values) values.push([p.prop, v]);
      if (!p.constant && r.values.length > 0) fromColumn = true;
    }
    // Constants alone do not make an entity: the row must say something about it.
    entities.push(fromColumn ? values : null);
    if (fromColumn) any = true;
  }
  if (!any) return { error: 'no mapped column has a value' };
  const links: Values[] = [];
  for (const l of spec.links) {
    const values: Values = [];
    for (const p of l.props) {
      const r = readProp(p, cells);
      if ('error' in r) return r;
      for (const v of r.values) values.push([p.prop, v]);
    }
    links.push(values);
  }
  return { entities, links };
}
