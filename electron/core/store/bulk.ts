import type { Database } from 'better-sqlite3-multiple-ciphers';
import { naturalSortKey } from '../../../shared/values';
import { cachedStatement } from './prepared';
import { requireSourceRid } from './sources';

// The one bulk writer of the case store: new entities, link endpoints, statements and search rows,
// buffered and sent to SQLite in multi-row INSERTs, table by table in the order the foreign keys
// need (entities before what refers to them). Rows refer to entities by their integer rid
// (migration 007), which the writer hands out itself so that statements can be buffered before
// their entity is written.

/** Rows per multi-row INSERT (8 columns × 100 = 800 bound parameters, far below SQLite's limit). */
const CHUNK = 100;
/** Buffered entities before the writer sends its rows to SQLite. */
const FLUSH_EVERY = 1000;

const ENTITY_HEAD = 'INSERT INTO entities (rid, id, schema, caption, sort_key, is_link, created_at, updated_at)';
const LINK_HEAD = 'INSERT INTO link_rows (rid, source, target)';
const STATEMENT_HEAD = 'INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen)';
const SEARCH_HEAD = 'INSERT INTO entity_search (rowid, text)';

function valuesSql(head: string, cols: number, rows: number): string {
  const row = `(${new Array<string>(cols).fill('?').join(', ')})`;
  return `${head} VALUES ${new Array<string>(rows).fill(row).join(', ')}`;
}

/** Buffered rows of one table, written with CHUNK-row INSERTs and single-row ones for the rest. */
class Rows {
  private params: unknown[] = [];
  constructor(
    private readonly db: Database,
    private readonly head: string,
    private readonly cols: number,
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
      const many = cachedStatement(this.db, valuesSql(this.head, this.cols, CHUNK));
      for (; i + per <= p.length; i += per) many.run(p.slice(i, i + per));
    }
    if (i < p.length) {
      const one = cachedStatement(this.db, valuesSql(this.head, this.cols, 1));
      for (; i < p.length; i += this.cols) one.run(p.slice(i, i + this.cols));
    }
  }
}

/**
 * Lives for one bulk call inside the caller's transaction. Rids are handed out from max(rid) + 1
 * read at construction: nothing else may insert entities while a writer is open.
 */
export class BulkWriter {
  private readonly entities: Rows;
  private readonly links: Rows;
  private readonly statements: Rows;
  private readonly search: Rows;
  private nextRid: number;
  /** Source id → rid: a call writes thousands of statements from a handful of sources. */
  private readonly sourceRids = new Map<string, number>();

  constructor(private readonly db: Database) {
    this.entities = new Rows(db, ENTITY_HEAD, 8);
    this.links = new Rows(db, LINK_HEAD, 3);
    this.statements = new Rows(db, STATEMENT_HEAD, 7);
    this.search = new Rows(db, SEARCH_HEAD, 2);
    this.nextRid = Number(cachedStatement(db, 'SELECT coalesce(max(rid), 0) FROM entities').pluck().get()) + 1;
  }

  /** A new entity; returns its rid. */
  entity(id: string, schema: string, caption: string, isLink: 0 | 1, now: string): number {
    const rid = this.nextRid++;
    this.entities.add(rid, id, schema, caption, naturalSortKey(caption), isLink, now, now);
    return rid;
  }

  link(rid: number, from: number, to: number): void {
    this.links.add(rid, from, to);
  }

  statement(entity: number, prop: string, value: string, sourceId: string | null, originator: string, now: string): void {
    let source: number | null = null;
    if (sourceId !== null) {
      source = this.sourceRids.get(sourceId) ?? null;
      if (source === null) this.sourceRids.set(sourceId, (source = requireSourceRid(this.db, sourceId)!));
    }
    this.statements.add(entity, prop, value, source, originator, now, now);
  }

  /** A new entity's search text; an entity with nothing searchable (most links) has no row. */
  searchText(rid: number, text: string): void {
    if (text !== '') this.search.add(rid, text);
  }

  maybeFlush(): void {
    if (this.entities.size >= FLUSH_EVERY || this.statements.size >= 4 * FLUSH_EVERY) this.flush();
  }

  flush(): void {
    this.entities.flush();
    this.links.flush();
    this.statements.flush();
    this.search.flush();
  }
}
