import { randomBytes } from 'node:crypto';
import { ALL_SCHEMATA, getSchema, isBuiltinSchema, registerCaseSchemata, type SchemaDef } from '../../../../shared/catalogue';
import { CordonError } from '../../../../shared/errors';
import { checkValue } from '../../../../shared/values';
import type { Datatype, Misfit, TypePropertyView, TypeView } from '../../../../shared/vocabulary/dto';
import type { StoreContext } from '../context';
import { checkIconSvg } from './icon-svg';
import { buildSchemata, type PropRow, type TypeRow } from './schemata';

// The case's own entity and link types (issue 24): their rows (migration 015), the rules they
// follow, and their registration in the catalogue every lookup of the core goes through. Each
// change is one audited write carrying the definition as it became; a type's version counts them.

export interface PropertyInput {
  name: string;
  datatype: Datatype;
  values?: string[] | undefined;
  target?: string[] | undefined;
  required?: boolean | undefined;
  identifies?: boolean | undefined;
}

export interface TypeInput {
  name: string;
  kind: 'entity' | 'link';
  parent: string;
  properties: PropertyInput[];
  icon?: string | null | undefined;
  iconSvg?: string | null | undefined;
  color?: string | null | undefined;
  label?: string | null | undefined;
  /** Who defined it: this bureau, or a package's sender. */
  origin?: string;
}

export interface TypeUpdate {
  name?: string | undefined;
  parent?: string | undefined;
  addProperties?: PropertyInput[];
  icon?: string | null | undefined;
  iconSvg?: string | null | undefined;
  color?: string | null | undefined;
  label?: string | null | undefined;
}

const newTypeId = () => `T_${randomBytes(6).toString('hex')}`;
const newPropId = () => `p_${randomBytes(6).toString('hex')}`;
const key = (name: string) => name.trim().toLowerCase();

let owners = 0;

export class TypeStore {
  /** This case's key in the catalogue's registry. */
  private readonly owner = `case-${++owners}`;
  private schemata: SchemaDef[] = [];

  constructor(private readonly ctx: StoreContext) {
    this.reload();
  }

  /** Reads the rows again and registers them in the catalogue. */
  reload(): void {
    const types = this.ctx.db.prepare('SELECT * FROM case_types ORDER BY rid').all() as TypeRow[];
    const props = this.ctx.db.prepare('SELECT * FROM case_type_props ORDER BY type, position').all() as PropRow[];
    this.schemata = buildSchemata(types, props);
    registerCaseSchemata(this.owner, this.schemata);
  }

  /** Called when the case closes: its types leave the catalogue. */
  dispose(): void {
    registerCaseSchemata(this.owner, []);
  }

  /** This case's own types as catalogue schemata. */
  own(): readonly SchemaDef[] {
    return this.schemata;
  }

  private rows(): TypeRow[] {
    return this.ctx.db.prepare('SELECT * FROM case_types ORDER BY name_key').all() as TypeRow[];
  }

  private propsOf(rid: number): PropRow[] {
    return this.ctx.db.prepare('SELECT * FROM case_type_props WHERE type = ? ORDER BY position').all(rid) as PropRow[];
  }

  /** A case type by its id or name. */
  require(ref: string): TypeRow {
    const row = this.ctx.db.prepare('SELECT * FROM case_types WHERE id = ? OR name_key = ?').get(ref.trim(), key(ref)) as TypeRow | undefined;
    if (row) return row;
    if (isBuiltinSchema(ref)) throw new CordonError('CONSTRAINT', `${ref} is a built-in type; it cannot be changed.`);
    throw new CordonError('NOT_FOUND', `There is no type "${ref}" in this case.`);
  }

  private inUse(id: string): number {
    return this.ctx.db.prepare('SELECT count(*) FROM entities WHERE schema = ? AND deleted = 0').pluck().get(id) as number;
  }

  list(): TypeView[] {
    const builtins = ALL_SCHEMATA.map((s): TypeView => ({
      id: s.name,
      name: s.name,
      kind: s.edge ? 'link' : 'entity',
      parent: null,
      base: s.name,
      builtin: true,
      icon: null,
      iconSvg: null,
      color: null,
      label: null,
      origin: null,
      version: 0,
      properties: s.properties
        .filter((p) => !s.edge || (p.name !== s.edge.source && p.name !== s.edge.target))
        .map((p) => ({ id: p.name, name: p.label, datatype: p.type, required: false, identifies: s.identity?.includes(p.name) ?? false, inherited: false, ...(p.range ? { target: [...p.range] } : {}) })),
      inUse: this.inUse(s.name),
    }));
    return [...builtins, ...this.rows().map((r) => this.view(r))];
  }

