import { getSchema, type SchemaDef } from '../../../shared/catalogue';
import type { EntityDetail, EntityPage, EntitySummary } from '../../../shared/entities/dto';
import { CordonError } from '../../../shared/errors';
import { naturalSortKey } from '../../../shared/values';
import { BulkWriter } from './bulk';
import { canonicalId, clusterMembers } from './canonical';
import type { StoreContext } from './context';
import { entityDetail, entityPage, entitySummary } from './entity-reads';
import { inChunks, liveOfSql, LOOKUP_CHUNK, lookupSql, marks, prepared, statementKey, type Prepared } from './entity-sql';
import {
  captionFrom,
  checkEntity,
  checkLink,
  searchText,
  validateProperties,
  type CheckedEntity,
  type CheckedLink,
  type EntityInput,
  type EntityRow,
  type LinkInput,
} from './entity-values';
import { requireSourceRid } from './sources';

// Entities, links and their statements (DESIGN.md §3). An entity is the union of its statements;
// nothing is overwritten: edits add statements and retract old ones. The writes are here; the
// value rules are in entity-values.ts, the reads in entity-reads.ts, the prepared SQL in entity-sql.ts.

/** Statements for an entity already in the case. */
interface Merge {
  values: ReadonlyArray<readonly [string, string]>;
  sourceId: string | null;
  originator: string;
}

/** A natural identifier new to the case, written once with everything this call says of it. */
interface FreshNatural {
  schema: SchemaDef;
  statements: Array<[string, string, string | null, string]>;
  keys: Set<string>;
}

export class EntityStore {
  private readonly q: Prepared;
  constructor(private readonly ctx: StoreContext) {
    this.q = prepared(ctx.db);
  }

  /** Replaces the search row of an existing entity (its rowid is the entity's rid). */
  private writeSearch(rid: number, text: string): void {
    this.q.deleteSearch.run(rid);
    if (text !== '') this.q.insertSearch.run(rid, text);
  }

  /** Recomputes caption and search text from the live statements. */
  refresh(id: string): void {
    const row = this.q.entityExists.get(id) as EntityRow | undefined;
    if (!row) return;
    const schema = getSchema(row.schema)!;
    const values = (this.q.liveStatements.all(row.rid) as Array<{ prop: string; value: string }>).map((s) => [s.prop, s.value] as const);
    const caption = captionFrom(schema, values);
    this.q.touchEntity.run(caption, naturalSortKey(caption), new Date().toISOString(), row.rid);
    this.writeSearch(row.rid, searchText(schema, values));
  }

  /** Adds the values an existing entity lacks (from this source and originator); sees the others again. */
  private addStatements(rid: number, values: Array<[string, string]>, sourceId: string | null, originator: string, now: string): number {
    let added = 0;
    const source = requireSourceRid(this.ctx.db, sourceId);
    for (const [prop, value] of values) {
      const existing = this.q.findStatement.get(rid, prop, value, source, originator) as number | undefined;
      if (existing !== undefined) {
        this.q.seeStatement.run(now, existing);
        continue;
      }
      this.q.insertStatement.run(rid, prop, value, source, originator, now, now);
      added++;
    }
    return added;
  }

  private requireLive(id: string, role: string): EntityRow {
    const row = this.q.entityExists.get(id) as EntityRow | undefined;
    if (!row || row.deleted) throw new CordonError('NOT_FOUND', `${role} ${id} is not in this case.`);
    return row;
  }

  private auditEntity(c: CheckedEntity, id: string, created: boolean): void {
    this.ctx.audit.append({
      actor: this.ctx.actor,
      action: created ? 'entity.create' : 'entity.merge-statements',
      target: id,
      detail: { schema: c.schema.name, props: c.values.map(([p]) => p), sourceId: c.sourceId },
    });
  }

  /** Creates an entity, or adds to the existing one when a natural identifier matches. */
  createEntity(input: EntityInput, opts: { audit?: boolean } = {}): { id: string; created: boolean } {
    return this.createEntities([input], opts)[0]!;
  }

  private auditLink(c: CheckedLink, id: string): void {
    this.ctx.audit.append({
      actor: this.ctx.actor,
      action: 'link.create',
      target: id,
      detail: { schema: c.schema.name, from: c.from, to: c.to, sourceId: c.sourceId },
    });
  }

  createLink(input: LinkInput, opts: { audit?: boolean } = {}): string {
    return this.createLinks([input], opts)[0]!;
  }

