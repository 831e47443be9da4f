import type { ImportSpec, ImportSpecInput } from '../../../../shared/interchange/api';
import { rowComplete, SOURCE_COLUMN_FIELDS, type Draft, type EntityDraft, type InlineSource, type LinkDraft, type PropRow } from './draft';

// Draft ⇄ the contract's import specification (the JSON file `cordon import --mapping` takes).

type PropMap = ImportSpecInput['entities'] extends Array<infer E> | undefined ? (E extends { properties: infer P } ? P : never) : never;

function toProps(rows: readonly PropRow[]): PropMap {
  const out: PropMap = {};
  for (const r of rows.filter(rowComplete)) {
    out[r.prop] =
      r.fixed || r.column === null
        ? { value: r.value.trim() }
        : { column: r.column, ...(r.dateFormat.trim() ? { dateFormat: r.dateFormat.trim() } : {}), ...(r.split ? { split: r.split } : {}) };
  }
  return out;
}

export function toSpec(d: Draft): ImportSpecInput {
  const read = Object.fromEntries(Object.entries(d.read).filter(([, v]) => v !== undefined));
  const sourceColumns = Object.fromEntries(Object.entries(d.sourceColumns).filter(([, v]) => v !== undefined));
  return {
    version: 1,
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    format: read,
    ...(d.source.kind === 'existing' ? { source: { id: d.source.id } } : {}),
    ...(d.source.kind === 'inline' ? { source: d.source.source as NonNullable<ImportSpecInput['source']> } : {}),
    ...(Object.keys(sourceColumns).length ? { sourceColumns } : {}),
    entities: d.entities.map((e) => ({
      key: e.key,
      schema: e.schema,
      properties: toProps(e.props),
      identity: e.props.filter((r) => r.identity && rowComplete(r)).map((r) => r.prop),
    })),
    links: d.links.map((l) => ({ schema: l.schema, from: l.from, to: l.to, properties: toProps(l.props) })),
  };
}

function fromProps(props: ImportSpec['entities'][number]['properties'], identity: readonly string[] = []): PropRow[] {
  return Object.entries(props).map(([prop, m]) =>
    'column' in m
      ? { prop, column: m.column, fixed: false, value: '', dateFormat: m.dateFormat ?? '', split: m.split ?? '', identity: identity.includes(prop) }
      : { prop, column: null, fixed: true, value: m.value, dateFormat: '', split: '', identity: identity.includes(prop) },
  );
}

/** A loaded specification as a draft for this file (the path and format stay the user's). */
export function fromSpec(spec: ImportSpec, base: Pick<Draft, 'path' | 'format'>): Draft {
  const entities: EntityDraft[] = spec.entities.map((e) => ({ key: e.key, schema: e.schema, props: fromProps(e.properties, e.identity) }));
  const links: LinkDraft[] = spec.links.map((l) => ({ schema: l.schema, from: l.from, to: l.to, props: fromProps(l.properties) }));
  const sourceColumns: Draft['sourceColumns'] = {};
  for (const f of SOURCE_COLUMN_FIELDS) if (spec.sourceColumns?.[f] !== undefined) sourceColumns[f] = spec.sourceColumns[f];
  const source: Draft['source'] = !spec.source ? { kind: 'auto' } : 'id' in spec.source ? { kind: 'existing', id: spec.source.id } : { kind: 'inline', source: spec.source as InlineSource };
  return { ...base, name: spec.name ?? '', read: { ...spec.format }, entities, links, source, sourceColumns };
}
