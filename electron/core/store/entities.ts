import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { captionOf, getProperty, getSchema, SEARCHABLE_TYPES, type SchemaDef } from '../../../shared/catalogue';
import type { EntityDetail, EntityPage, EntitySummary, LinkView, StatementView } from '../../../shared/dto';
import { CordonError } from '../../../shared/errors';
import { mostRestrictive, type GradingScheme, type Tlp } from '../../../shared/grading';
import { naturalSortKey, normaliseValue } from '../../../shared/values';
import { canonicalId, CANONICAL_ONLY, clusterMembers } from './canonical';
import type { StoreContext } from './context';

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
  searchRowid: Statement;
  insertSearchMap: Statement;
  deleteSearch: Statement;
  insertSearch: Statement;
  /** Multi-row forms for the bulk API, built on first use. */
  many: Map<string, Statement>;
  lookupMany: () => Statement;
}

/** Rows per multi-row INSERT (7 columns × 100 = 700 bound parameters, far below SQLite's limit). */
const CHUNK = 100;
/** Ids per endpoint lookup. */
const LOOKUP_CHUNK = 200;
/** Buffered entities before the bulk writer sends its rows to SQLite. */
const FLUSH_EVERY = 1000;

function lookupSql(n: number): string {
  return `SELECT id, schema, deleted FROM entities WHERE id IN (${new Array<string>(n).fill('?').join(', ')})`;
}

const cache = new WeakMap<Database, Prepared>();