  view(row: TypeRow): TypeView {
    const schema = getSchema(row.id);
    const parentRow = this.ctx.db.prepare('SELECT name FROM case_types WHERE id = ?').pluck().get(row.parent) as string | undefined;
    const own = new Map(this.propsOf(row.rid).map((p) => [p.id, p]));
    const properties: TypePropertyView[] = (schema?.properties ?? [])
      .filter((p) => !schema?.edge || (p.name !== schema.edge.source && p.name !== schema.edge.target))
      .map((p) => {
        const mine = own.get(p.name);
        return {
          id: p.name,
          name: p.label,
          datatype: p.type,
          ...(p.values ? { values: [...p.values] } : {}),
          ...(p.range ? { target: [...p.range] } : {}),
          required: p.required ?? false,
          identifies: mine ? mine.identifies === 1 : (schema?.identity?.includes(p.name) ?? false),
          inherited: !mine,
        };
      });
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      parent: parentRow ?? row.parent,
      base: schema?.parent ?? row.parent,
      builtin: false,
      icon: row.icon,
      iconSvg: row.icon_svg,
      color: row.color,
      label: row.label,
      origin: row.origin,
      version: row.version,
      properties,
      inUse: this.inUse(row.id),
    };
  }

  /** A type's name is its own: no built-in's name or label, no other case type's, in any case. */
  private checkName(name: string, except?: string): void {
    const k = key(name);
    const builtin = ALL_SCHEMATA.find((s) => s.name.toLowerCase() === k || s.label.toLowerCase() === k);
    if (builtin) throw new CordonError('CONSTRAINT', `"${name}" is the name of the built-in type ${builtin.name}; choose another name.`);
    const other = this.ctx.db.prepare('SELECT id FROM case_types WHERE name_key = ?').pluck().get(k) as string | undefined;
    if (other !== undefined && other !== except) throw new CordonError('CONSTRAINT', `A type named "${name}" is already in this case.`);
  }

  /** The parent as a schema id: a built-in of the same kind, or a case type (by id or name) that is not `self` or below it. */
  private resolveParent(parent: string, kind: 'entity' | 'link', self?: string): string {
    let id: string;
    if (isBuiltinSchema(parent)) id = parent;
    else {
      const row = this.ctx.db.prepare('SELECT id FROM case_types WHERE id = ? OR name_key = ?').pluck().get(parent.trim(), key(parent)) as string | undefined;
      if (row === undefined) throw new CordonError('INVALID_INPUT', `The parent "${parent}" is not a type of this case.`);
      id = row;
    }
    const schema = getSchema(id);
    if (!schema || (schema.edge !== undefined) !== (kind === 'link')) {
      throw new CordonError('INVALID_INPUT', `The parent "${parent}" is not ${kind === 'link' ? 'a link' : 'an entity'} type.`);
    }
    if (self !== undefined) {
      // Walk up from the new parent: meeting `self` means the change would close a cycle.
      const chain: string[] = [];
      for (let at: string | undefined = id; at !== undefined && !isBuiltinSchema(at); ) {
        const row = this.ctx.db.prepare('SELECT id, name, parent FROM case_types WHERE id = ?').get(at) as { id: string; name: string; parent: string } | undefined;
        if (!row) break;
        chain.push(row.name);
        if (row.id === self) throw new CordonError('CONSTRAINT', `The parent would make a cycle: ${chain.join(' → ')} → ${chain[0]}.`);
        at = row.parent;
      }
    }
    return id;
  }

  private checkProperties(inputs: readonly PropertyInput[], inherited: SchemaDef, existing: readonly PropRow[]): void {
    const taken = new Set([...inherited.properties.flatMap((p) => [p.name.toLowerCase(), p.label.toLowerCase()]), ...existing.map((p) => key(p.name))]);
    for (const p of inputs) {
      if (taken.has(key(p.name))) throw new CordonError('CONSTRAINT', `The property "${p.name}" is already a property of the type (its own or inherited).`);
      taken.add(key(p.name));
      this.checkDatatype(p.name, p.datatype, p.values, p.target);
    }
  }

  private checkDatatype(name: string, datatype: Datatype, values?: readonly string[], target?: readonly string[]): void {
    if (datatype === 'enum') {
      if (!values || values.length === 0) throw new CordonError('INVALID_INPUT', `The property "${name}" is an enumeration: give its values.`);
      if (new Set(values.map(key)).size !== values.length) throw new CordonError('INVALID_INPUT', `The values of "${name}" repeat one another.`);
    } else if (values && values.length > 0) throw new CordonError('INVALID_INPUT', `Only an enumeration has a list of values ("${name}" is ${datatype}).`);
    if (target && datatype !== 'entity') throw new CordonError('INVALID_INPUT', `Only an entity reference has target types ("${name}" is ${datatype}).`);
    for (const t of target ?? []) {
      const s = getSchema(t);
      if (!s || s.edge) throw new CordonError('INVALID_INPUT', `The target "${t}" of "${name}" is not an entity type.`);
    }
  }

  /** The label template names properties of the type only. */
  private checkTemplate(label: string | null | undefined, schema: SchemaDef, extra: readonly PropertyInput[] = []): void {
    if (!label) return;
    const known = new Set([...schema.properties.flatMap((p) => [p.name.toLowerCase(), p.label.toLowerCase()]), ...extra.map((p) => key(p.name))]);
    for (const m of label.matchAll(/\{([^{}]+)\}/g)) {
      if (!known.has(m[1]!.trim().toLowerCase())) throw new CordonError('INVALID_INPUT', `The label names "{${m[1]}}", which is not a property of the type.`);
    }
  }

  private writeProps(rid: number, inputs: readonly PropertyInput[], from: number): void {
    const insert = this.ctx.db.prepare(
      'INSERT INTO case_type_props (id, type, name, name_key, datatype, enum_values, target, required, identifies, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    inputs.forEach((p, i) => {
      const target = p.target?.map((t) => getSchema(t)?.name ?? t);
      insert.run(newPropId(), rid, p.name.trim(), key(p.name), p.datatype, p.values ? JSON.stringify(p.values) : null, target ? JSON.stringify(target) : null, p.required ? 1 : 0, p.identifies ? 1 : 0, from + i);
    });
  }

  private audit(action: string, row: TypeRow, detail: Record<string, unknown> = {}): void {
    this.ctx.audit.append({ actor: this.ctx.actor, action, target: row.id, detail: { ...detail, definition: this.view(row) } });
  }

  /** Defines a type. Call inside the case's write transaction. */
  add(input: TypeInput): { id: string; name: string } {
    const name = input.name.trim();
    this.checkName(name);
    const parent = this.resolveParent(input.parent, input.kind);
    this.checkProperties(input.properties, getSchema(parent)!, []);
    this.checkTemplate(input.label, getSchema(parent)!, input.properties);
    const svg = input.iconSvg ? checkIconSvg(input.iconSvg) : null;
    const id = newTypeId();
    const now = new Date().toISOString();
    const { lastInsertRowid } = this.ctx.db
      .prepare('INSERT INTO case_types (id, name, name_key, kind, parent, icon, icon_svg, color, label, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, name, key(name), input.kind, parent, input.icon ?? null, svg, input.color ?? null, input.label || null, input.origin ?? this.ctx.bureau, now, now);
    this.writeProps(Number(lastInsertRowid), input.properties, 0);
    this.reload();
    this.audit('type.create', this.require(id));
    return { id, name };
  }

  /** Renames, re-parents, restyles a type or adds properties to it. */
  update(ref: string, change: TypeUpdate): TypeView {
    const row = this.require(ref);
    const sets: string[] = [];
    const args: unknown[] = [];
    const set = (col: string, v: unknown) => {
      sets.push(`${col} = ?`);
      args.push(v);
    };
    if (change.name !== undefined && change.name.trim() !== row.name) {
      this.checkName(change.name, row.id);
      set('name', change.name.trim());
      set('name_key', key(change.name));
    }
    if (change.parent !== undefined) set('parent', this.resolveParent(change.parent, row.kind, row.id));
    if (change.icon !== undefined) set('icon', change.icon);
    if (change.iconSvg !== undefined) set('icon_svg', change.iconSvg ? checkIconSvg(change.iconSvg) : null);
    if (change.color !== undefined) set('color', change.color);
    const adds = change.addProperties ?? [];
    if (adds.length > 0) {
      const existing = this.propsOf(row.rid);
      this.checkProperties(adds, getSchema(row.id)!, existing);
      this.writeProps(row.rid, adds, existing.length);
    }
    if (change.label !== undefined) {
      this.reload();
      this.checkTemplate(change.label, getSchema(row.id)!);
      set('label', change.label || null);
    }
    if (sets.length === 0 && adds.length === 0) return this.view(row);
    set('version', row.version + 1);
    set('updated_at', new Date().toISOString());
    this.ctx.db.prepare(`UPDATE case_types SET ${sets.join(', ')} WHERE rid = ?`).run(...args, row.rid);
    this.reload();
    const after = this.require(row.id);
    this.audit('type.update', after, { was: { name: row.name, parent: row.parent, version: row.version } });
    return this.view(after);
  }

  private requireProp(row: TypeRow, ref: string): PropRow {
    const p = this.propsOf(row.rid).find((x) => x.id === ref.trim() || key(x.name) === key(ref));
    if (!p) throw new CordonError('NOT_FOUND', `${row.name} has no property "${ref}" of its own (inherited properties are the parent's).`);
    return p;
  }

  private bump(row: TypeRow): void {
    this.ctx.db.prepare('UPDATE case_types SET version = version + 1, updated_at = ? WHERE rid = ?').run(new Date().toISOString(), row.rid);
  }

  /** Renames a property: one row; statements keep its id. */
  renameProperty(ref: string, prop: string, name: string): TypeView {
    const row = this.require(ref);
    const p = this.requireProp(row, prop);
    const inherited = getSchema(row.parent)!;
    const others = this.propsOf(row.rid).filter((x) => x.id !== p.id);
    this.checkProperties([{ name, datatype: 'text' }], inherited, others);
    this.ctx.db.prepare('UPDATE case_type_props SET name = ?, name_key = ? WHERE id = ?').run(name.trim(), key(name), p.id);
    this.bump(row);
    this.reload();
    const after = this.require(row.id);
    this.audit('type.rename-property', after, { property: p.id, was: p.name, now: name.trim() });
    return this.view(after);
  }

  /** The types that are `row` or descend from it. */
  private family(row: TypeRow): string[] {
    const all = this.rows();
    const out = [row.id];
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of all) {
        if (!out.includes(t.id) && out.includes(t.parent)) {
          out.push(t.id);
          grew = true;
        }
      }
    }
    return out;
  }

  /** The live values of a property that would not fit a datatype. */
  misfits(row: TypeRow, prop: PropRow, datatype: Datatype, values?: readonly string[]): Misfit[] {
    const family = this.family(row);
    const rows = this.ctx.db
      .prepare(
        `SELECT e.id AS entityId, e.caption AS caption, s.value AS value FROM statement_rows s JOIN entities e ON e.rid = s.entity
          WHERE s.prop = ? AND s.retracted = 0 AND e.deleted = 0 AND e.schema IN (${family.map(() => '?').join(',')}) ORDER BY e.rid, s.id`,
      )
      .all(prop.id, ...family) as Array<{ entityId: string; caption: string; value: string }>;
    const out: Misfit[] = [];
    for (const r of rows) {
      const check = checkValue({ type: datatype, ...(values ? { values } : {}) }, r.value);
      if (!check.ok) out.push({ ...r, reason: check.reason });
    }
    return out;
  }

  /** Changes a property's datatype once every value of it fits; else refuses, listing the misfits. */
  changeDatatype(ref: string, prop: string, datatype: Datatype, values?: string[]): TypeView {
    const row = this.require(ref);
    const p = this.requireProp(row, prop);
    this.checkDatatype(p.name, datatype, values, p.target && datatype === 'entity' ? (JSON.parse(p.target) as string[]) : undefined);
    const misfits = this.misfits(row, p, datatype, values);
    if (misfits.length > 0) {
      const shown = misfits.slice(0, 5).map((m) => `${m.caption || m.entityId}: ${m.reason}`).join('; ');
      throw new CordonError('CONSTRAINT', `${misfits.length} value${misfits.length === 1 ? '' : 's'} of ${p.name} would not fit ${datatype}: ${shown}${misfits.length > 5 ? '; …' : ''}`, { misfits });
    }
    this.ctx.db
      .prepare('UPDATE case_type_props SET datatype = ?, enum_values = ?, target = ? WHERE id = ?')
      .run(datatype, datatype === 'enum' ? JSON.stringify(values) : null, datatype === 'entity' ? p.target : null, p.id);
    this.bump(row);
    this.reload();
    const after = this.require(row.id);
    this.audit('type.change-datatype', after, { property: p.id, was: p.datatype, now: datatype });
    return this.view(after);
  }

  /** Removes a type no entity, link or other type uses. */
  remove(ref: string): void {
    const row = this.require(ref);
    const used = this.inUse(row.id);
    if (used > 0) throw new CordonError('CONSTRAINT', `${row.name} is the type of ${used} ${row.kind === 'link' ? 'link' : 'entit'}${used === 1 ? (row.kind === 'link' ? '' : 'y') : row.kind === 'link' ? 's' : 'ies'}; it cannot be removed while in use.`, { inUse: used });
    const children = this.ctx.db.prepare('SELECT name FROM case_types WHERE parent = ?').pluck().all(row.id) as string[];
    if (children.length > 0) throw new CordonError('CONSTRAINT', `${row.name} is the parent of ${children.join(', ')}; it cannot be removed.`);
    const view = this.view(row);
    this.ctx.db.prepare('DELETE FROM case_type_props WHERE type = ?').run(row.rid);
    this.ctx.db.prepare('DELETE FROM case_types WHERE rid = ?').run(row.rid);
    this.ctx.audit.append({ actor: this.ctx.actor, action: 'type.delete', target: row.id, detail: { definition: view } });
    this.reload();
  }
}
