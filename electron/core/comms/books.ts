import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getSchema, type SchemaDef } from '../../../shared/catalogue';
import type { Case } from '../store/case';
import { naturalId } from '../store/entity-values';
import { cachedStatement } from '../store/prepared';
import { deriveCommsValues } from '../store/comms-values';

// The phones, handsets and SIMs of an import, each resolved once to its entity rid. A value seen
// for the first time is parked in a slot; flush() makes (or finds) all parked entities in one call
// of the store's bulk path (deterministic ids: a number already in the case is found, not made
// again), and fills the slots before the events that refer to them are written.

export interface Slot {
  rid: number;
  /** The canonical value (E.164, IMEI, IMSI), or the value as given when not valid. */
  value: string;
  valid: boolean;
}

export class EntityBook {
  private readonly byRaw = new Map<string, Slot>();
  private readonly byId = new Map<string, Slot>();
  private readonly parked: Array<{ id: string; slot: Slot; values: Array<[string, string]> }> = [];
  private readonly schema: SchemaDef;
  created = 0;
  known = 0;
  invalid = 0;
  readonly invalidSamples: string[] = [];

  constructor(
    private readonly c: Case,
    schemaName: 'Phone' | 'Device' | 'SIM',
    private readonly prop: string,
    private readonly sourceId: string,
    private readonly onEntity: (id: string) => void,
  ) {
    this.schema = getSchema(schemaName)!;
  }

  /** The slot of a (non-empty) value; its rid is 0 until flush(). */
  slot(raw: string): Slot {
    let s = this.byRaw.get(raw);
    if (s) return s;
    const values = deriveCommsValues(this.c.db, this.schema.name, [[this.prop, raw.trim()]]);
    const id = naturalId(this.schema, values)!;
    s = this.byId.get(id);
    if (!s) {
      const value = values[0]![1];
      const valid = values.some(([p, v]) => p === 'valid' && v === 'yes');
      s = { rid: 0, value, valid };
      this.byId.set(id, s);
      this.parked.push({ id, slot: s, values });
      if (!valid) {
        this.invalid++;
        if (this.invalidSamples.length < 10) this.invalidSamples.push(raw.trim());
      }
    }
    this.byRaw.set(raw, s);
    return s;
  }

  get pending(): number {
    return this.parked.length;
  }

  flush(): void {
    if (this.parked.length === 0) return;
    const batch = this.parked.splice(0);
    const inputs = batch.map((b) => ({ schema: this.schema.name, properties: { [this.prop]: [b.values[0]![1]] }, sourceId: this.sourceId }));
    const made = this.c.entities.createEntities(inputs, { audit: false });
    made.forEach((m, i) => {
      batch[i]!.slot.rid = m.rid;
      if (m.created) this.created++;
      else this.known++;
      this.onEntity(m.id);
    });
  }
}

/** Cell identities → rids of comms_cells, created on first sight. */
export class CellBook {
  private readonly map = new Map<string, number>();
  added = 0;
  constructor(private readonly db: Database) {}

  rid(cell: string): number {
    let r = this.map.get(cell);
    if (r === undefined) {
      r = cachedStatement(this.db, 'SELECT rid FROM comms_cells WHERE cell = ?').pluck().get(cell) as number | undefined;
      if (r === undefined) {
        r = Number(cachedStatement(this.db, 'INSERT INTO comms_cells (cell) VALUES (?)').run(cell).lastInsertRowid);
        this.added++;
      }
      this.map.set(cell, r);
    }
    return r;
  }
}
