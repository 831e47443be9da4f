import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getProperty, type SchemaDef } from '../../../shared/catalogue';
import { foldText } from '../../../shared/values';

// The identity rules of an import (the spec's `identity`: the same phone number is one entity across
// rows and with the case). The entities of the case under a rule are loaded once, on first use.

/** Identity values compare folded for names (case, accents, spacing), exactly otherwise. */
function identityValue(schema: SchemaDef, prop: string, value: string): string {
  return getProperty(schema, prop)?.type === 'name' ? foldText(value).replace(/\s+/g, ' ').trim() : value;
}

/** Who is known under each identity key: entities of the case, and those this import makes. */
export class IdentityIndex<R> {
  private readonly known = new Map<string, R>();
  private readonly loaded = new Set<string>();

  /** `existing` makes the entry of an entity already in the case. */
  constructor(
    private readonly db: Database,
    private readonly existing: (id: string, schema: string) => R,
  ) {}

  get(key: string): R | undefined {
    return this.known.get(key);
  }

  set(key: string, ref: R): void {
    this.known.set(key, ref);
  }

  /** The identity key of these values under the rule, or null when a rule property has no value. */
  key(schema: SchemaDef, props: readonly string[], values: ReadonlyArray<readonly [string, string]>): string | null {
    if (props.length === 0) return null;
    let k = '';
    for (const p of props) {
      const v = values.find(([q]) => q === p);
      if (!v) return null;
      k += `\u0001${identityValue(schema, p, v[1])}`;
    }
    this.load(schema, props);
    return `${schema.name}\u0000${props.join(',')}\u0000${k}`;
  }

  /** An existing entity of the case with this identity (loaded once per schema and rule). */
  private load(schema: SchemaDef, props: readonly string[]): void {
    const rule = `${schema.name}\u0000${props.join(',')}`;
    if (this.loaded.has(rule)) return;
    this.loaded.add(rule);
    const rows = this.db
      .prepare(
        `SELECT e.id, s.prop, s.value FROM statement_rows s JOIN entities e ON e.rid = s.entity
          WHERE e.schema = ? AND e.deleted = 0 AND s.retracted = 0 AND s.prop IN (${props.map(() => '?').join(', ')})`,
      )
      .iterate(schema.name, ...props) as Iterable<{ id: string; prop: string; value: string }>;
    const byEntity = new Map<string, Map<string, string[]>>();
    for (const r of rows) {
      let m = byEntity.get(r.id);
      if (!m) byEntity.set(r.id, (m = new Map()));
      (m.get(r.prop) ?? m.set(r.prop, []).get(r.prop)!).push(r.value);
    }
    for (const [id, m] of byEntity) {
      let keys = [''];
      for (const p of props) {
        const vs = m.get(p);
        if (!vs) {
          keys = [];
          break;
        }
        keys = keys.flatMap((k) => vs.map((v) => `${k}\u0001${identityValue(schema, p, v)}`));
      }
      for (const k of keys) {
        const key = `${rule}\u0000${k}`;
        if (!this.known.has(key)) this.known.set(key, this.existing(id, schema.name));
      }
    }
  }
}
