import type { Database } from 'better-sqlite3-multiple-ciphers';
import { builtinOf, captionOf, findProperty, getProperty, getSchema, SEARCHABLE_TYPES, type SchemaDef } from '../../../shared/catalogue';
import { CordonError } from '../../../shared/errors';
import { checkValue } from '../../../shared/values';
import { deriveCommsValues } from './comms-values';

// The rules an entity's values follow, whoever writes them (the entity store, an import, a package):
// the type checks, the natural id, the caption and the search text.

export interface EntityInput {
  schema: string;
  properties: Record<string, readonly string[]>;
  sourceId?: string | undefined;
  originator?: string;
}

export interface LinkInput extends EntityInput {
  from: string;
  to: string;
}

/** What a link needs to know of an endpoint. */
export interface EntityRow {
  rid: number;
  schema: string;
  deleted: number;
}

/** A built-in type by its name, or a case's own by its id (store/case-types/type-store.ts registers them). */
export function requireSchema(name: string, kind: 'entity' | 'link'): SchemaDef {
  const schema = getSchema(name);
  if (!schema || (kind === 'link') !== (schema.edge !== undefined)) {
    throw new CordonError('INVALID_INPUT', `"${name}" is not ${kind === 'link' ? 'a link' : 'an entity'} type.`);
  }
  return schema;
}

/** Checks every value against its property's type; returns normalised (prop, value) pairs. */
export function validateProperties(schema: SchemaDef, properties: Record<string, readonly string[]>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const problems: Array<{ prop: string; message: string }> = [];
  for (const [given, values] of Object.entries(properties)) {
    // A case type's property may be named by its label; its statements keep the property's id.
    const def = findProperty(schema, given);
    if (!def) {
      problems.push({ prop: given, message: `${schema.label} has no property "${given}"` });
      continue;
    }
    const prop = def.name;
    if (schema.edge && (prop === schema.edge.source || prop === schema.edge.target)) {
      problems.push({ prop, message: `"${prop}" is an endpoint of the link; give it as from/to` });
      continue;
    }
    const seen = new Set<string>();
    for (const raw of values) {
      if (raw.trim() === '') continue;
      const check = checkValue(def, raw);
      if (!check.ok) problems.push({ prop, message: `${def.label}: ${check.reason}` });
      else if (!seen.has(check.value)) {
        seen.add(check.value);
        out.push([prop, check.value]);
      }
    }
  }
  if (problems.length > 0) {
    throw new CordonError('INVALID_INPUT', problems.map((p) => p.message).join('; '), problems);
  }
  return out;
}

/** The deterministic id for a natural identifier (DESIGN.md §3), so two bureaus' records collide. */
export function naturalId(schema: SchemaDef, values: Array<[string, string]>): string | null {
  if (!schema.identity) return null;
  const parts: string[] = [];
  for (const prop of schema.identity) {
    const v = values.find(([p]) => p === prop)?.[1];
    if (v === undefined) return null;
    parts.push(v.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  return `${schema.name.toLowerCase()}-${parts.join('-')}`;
}

/** The text an entity is found by: its values of searchable types, each once. */
export function searchText(schema: SchemaDef, values: ReadonlyArray<readonly [string, string]>): string {
  const texts: string[] = [];
  for (const [prop, value] of values) {
    const def = getProperty(schema, prop);
    if (def && SEARCHABLE_TYPES.has(def.type) && !texts.includes(value)) texts.push(value);
  }
  return texts.join('\n');
}

/** The caption the catalogue gives an entity with these values. */
export function captionFrom(schema: SchemaDef, values: ReadonlyArray<readonly [string, string]>): string {
  return captionOf(schema, (prop) => values.filter(([p]) => p === prop).map(([, v]) => v));
}

/** An entity input, checked: nothing is written until every input of a call is. */
export interface CheckedEntity {
  schema: SchemaDef;
  values: Array<[string, string]>;
  originator: string;
  sourceId: string | null;
  natural: string | null;
}

export interface CheckedLink {
  schema: SchemaDef;
  /** The link's own properties. */
  values: Array<[string, string]>;
  /** The endpoint statements, then the properties. */
  all: Array<[string, string]>;
  from: string;
  to: string;
  originator: string;
  sourceId: string | null;
}

/** A case type's required properties must each have a value. */
export function requireRequired(schema: SchemaDef, values: ReadonlyArray<readonly [string, string]>): void {
  const missing = schema.properties.filter((d) => d.required && !values.some(([p]) => p === d.name));
  if (missing.length > 0) {
    throw new CordonError(
      'INVALID_INPUT',
      missing.map((d) => `${schema.label}: ${d.label} is required`).join('; '),
      missing.map((d) => ({ prop: d.label, message: 'is required' })),
    );
  }
}

/** With the case's database, the values a phone, handset or SIM number implies are added (store/comms-values.ts). */
export function checkEntity(input: EntityInput, bureau: string, db?: Database): CheckedEntity {
  const schema = requireSchema(input.schema, 'entity');
  const checked = validateProperties(schema, input.properties);
  const values = db ? deriveCommsValues(db, schema.name, checked) : checked;
  if (values.length === 0) throw new CordonError('INVALID_INPUT', `A ${schema.label.toLowerCase()} needs at least one property value.`);
  requireRequired(schema, values);
  return { schema, values, originator: input.originator ?? bureau, sourceId: input.sourceId ?? null, natural: naturalId(schema, values) };
}

/** A link input, checked: endpoints live and of the types its schema allows. */
export function checkLink(input: LinkInput, bureau: string, lookup: (id: string) => EntityRow | undefined): CheckedLink & { fromRid: number; toRid: number } {
  const schema = requireSchema(input.schema, 'link');
  const edge = schema.edge!;
  if (input.from === input.to) throw new CordonError('INVALID_INPUT', 'A link needs two different entities.');
  const live = (id: string, role: string) => {
    const row = lookup(id);
    if (!row || row.deleted) throw new CordonError('NOT_FOUND', `${role} ${id} is not in this case.`);
    return row;
  };
  const from = live(input.from, getProperty(schema, edge.source)!.label);
  const to = live(input.to, getProperty(schema, edge.target)!.label);
  for (const [prop, endpoint] of [
    [edge.source, from],
    [edge.target, to],
  ] as const) {
    const def = getProperty(schema, prop)!;
    // A case type stands where its built-in parent may (a Safe house is an Address).
    if (def.range && def.range.length > 0 && !def.range.includes(endpoint.schema) && !def.range.includes(builtinOf(endpoint.schema))) {
      throw new CordonError('CONSTRAINT', `${schema.label}: the ${def.label.toLowerCase()} must be one of ${def.range.join(', ')}, not ${endpoint.schema}.`);
    }
  }
  const values = validateProperties(schema, input.properties);
  requireRequired(schema, values);
  const all: Array<[string, string]> = [[edge.source, input.from], [edge.target, input.to], ...values];
  return {
    schema,
    values,
    all,
    from: input.from,
    to: input.to,
    fromRid: from.rid,
    toRid: to.rid,
    originator: input.originator ?? bureau,
    sourceId: input.sourceId ?? null,
  };
}
