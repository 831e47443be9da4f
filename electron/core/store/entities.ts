import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { captionOf, getProperty, getSchema, SEARCHABLE_TYPES, type SchemaDef } from '../../../shared/catalogue';
import type { EntityDetail, EntityPage, EntitySummary, LinkView, StatementView } from '../../../shared/entities/dto';
import { CordonError } from '../../../shared/errors';
import { mostRestrictive, type GradingScheme, type Tlp } from '../../../shared/grading';
import { naturalSortKey, normaliseValue } from '../../../shared/values';
import { deriveCommsValues } from '../comms/derive';
import { commsLinkViews } from '../comms/links';
import { BulkWriter } from './bulk';
import { canonicalId, CANONICAL_ONLY, clusterMembers } from './canonical';
import type { StoreContext } from './context';
import { requireSourceRid } from './sources';

// Entities, links and their statements (DESIGN.md §3). An entity is the union of its statements;
// nothing is overwritten: edits add statements and retract old ones.

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

interface Prepared {
  insertEntity: Statement;
  touchEntity: Statement;
  insertLink: Statement;
  insertStatement: Statement;
  findStatement: Statement;
  seeStatement: Statement;
  entityExists: Statement;
  liveStatements: Statement;
  deleteSearch: Statement;
  insertSearch: Statement;
  /** IN (...) lookups of LOOKUP_CHUNK ids, built on first use. */
  many: Map<string, Statement>;
}

/** Ids per IN (...) lookup. */
const LOOKUP_CHUNK = 200;

/** What a link needs to know of an endpoint. */
export interface EntityRow {
  rid: number;
  schema: string;
  deleted: number;
}

const cache = new WeakMap<Database, Prepared>();

