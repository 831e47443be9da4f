import { getSchema, type PropertyDef, type SchemaDef } from '../../../../shared/catalogue';
import type { Datatype } from '../../../../shared/vocabulary/dto';

// A case's type rows as catalogue schemata (shared/catalogue.ts): a case type is its parent's
// schema with its own properties added, its id as the name and the analyst's name as the label.

export interface TypeRow {
  rid: number;
  id: string;
  name: string;
  kind: 'entity' | 'link';
  parent: string;
  icon: string | null;
  icon_svg: string | null;
  color: string | null;
  label: string | null;
  origin: string;
  version: number;
}

export interface PropRow {
  id: string;
  type: number;
  name: string;
  datatype: Datatype;
  enum_values: string | null;
  target: string | null;
  required: number;
  identifies: number;
  position: number;
}

export function ownProperty(p: PropRow): PropertyDef {
  return {
    name: p.id,
    label: p.name,
    type: p.datatype,
    ...(p.target ? { range: JSON.parse(p.target) as string[] } : {}),
    ...(p.enum_values ? { values: JSON.parse(p.enum_values) as string[] } : {}),
    ...(p.required ? { required: true } : {}),
  };
}

/**
 * Every case type as a schema, parents before children. A parent is a built-in or another case
 * type; the store refuses cycles, and a row whose parent is missing (never written so) is skipped.
 */
export function buildSchemata(types: readonly TypeRow[], props: readonly PropRow[]): SchemaDef[] {
  const byId = new Map(types.map((t) => [t.id, t]));
  const built = new Map<string, SchemaDef>();
  const build = (t: TypeRow, depth: number): SchemaDef | undefined => {
    const done = built.get(t.id);
    if (done) return done;
    if (depth > types.length) return undefined;
    const parentRow = byId.get(t.parent);
    const parent = parentRow ? build(parentRow, depth + 1) : getSchema(t.parent);
    if (!parent) return undefined;
    const own = props.filter((p) => p.type === t.rid).sort((a, b) => a.position - b.position);
    const identity = own.filter((p) => p.identifies).map((p) => p.id);
    const schema: SchemaDef = {
      name: t.id,
      label: t.name,
      plural: t.name,
      caption: parent.caption,
      properties: [...parent.properties, ...own.map(ownProperty)],
      ...(parent.edge ? { edge: parent.edge } : {}),
      ...(identity.length > 0 ? { identity } : parent.identity ? { identity: parent.identity } : {}),
      parent: parent.parent ?? parent.name,
      ...(t.label ? { template: t.label } : parent.template ? { template: parent.template } : {}),
      ...(t.color ? { color: t.color } : parent.color ? { color: parent.color } : {}),
      ...(t.icon ? { icon: t.icon } : parent.icon ? { icon: parent.icon } : {}),
      ...(t.icon_svg ? { iconSvg: t.icon_svg } : parent.iconSvg ? { iconSvg: parent.iconSvg } : {}),
    };
    built.set(t.id, schema);
    return schema;
  };
  return types.map((t) => build(t, 0)).filter((s): s is SchemaDef => s !== undefined);
}