  /**
   * Bulk import: many entities in one call, inside the caller's transaction. The same rules as
   * createEntity, applied in order (a natural identifier seen twice merges into one entity), but
   * every input is validated before anything is written, so a rejected input leaves nothing of the
   * call behind. Rows go to SQLite in multi-row INSERTs, which is what makes it fast; entities with a
   * natural identifier take the same road: the case is asked about all of them at once, a new one is
   * written once with the union of what the call says of it, and an existing one gets the statements
   * it lacks in the same INSERTs (the ones it has are seen again in one UPDATE per chunk).
   */
  createEntities(inputs: readonly EntityInput[], opts: { audit?: boolean } = {}): Array<{ id: string; created: boolean; rid: number }> {
    const checked = inputs.map((input) => checkEntity(input, this.ctx.bureau, this.ctx.db));
    const naturals = [...new Set(checked.flatMap((c) => (c.natural ? [c.natural] : [])))];
    const known = new Map<string, EntityRow & { id: string }>();
    for (const row of this.lookup(naturals)) known.set(row.id, row);
    // Refuse a clash of schemata up front (against the case and the batch).
    const schemaOf = new Map<string, string>();
    for (const c of checked) {
      if (!c.natural) continue;
      const other = schemaOf.get(c.natural) ?? known.get(c.natural)?.schema;
      if (other !== undefined && other !== c.schema.name) throw new CordonError('CONSTRAINT', `${c.natural} already exists as a ${other}.`);
      schemaOf.set(c.natural, c.schema.name);
    }
    const now = new Date().toISOString();
    const bulk = new BulkWriter(this.ctx.db);
    const out: Array<{ id: string; created: boolean; rid: number }> = [];
    const fresh = new Map<string, FreshNatural>();
    const merges: Array<[EntityRow & { id: string }, Merge]> = [];
    for (const c of checked) {
      if (c.natural) {
        const existing = known.get(c.natural);
        if (existing) {
          merges.push([existing, c]);
          out.push({ id: c.natural, created: false, rid: existing.rid });
          continue;
        }
        let f = fresh.get(c.natural);
        // The rid of a new natural is known once it is written below.
        out.push({ id: c.natural, created: !f, rid: 0 });
        if (!f) fresh.set(c.natural, (f = { schema: c.schema, statements: [], keys: new Set() }));
        for (const [prop, value] of c.values) {
          const key = statementKey(prop, value, c.sourceId, c.originator);
          if (f.keys.has(key)) continue;
          f.keys.add(key);
          f.statements.push([prop, value, c.sourceId, c.originator]);
        }
        continue;
      }
      const id = this.ctx.newId();
      const rid = bulk.entity(id, c.schema.name, captionFrom(c.schema, c.values), 0, now);
      for (const [prop, value] of c.values) bulk.statement(rid, prop, value, c.sourceId, c.originator, now);
      bulk.searchText(rid, searchText(c.schema, c.values));
      bulk.maybeFlush();
      out.push({ id, created: true, rid });
    }
    const freshRids = new Map<string, number>();
    for (const [id, f] of fresh) {
      const values = f.statements.map(([p, v]) => [p, v] as const);
      const rid = bulk.entity(id, f.schema.name, captionFrom(f.schema, values), 0, now);
      freshRids.set(id, rid);
      for (const [prop, value, sourceId, originator] of f.statements) bulk.statement(rid, prop, value, sourceId, originator, now);
      bulk.searchText(rid, searchText(f.schema, values));
      bulk.maybeFlush();
    }
    for (const o of out) if (o.rid === 0) o.rid = freshRids.get(o.id)!;
    const touched = this.mergeExisting(merges, bulk, now);
    bulk.flush();
    for (const id of touched) this.refresh(id);
    if (opts.audit !== false) {
      checked.forEach((c, i) => this.auditEntity(c, out[i]!.id, out[i]!.created));
    }
    return out;
  }