function prepared(db: Database): Prepared {
  let p = cache.get(db);
  if (!p) {
    p = {
      insertEntity: db.prepare('INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      touchEntity: db.prepare('UPDATE entities SET caption = ?, sort_key = ?, updated_at = ? WHERE id = ?'),
      insertLink: db.prepare('INSERT INTO links (id, source_id, target_id) VALUES (?, ?, ?)'),
      insertStatement: db.prepare(
        'INSERT INTO statements (entity_id, prop, value, source_id, originator, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      findStatement: db
        .prepare(
          'SELECT id FROM statements WHERE entity_id = ? AND prop = ? AND value = ? AND source_id IS ? AND originator = ? AND retracted = 0',
        )
        .pluck(),
      seeStatement: db.prepare('UPDATE statements SET last_seen = ? WHERE id = ?'),
      entityExists: db.prepare('SELECT schema, deleted FROM entities WHERE id = ?'),
      liveStatements: db.prepare('SELECT prop, value FROM statements WHERE entity_id = ? AND retracted = 0 ORDER BY id'),
      searchRowid: db.prepare('SELECT rowid FROM entity_search_map WHERE entity_id = ?').pluck(),
      insertSearchMap: db.prepare('INSERT INTO entity_search_map (entity_id) VALUES (?)'),
      deleteSearch: db.prepare('DELETE FROM entity_search WHERE rowid = ?'),
      insertSearch: db.prepare('INSERT INTO entity_search (rowid, text) VALUES (?, ?)'),
      many: new Map(),
      lookupMany: () => {
        let st = p!.many.get('lookup');
        if (!st) p!.many.set('lookup', (st = db.prepare(lookupSql(LOOKUP_CHUNK))));
        return st;
      },
    };
    cache.set(db, p);
  }
  return p;
}

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

/** Buffered rows of one table, written with a CHUNK-row INSERT and single-row ones for the rest. */
class Rows {
  private params: unknown[] = [];
  constructor(
    private readonly db: Database,
    private readonly q: Prepared,
    private readonly head: string,
    private readonly cols: number,
    private readonly one: Statement,
  ) {}

  add(...values: unknown[]): void {
    for (const v of values) this.params.push(v);
  }

  get size(): number {
    return this.params.length / this.cols;
  }

  flush(): void {
    const p = this.params;
    if (p.length === 0) return;
    this.params = [];
    const per = CHUNK * this.cols;
    let i = 0;
    if (p.length >= per) {
      let many = this.q.many.get(this.head);
      if (!many) {
        const row = `(${new Array<string>(this.cols).fill('?').join(', ')})`;
        many = this.db.prepare(`${this.head} VALUES ${new Array<string>(CHUNK).fill(row).join(', ')}`);
        this.q.many.set(this.head, many);
      }
      for (; i + per <= p.length; i += per) many.run(p.slice(i, i + per));
    }
    for (; i < p.length; i += this.cols) this.one.run(p.slice(i, i + this.cols));
  }
}

/**
 * The bulk API's writer: new entities, links, statements and search rows, buffered and written
 * table by table in the order the foreign keys need (entities before what refers to them).
 */
class BulkWriter {
  private readonly entities: Rows;
  private readonly links: Rows;
  private readonly statements: Rows;
  private readonly searchMap: Rows;
  private readonly searchText: Rows;
  private readonly pendingSearch: Array<[string, string]> = [];
  private readonly maxSearchRowid: Statement;

  constructor(
    private readonly db: Database,
    q: Prepared,
  ) {
    this.entities = new Rows(db, q, 'INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at)', 7, q.insertEntity);
    this.links = new Rows(db, q, 'INSERT INTO links (id, source_id, target_id)', 3, q.insertLink);
    this.statements = new Rows(
      db,
      q,
      'INSERT INTO statements (entity_id, prop, value, source_id, originator, first_seen, last_seen)',
      7,
      q.insertStatement,
    );
    let mapOne = q.many.get('map-one');
    if (!mapOne) q.many.set('map-one', (mapOne = db.prepare('INSERT INTO entity_search_map (rowid, entity_id) VALUES (?, ?)')));
    this.searchMap = new Rows(db, q, 'INSERT INTO entity_search_map (rowid, entity_id)', 2, mapOne);
    this.searchText = new Rows(db, q, 'INSERT INTO entity_search (rowid, text)', 2, q.insertSearch);
    let max = q.many.get('map-max');
    if (!max) q.many.set('map-max', (max = db.prepare('SELECT coalesce(max(rowid), 0) FROM entity_search_map').pluck()));
    this.maxSearchRowid = max;
  }

  entity(id: string, schema: string, caption: string, isLink: 0 | 1, now: string): void {
    this.entities.add(id, schema, caption, naturalSortKey(caption), isLink, now, now);
  }

  link(id: string, from: string, to: string): void {
    this.links.add(id, from, to);
  }

  statement(entityId: string, prop: string, value: string, sourceId: string | null, originator: string, now: string): void {
    this.statements.add(entityId, prop, value, sourceId, originator, now, now);
  }

  /** A new entity's search text (none when empty, as in writeSearch). */
  search(id: string, text: string): void {
    if (text !== '') this.pendingSearch.push([id, text]);
  }

  maybeFlush(): void {
    if (this.entities.size >= FLUSH_EVERY) this.flush();
  }

  flush(): void {
    this.entities.flush();
    this.links.flush();
    this.statements.flush();
    if (this.pendingSearch.length > 0) {
      // The rowids SQLite would pick (max + 1, ...), chosen here so the FTS rows can use them too.
      // Read at each flush: the one-at-a-time path may have added rows in between.
      let rowid = Number(this.maxSearchRowid.get());
      for (const [id, text] of this.pendingSearch) {
        rowid++;
        this.searchMap.add(rowid, id);
        this.searchText.add(rowid, text);
      }
      this.pendingSearch.length = 0;
      this.searchMap.flush();
      this.searchText.flush();
    }
  }
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

function searchText(schema: SchemaDef, values: ReadonlyArray<readonly [string, string]>): string {
  const texts: string[] = [];
  for (const [prop, value] of values) {
    const def = getProperty(schema, prop);
    if (def && SEARCHABLE_TYPES.has(def.type) && !texts.includes(value)) texts.push(value);
  }
  return texts.join('\n');
}

function captionFrom(schema: SchemaDef, values: ReadonlyArray<readonly [string, string]>): string {
  return captionOf(schema, (prop) => values.filter(([p]) => p === prop).map(([, v]) => v));
}

export class EntityStore {
  private readonly q: Prepared;
  constructor(private readonly ctx: StoreContext) {
    this.q = prepared(ctx.db);
  }

  private writeSearch(id: string, text: string, isNew: boolean): void {
    // A new entity with nothing searchable (most links) needs no search rows; refresh adds them later.
    if (isNew && text === '') return;
    let rowid = isNew ? undefined : (this.q.searchRowid.get(id) as number | bigint | undefined);
    if (rowid !== undefined) this.q.deleteSearch.run(rowid);
    else rowid = this.q.insertSearchMap.run(id).lastInsertRowid;
    if (text !== '') this.q.insertSearch.run(rowid, text);
  }

  /** Recomputes caption and search text from the live statements. */
  refresh(id: string): void {
    const row = this.q.entityExists.get(id) as { schema: string } | undefined;
    if (!row) return;
    const schema = getSchema(row.schema)!;
    const values = (this.q.liveStatements.all(id) as Array<{ prop: string; value: string }>).map((s) => [s.prop, s.value] as const);
    const caption = captionFrom(schema, values);
    this.q.touchEntity.run(caption, naturalSortKey(caption), new Date().toISOString(), id);
    this.writeSearch(id, searchText(schema, values), false);
  }

  private addStatements(id: string, values: Array<[string, string]>, sourceId: string | null, originator: string, now: string, isNew: boolean): number {
    let added = 0;
    for (const [prop, value] of values) {
      if (!isNew) {
        const existing = this.q.findStatement.get(id, prop, value, sourceId, originator) as number | undefined;
        if (existing !== undefined) {
          this.q.seeStatement.run(now, existing);
          continue;
        }
      }
      this.q.insertStatement.run(id, prop, value, sourceId, originator, now, now);
      added++;
    }
    return added;
  }

  private requireLive(id: string, role: string): { schema: string } {
    const row = this.q.entityExists.get(id) as { schema: string; deleted: number } | undefined;
    if (!row || row.deleted) throw new CordonError('NOT_FOUND', `${role} ${id} is not in this case.`);
    return row;
  }

  private checkEntity(input: EntityInput): CheckedEntity {
    const schema = requireSchema(input.schema, 'entity');
    const values = validateProperties(schema, input.properties);
    if (values.length === 0) throw new CordonError('INVALID_INPUT', `A ${schema.label.toLowerCase()} needs at least one property value.`);
    return { schema, values, originator: input.originator ?? this.ctx.bureau, sourceId: input.sourceId ?? null, natural: naturalId(schema, values) };
  }

  private applyEntity(c: CheckedEntity, now: string): { id: string; created: boolean } {
    const { schema, values, sourceId, originator, natural } = c;
    const existing = natural ? (this.q.entityExists.get(natural) as { schema: string; deleted: number } | undefined) : undefined;
    if (existing && natural) {
      if (existing.schema !== schema.name) throw new CordonError('CONSTRAINT', `${natural} already exists as a ${existing.schema}.`);
      if (existing.deleted) this.ctx.db.prepare('UPDATE entities SET deleted = 0 WHERE id = ?').run(natural);
      this.addStatements(natural, values, sourceId, originator, now, false);
      this.refresh(natural);
      return { id: natural, created: false };
    }
    const id = natural ?? this.ctx.newId();
    const caption = captionFrom(schema, values);
      this.q.insertEntity.run(id, schema.name, caption, naturalSortKey(caption), 0, now, now);
    this.addStatements(id, values, sourceId, originator, now, true);
    this.writeSearch(id, searchText(schema, values), true);
    return { id, created: true };
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
    const c = this.checkEntity(input);
    const { id, created } = this.applyEntity(c, new Date().toISOString());
    if (opts.audit !== false) this.auditEntity(c, id, created);
    return { id, created };
  }

  private checkLink(input: LinkInput, lookup: (id: string) => { schema: string; deleted: number } | undefined): CheckedLink {
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
    return { schema, values, all, from: input.from, to: input.to, originator: input.originator ?? this.ctx.bureau, sourceId: input.sourceId ?? null };
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
    const c = this.checkLink(input, (id) => this.q.entityExists.get(id) as { schema: string; deleted: number } | undefined);
    const now = new Date().toISOString();
    const id = this.ctx.newId();
    const caption = captionFrom(c.schema, c.values);
    this.q.insertEntity.run(id, c.schema.name, caption, naturalSortKey(caption), 1, now, now);
    this.q.insertLink.run(id, c.from, c.to);
    this.addStatements(id, c.all, c.sourceId, c.originator, now, true);
    this.writeSearch(id, searchText(c.schema, c.values), true);
    if (opts.audit !== false) this.auditLink(c, id);
    return id;
  }

  /**
   * Bulk import: many entities in one call, inside the caller's transaction. The same rules as
   * createEntity, applied in order (a natural identifier seen twice merges into one entity), but
   * every input is validated before anything is written, so a rejected input leaves nothing of the
   * call behind. Rows go to SQLite in multi-row INSERTs, which is what makes it fast.
   */
  createEntities(inputs: readonly EntityInput[], opts: { audit?: boolean } = {}): Array<{ id: string; created: boolean }> {
    const checked = inputs.map((input) => this.checkEntity(input));
    // Natural identifiers: refuse a clash of schemata up front (against the case and the batch).
    const naturals = new Map<string, string>();
    for (const c of checked) {
      if (!c.natural) continue;
      const known = naturals.get(c.natural) ?? (this.q.entityExists.get(c.natural) as { schema: string } | undefined)?.schema;
      if (known !== undefined && known !== c.schema.name) throw new CordonError('CONSTRAINT', `${c.natural} already exists as a ${known}.`);
      naturals.set(c.natural, c.schema.name);
    }
    const now = new Date().toISOString();
    const bulk = this.bulk();
    const out: Array<{ id: string; created: boolean }> = [];
    for (const c of checked) {
      if (c.natural) {
        // Rare (identifiers that name themselves): take the one-at-a-time path, in order.
        bulk.flush();
        out.push(this.applyEntity(c, now));
        continue;
      }
      const id = this.ctx.newId();
      bulk.entity(id, c.schema.name, captionFrom(c.schema, c.values), 0, now);
      for (const [prop, value] of c.values) bulk.statement(id, prop, value, c.sourceId, c.originator, now);
      bulk.search(id, searchText(c.schema, c.values));
      bulk.maybeFlush();
      out.push({ id, created: true });
    }
    bulk.flush();
    if (opts.audit !== false) {
      checked.forEach((c, i) => this.auditEntity(c, out[i]!.id, out[i]!.created));
    }
    return out;
  }

  /**
   * Bulk import of links, inside the caller's transaction: the same rules as createLink, every
   * input validated (endpoints live, of the right type) before anything is written.
   */
  createLinks(inputs: readonly LinkInput[], opts: { audit?: boolean } = {}): string[] {
    const endpoints = this.lookupEndpoints(inputs);
    const checked = inputs.map((input) => this.checkLink(input, (id) => endpoints.get(id)));
    const now = new Date().toISOString();
    const bulk = this.bulk();
    const ids: string[] = [];
    for (const c of checked) {
      const id = this.ctx.newId();
      bulk.entity(id, c.schema.name, captionFrom(c.schema, c.values), 1, now);
      bulk.link(id, c.from, c.to);
      for (const [prop, value] of c.all) bulk.statement(id, prop, value, c.sourceId, c.originator, now);
      bulk.search(id, searchText(c.schema, c.values));
      bulk.maybeFlush();
      ids.push(id);
    }
    bulk.flush();
    if (opts.audit !== false) checked.forEach((c, i) => this.auditLink(c, ids[i]!));
    return ids;
  }

  /** Endpoint rows for a batch of links, fetched IN (...) chunks rather than one query per end. */
  private lookupEndpoints(inputs: readonly LinkInput[]): Map<string, { schema: string; deleted: number }> {
    const wanted = [...new Set(inputs.flatMap((l) => [l.from, l.to]))];
    const found = new Map<string, { schema: string; deleted: number }>();
    for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
      const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
      const stmt = chunk.length === LOOKUP_CHUNK ? this.q.lookupMany() : this.ctx.db.prepare(lookupSql(chunk.length));
      for (const row of stmt.all(...chunk) as Array<{ id: string; schema: string; deleted: number }>) found.set(row.id, row);
    }
    return found;
  }

  private bulk(): BulkWriter {
    return new BulkWriter(this.ctx.db, this.q);
  }

  update(id: string, add: ReadonlyArray<{ prop: string; value: string }>, retract: readonly number[], sourceId: string | undefined): void {
    const row = this.requireLive(id, 'Entity');
    const schema = getSchema(row.schema)!;
    const grouped: Record<string, string[]> = {};
    for (const { prop, value } of add) (grouped[prop] ??= []).push(value);
    const values = validateProperties(schema, grouped);
    const getStatement = this.ctx.db.prepare('SELECT entity_id, originator, retracted, prop FROM statements WHERE id = ?');
    const retractOne = this.ctx.db.prepare('UPDATE statements SET retracted = 1, last_seen = ? WHERE id = ?');
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
    this.addStatements(id, values, sourceId ?? null, this.ctx.bureau, now, false);
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
    this.requireLive(id, 'Entity');
    const linkIds = this.ctx.db
      .prepare('SELECT l.id FROM links l JOIN entities e ON e.id = l.id WHERE (l.source_id = ? OR l.target_id = ?) AND e.deleted = 0')
      .pluck()
      .all(id, id) as string[];
    const mark = this.ctx.db.prepare('UPDATE entities SET deleted = 1, updated_at = ? WHERE id = ?');
    const now = new Date().toISOString();
    for (const target of [id, ...linkIds]) {
      mark.run(now, target);
      const rowid = this.q.searchRowid.get(target) as number | undefined;
      if (rowid !== undefined) this.q.deleteSearch.run(rowid);
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
      .prepare(`SELECT id, schema, caption FROM entities WHERE ${where} ORDER BY sort_key, id LIMIT ? OFFSET ?`)
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