function prepared(db: Database): Prepared {
  let p = cache.get(db);
  if (!p) {
    p = {
      insertEntity: db.prepare('INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      touchEntity: db.prepare('UPDATE entities SET caption = ?, sort_key = ?, updated_at = ? WHERE rid = ?'),
      insertLink: db.prepare('INSERT INTO link_rows (rid, source, target) VALUES (?, ?, ?)'),
      insertStatement: db.prepare(
        'INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      findStatement: db
        .prepare('SELECT id FROM statement_rows WHERE entity = ? AND prop = ? AND value = ? AND source IS ? AND originator = ? AND retracted = 0')
        .pluck(),
      seeStatement: db.prepare('UPDATE statement_rows SET last_seen = ? WHERE id = ?'),
      entityExists: db.prepare('SELECT rid, schema, deleted FROM entities WHERE id = ?'),
      liveStatements: db.prepare('SELECT prop, value FROM statement_rows WHERE entity = ? AND retracted = 0 ORDER BY id'),
      deleteSearch: db.prepare('DELETE FROM entity_search WHERE rowid = ?'),
      insertSearch: db.prepare('INSERT INTO entity_search (rowid, text) VALUES (?, ?)'),
      many: new Map(),
    };
    cache.set(db, p);
  }
  return p;
}

/** Runs `sql(n)` (an IN list of n placeholders) over the keys in chunks; the full-chunk form is prepared once. */
function inChunks<K, R>(db: Database, q: Prepared, name: string, sql: (n: number) => string, keys: readonly K[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const chunk = keys.slice(i, i + LOOKUP_CHUNK);
    let st = chunk.length === LOOKUP_CHUNK ? q.many.get(name) : undefined;
    if (!st) {
      st = db.prepare(sql(chunk.length));
      if (chunk.length === LOOKUP_CHUNK) q.many.set(name, st);
    }
    for (const row of st.all(...chunk) as R[]) out.push(row);
  }
  return out;
}

const marks = (n: number) => new Array<string>(n).fill('?').join(', ');
const lookupSql = (n: number) => `SELECT id, rid, schema, deleted FROM entities WHERE id IN (${marks(n)})`;
const liveOfSql = (n: number) =>
  `SELECT st.id, st.entity, st.prop, st.value, s.id AS source_id, st.originator FROM statement_rows st LEFT JOIN sources s ON s.rid = st.source
    WHERE st.entity IN (${marks(n)}) AND st.retracted = 0`;

/** The key of a statement for "already said": the same value, from the same source and originator. */
const statementKey = (prop: string, value: string, sourceId: string | null, originator: string) => `${prop}\u0000${value}\u0000${sourceId ?? ''}\u0000${originator}`;

interface CheckedEntity {
  schema: SchemaDef;
  values: Array<[string, string]>;
  originator: string;
  sourceId: string | null;
  natural: string | null;
}

interface CheckedLink {
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

function requireSchema(name: string, kind: 'entity' | 'link'): SchemaDef {
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
  for (const [prop, values] of Object.entries(properties)) {
    const def = getProperty(schema, prop);
    if (!def) {
      problems.push({ prop, message: `${schema.label} has no property "${prop}"` });
      continue;
    }
    if (schema.edge && (prop === schema.edge.source || prop === schema.edge.target)) {
      problems.push({ prop, message: `"${prop}" is an endpoint of the link; give it as from/to` });
      continue;
    }
    const seen = new Set<string>();
    for (const raw of values) {
      if (raw.trim() === '') continue;
      const check = normaliseValue(def.type, raw);
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

  private checkEntity(input: EntityInput): CheckedEntity {
    const schema = requireSchema(input.schema, 'entity');
    const values = deriveCommsValues(this.ctx.db, schema.name, validateProperties(schema, input.properties));
    if (values.length === 0) throw new CordonError('INVALID_INPUT', `A ${schema.label.toLowerCase()} needs at least one property value.`);
    return { schema, values, originator: input.originator ?? this.ctx.bureau, sourceId: input.sourceId ?? null, natural: naturalId(schema, values) };
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

  private checkLink(input: LinkInput, lookup: (id: string) => EntityRow | undefined): CheckedLink & { fromRid: number; toRid: number } {
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
      if (def.range && def.range.length > 0 && !def.range.includes(endpoint.schema)) {
        throw new CordonError('CONSTRAINT', `${schema.label}: the ${def.label.toLowerCase()} must be one of ${def.range.join(', ')}, not ${endpoint.schema}.`);
      }
    }
    const values = validateProperties(schema, input.properties);
    const all: Array<[string, string]> = [[edge.source, input.from], [edge.target, input.to], ...values];
    return {
      schema,
      values,
      all,
      from: input.from,
      to: input.to,
      fromRid: from.rid,
      toRid: to.rid,
      originator: input.originator ?? this.ctx.bureau,
      sourceId: input.sourceId ?? null,
    };
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
    const checked = inputs.map((input) => this.checkEntity(input));
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
    const checked = inputs.map((input) => this.checkLink(input, (id) => endpoints.get(id)));
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
    const row = this.ctx.db.prepare('SELECT id, schema, caption FROM entities WHERE id = ?').get(id) as EntitySummary | undefined;
    if (!row) throw new CordonError('NOT_FOUND', `Entity ${id} is not in this case.`);
    return row;
  }

  /**
   * The entity page: every live statement with its source and grading, and the links. A record
   * merged with others (same-as judgements) shows as its cluster: the canonical record's id, the
   * statements and links of every member, and the members themselves.
   */
  get(id: string): EntityDetail {
    const db = this.ctx.db;
    const canon = canonicalId(db, id) ?? id;
    const row = db.prepare('SELECT id, schema, caption, created_at, updated_at, deleted FROM entities WHERE id = ?').get(canon) as
      | { id: string; schema: string; caption: string; created_at: string; updated_at: string; deleted: number }
      | undefined;
    if (!row || row.deleted) throw new CordonError('NOT_FOUND', `Entity ${id} is not in this case.`);
    const members = clusterMembers(db, canon);
    const statements = liveStatementViews(db, members);
    const properties = byProperty(statements);
    // The other end of each link as the analyst knows it: its canonical record.
    const links = db
      .prepare(
        `WITH m(id) AS (SELECT value FROM json_each(@members))
         SELECT l.id, e.schema, e.caption, 'out' AS direction, o.id AS oid, o.schema AS oschema, o.caption AS ocaption
           FROM links l JOIN entities e ON e.id = l.id JOIN entities t ON t.id = l.target_id JOIN entities o ON o.id = coalesce(t.canonical_id, t.id)
          WHERE l.source_id IN (SELECT id FROM m) AND e.deleted = 0
         UNION ALL
         SELECT l.id, e.schema, e.caption, 'in', o.id, o.schema, o.caption
           FROM links l JOIN entities e ON e.id = l.id JOIN entities s ON s.id = l.source_id JOIN entities o ON o.id = coalesce(s.canonical_id, s.id)
          WHERE l.target_id IN (SELECT id FROM m) AND e.deleted = 0
         LIMIT 5000`,
      )
      .all({ members: JSON.stringify(members) }) as Array<{ id: string; schema: string; caption: string; direction: 'out' | 'in'; oid: string; oschema: string; ocaption: string }>;
    const linkViews: LinkView[] = links.map((l) => ({
      id: l.id,
      schema: l.schema,
      caption: l.caption,
      direction: l.direction,
      other: { id: l.oid, schema: l.oschema, caption: l.ocaption },
    }));
    // A phone's call records, as their aggregated links (comms/links.ts).
    if (row.schema === 'Phone') linkViews.push(...commsLinkViews(db, members, 5000 - linkViews.length));
    const ends = db.prepare('SELECT source_id, target_id FROM links WHERE id = ?').get(canon) as { source_id: string; target_id: string } | undefined;
    const banner = mostRestrictive(statements.map((s) => ({ handling: s.source?.handling ?? undefined, tlp: s.source?.tlp ?? undefined })));
    return {
      id: row.id,
      schema: row.schema,
      caption: row.caption,
      properties,
      links: linkViews,
      endpoints: ends ? { source: this.summary(ends.source_id), target: this.summary(ends.target_id) } : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      handling: banner.handling,
      tlp: banner.tlp,
      ...(members.length > 1 ? { mergedFrom: members.map((m) => this.summary(m)) } : {}),
    };
  }

  list(offset: number, limit: number, schema?: string): EntityPage {
    // One row per cluster of merged records: its canonical record.
    const where = `deleted = 0 AND is_link = 0 AND ${CANONICAL_ONLY}${schema ? ' AND schema = ?' : ''}`;
    const args = schema ? [schema] : [];
    const total = this.ctx.db.prepare(`SELECT count(*) FROM entities WHERE ${where}`).pluck().get(...args) as number;
    const items = this.ctx.db
      .prepare(`SELECT id, schema, caption FROM entities WHERE ${where} ORDER BY sort_key, rid LIMIT ? OFFSET ?`)
      .all(...args, limit, offset) as EntitySummary[];
    return { total, items };
  }
}

type StatementRow = {
  id: number;
  entity_id: string;
  prop: string;
  value: string;
  source_id: string | null;
  originator: string;
  first_seen: string;
  last_seen: string;
  title: string | null;
  scheme: string | null;
  grade: string | null;
  handling: string | null;
  tlp: string | null;
};

/** The live statements of some entities, each with its source's grading: what provenance shows. */
export function liveStatementViews(db: Database, entityIds: readonly string[]): Array<StatementView & { entityId: string }> {
  if (entityIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT st.id, st.entity_id, st.prop, st.value, st.source_id, st.originator, st.first_seen, st.last_seen,
              s.title, s.scheme, s.grade, s.handling, s.tlp
         FROM statements st LEFT JOIN sources s ON s.id = st.source_id
        WHERE st.entity_id IN (${entityIds.map(() => '?').join(', ')}) AND st.retracted = 0 ORDER BY st.id`,
    )
    .all(...entityIds) as StatementRow[];
  return rows.map((r) => ({
    id: r.id,
    entityId: r.entity_id,
    prop: r.prop,
    value: r.value,
    sourceId: r.source_id,
    source:
      r.source_id && r.title !== null
        ? { id: r.source_id, title: r.title, scheme: r.scheme as GradingScheme, grade: r.grade!, handling: r.handling, tlp: r.tlp as Tlp | null }
        : null,
    originator: r.originator,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}

/** Statements grouped by property, in the order they were made. */
export function byProperty<T extends { prop: string }>(statements: readonly T[]): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const st of statements) (out[st.prop] ??= []).push(st);
  return out;
}