  /**
   * More statements for entities already in the case (natural identifiers met again): their live
   * statements are read in chunks, what they lack goes to the bulk writer, what they have is seen
   * again. Returns the ids whose caption and search text need a refresh (undeleted or added to).
   */
  private mergeExisting(merges: ReadonlyArray<[EntityRow & { id: string }, Merge]>, bulk: BulkWriter, now: string): Set<string> {
    const touched = new Set<string>();
    if (merges.length === 0) return touched;
    const rids = [...new Set(merges.map(([row]) => row.rid))];
    const have = new Map<number, Map<string, number>>();
    type Live = { id: number; entity: number; prop: string; value: string; source_id: string | null; originator: string };
    for (const s of inChunks<number, Live>(this.ctx.db, this.q, 'live-of', liveOfSql, rids)) {
      let m = have.get(s.entity);
      if (!m) have.set(s.entity, (m = new Map()));
      m.set(statementKey(s.prop, s.value, s.source_id, s.originator), s.id);
    }
    const seen = new Set<number>();
    const undelete = this.ctx.db.prepare('UPDATE entities SET deleted = 0 WHERE rid = ?');
    const undeleted = new Set<number>();
    for (const [row, c] of merges) {
      if (row.deleted && !undeleted.has(row.rid)) {
        undelete.run(row.rid);
        undeleted.add(row.rid);
        touched.add(row.id);
      }
      let m = have.get(row.rid);
      if (!m) have.set(row.rid, (m = new Map()));
      for (const [prop, value] of c.values) {
        const key = statementKey(prop, value, c.sourceId, c.originator);
        const existing = m.get(key);
        if (existing !== undefined) {
          if (existing > 0) seen.add(existing);
          continue;
        }
        // 0: written by this call (its statement id is not known yet, and needs no second look).
        m.set(key, 0);
        bulk.statement(row.rid, prop, value, c.sourceId, c.originator, now);
        touched.add(row.id);
      }
    }
    const ids = [...seen];
    if (ids.length > 0) {
      for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
        const chunk = ids.slice(i, i + LOOKUP_CHUNK);
        this.ctx.db.prepare(`UPDATE statement_rows SET last_seen = ? WHERE id IN (${marks(chunk.length)})`).run(now, ...chunk);
      }
    }
    return touched;
  }

  /**
   * Bulk import of links, inside the caller's transaction: the same rules as createLink, every
   * input validated (endpoints live, of the right type) before anything is written. `endpoints`
   * are rows the caller wrote in this same transaction (an import's new people): they are not
   * asked of the case again, which was a tenth of an import's time.
   */
  createLinks(inputs: readonly LinkInput[], opts: { audit?: boolean; endpoints?: ReadonlyMap<string, EntityRow> } = {}): string[] {
    const given = opts.endpoints;
    const endpoints = new Map<string, EntityRow>();
    const ask = new Set<string>();
    for (const l of inputs) {
      for (const id of [l.from, l.to]) {
        const row = given?.get(id);
        if (row) endpoints.set(id, row);
        else ask.add(id);
      }
    }
    for (const row of this.lookup([...ask])) endpoints.set(row.id, row);
    const checked = inputs.map((input) => checkLink(input, this.ctx.bureau, (id) => endpoints.get(id)));
    const now = new Date().toISOString();
    const bulk = new BulkWriter(this.ctx.db);
    const ids: string[] = [];
    for (const c of checked) {
      const id = this.ctx.newId();
      const rid = bulk.entity(id, c.schema.name, captionFrom(c.schema, c.values), 1, now);
      bulk.link(rid, c.fromRid, c.toRid);
      for (const [prop, value] of c.all) bulk.statement(rid, prop, value, c.sourceId, c.originator, now);
      bulk.searchText(rid, searchText(c.schema, c.values));
      bulk.maybeFlush();
      ids.push(id);
    }
    bulk.flush();
    if (opts.audit !== false) checked.forEach((c, i) => this.auditLink(c, ids[i]!));
    return ids;
  }

  /** Entity rows by id, fetched IN (...) chunks rather than one query per id. */
  private lookup(ids: readonly string[]): Array<EntityRow & { id: string }> {
    return inChunks<string, EntityRow & { id: string }>(this.ctx.db, this.q, 'lookup', lookupSql, ids);
  }

  /**
   * More (already validated) statements for entities of the case, in bulk: an import meeting the
   * same phone number again. What an entity lacks is added, what it has is seen again. Returns the
   * entities that were added to; the caller refreshes them once it is done with them.
   */
  appendStatements(items: ReadonlyArray<{ id: string; values: Array<[string, string]>; sourceId: string | null; originator: string }>): Set<string> {
    const rows = new Map<string, EntityRow & { id: string }>();
    for (const row of this.lookup([...new Set(items.map((i) => i.id))])) rows.set(row.id, row);
    const merges: Array<[EntityRow & { id: string }, Merge]> = items.map((i) => {
      const row = rows.get(i.id);
      if (!row) throw new CordonError('NOT_FOUND', `Entity ${i.id} is not in this case.`);
      return [row, i];
    });
    const bulk = new BulkWriter(this.ctx.db);
    const added = this.mergeExisting(merges, bulk, new Date().toISOString());
    bulk.flush();
    return added;
  }

  update(id: string, add: ReadonlyArray<{ prop: string; value: string }>, retract: readonly number[], sourceId: string | undefined): void {
    const row = this.requireLive(id, 'Entity');
    const schema = getSchema(row.schema)!;
    const grouped: Record<string, string[]> = {};
    for (const { prop, value } of add) (grouped[prop] ??= []).push(value);
    const values = validateProperties(schema, grouped);
    // Through the view: its entity_id is the string id the cluster is made of.
    const getStatement = this.ctx.db.prepare('SELECT entity_id, originator, retracted, prop FROM statements WHERE id = ?');
    const retractOne = this.ctx.db.prepare('UPDATE statement_rows SET retracted = 1, last_seen = ? WHERE id = ?');
    const now = new Date().toISOString();
    const cluster = clusterMembers(this.ctx.db, canonicalId(this.ctx.db, id) ?? id);
    const touched = new Set<string>([id]);
    for (const sid of retract) {
      const st = getStatement.get(sid) as { entity_id: string; originator: string; retracted: number; prop: string } | undefined;
      // On a merged entity's page the analyst sees, and may retract, the values of every record.
      if (!st || (st.entity_id !== id && !cluster.includes(st.entity_id))) throw new CordonError('NOT_FOUND', `Statement ${sid} does not belong to ${id}.`);
      if (schema.edge && (st.prop === schema.edge.source || st.prop === schema.edge.target)) {
        throw new CordonError('CONSTRAINT', 'The endpoints of a link cannot be retracted; delete the link instead.');
      }
      // Retraction by the originator only (DESIGN.md §3).
      if (st.originator !== this.ctx.bureau) {
        throw new CordonError('CONSTRAINT', `Statement ${sid} was made by ${st.originator}; only its originator can retract it.`);
      }
      if (!st.retracted) retractOne.run(now, sid);
      touched.add(st.entity_id);
    }
    this.addStatements(row.rid, values, sourceId ?? null, this.ctx.bureau, now);
    for (const t of touched) this.refresh(t);
    this.ctx.audit.append({
      actor: this.ctx.actor,
      action: 'entity.update',
      target: id,
      detail: { added: values.map(([p]) => p), retracted: [...retract], sourceId: sourceId ?? null },
    });
  }

  /** Deletes from the case (soft: statements stay for the audit trail), with the entity's links. */
  delete(id: string): number {
    const row = this.requireLive(id, 'Entity');
    const links = this.ctx.db
      .prepare(
        `SELECT e.rid, e.id FROM link_rows l JOIN entities e ON e.rid = l.rid WHERE l.source = ? AND e.deleted = 0
         UNION SELECT e.rid, e.id FROM link_rows l JOIN entities e ON e.rid = l.rid WHERE l.target = ? AND e.deleted = 0`,
      )
      .all(row.rid, row.rid) as Array<{ rid: number; id: string }>;
    const linkIds = links.map((l) => l.id);
    const mark = this.ctx.db.prepare('UPDATE entities SET deleted = 1, updated_at = ? WHERE rid = ?');
    const now = new Date().toISOString();
    for (const rid of [row.rid, ...links.map((l) => l.rid)]) {
      mark.run(now, rid);
      this.q.deleteSearch.run(rid);
    }
    this.ctx.audit.append({ actor: this.ctx.actor, action: 'entity.delete', target: id, detail: { links: linkIds } });
    return linkIds.length;
  }

  summary(id: string): EntitySummary {
    return entitySummary(this.ctx.db, id);
  }

  /**
   * The entity page: every live statement with its source and grading, and the links. A record
   * merged with others (same-as judgements) shows as its cluster (store/entity-reads.ts).
   */
  get(id: string): EntityDetail {
    return entityDetail(this.ctx.db, id);
  }

  list(offset: number, limit: number, schema?: string): EntityPage {
    return entityPage(this.ctx.db, offset, limit, schema);
  }
}
