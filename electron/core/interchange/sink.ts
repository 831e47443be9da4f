import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportSpec } from '../../../shared/interchange/api';
import { builtinOf, captionOf, getProperty, getSchema, type SchemaDef } from '../../../shared/catalogue';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { naturalId, type EntityInput, type EntityRow, type LinkInput } from '../store/entity-values';
import { IdentityIndex } from './identities';
import { ImportSources, type SourceInput } from './import-sources';
import type { ReportBuilder } from './report';
import type { Job } from '../jobs';

// Where every importer writes: one transaction around the whole import (BEGIN … COMMIT, ROLLBACK
// on error, cancel or dry run), entities and links buffered and written through the store's bulk
// API, identity rules (the same phone number is one entity across rows and with the case), the
// source reports, foreign ids and the layout that came with the file.

export type Values = Array<[string, string]>;

/** An entity of this import: its id is known once its batch is written. */
export interface Ref {
  id: string | null;
  schema: string;
  /** Set while the entity waits in the current batch. */
  pending: EntityInput | null;
  /** Created by this import (not found in the case). */
  fresh: boolean;
  /** Values (source, prop, value) this import already gave the entity: a repeated phone number
   * on the next row needs no database lookup. */
  seen?: Set<string>;
}

interface PendingLink {
  schema: string;
  from: Ref;
  to: Ref;
  values: Values;
  sourceId: string;
  row: number | null;
  ref: Ref;
}

interface Append {
  ref: Ref;
  values: Values;
  sourceId: string;
}

const FLUSH_AT = 2000;
/** From this size of file on, an import is worth a checkpointer thread (store/bulk-mode.ts). */
const LARGE_IMPORT_BYTES = 4 * 1024 * 1024;

function group(values: Values): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [p, v] of values) {
    const list = (out[p] ??= []);
    if (!list.includes(v)) list.push(v);
  }
  return out;
}

function naturalOfInput(input: EntityInput): string | null {
  const schema = getSchema(input.schema)!;
  return schema.identity ? naturalId(schema, Object.entries(input.properties).flatMap(([p, vs]) => vs.map((v) => [p, v] as [string, string]))) : null;
}

export class ImportSink {
  readonly importId: string;
  private open = false;
  private readonly identities: IdentityIndex<Ref>;
  private readonly externals = new Map<string, Ref>();
  private readonly pendingEntities: Ref[] = [];
  private readonly pendingLinks: PendingLink[] = [];
  private readonly appends: Append[] = [];
  private readonly pendingExternal: Array<[string, string, Ref]> = [];
  private readonly pendingLayout: Array<[Ref, number | null, number | null, Record<string, unknown>]> = [];
  private readonly dirty = new Set<string>();
  private readonly touchedExisting = new Set<string>();
  private readonly naturalsCreated = new Set<string>();
  private readonly sourcesOf: ImportSources;
  /** Entities this import wrote (live, in this transaction): link endpoints need no lookup. */
  private readonly written = new Map<string, EntityRow>();
  layoutId: string | null = null;
  private readonly q: {
    entityRow: Statement;
    external: Statement;
    setExternal: Statement;
    layoutItem: Statement;
    importEntity: Statement;
  };

  constructor(
    readonly c: Case,
    readonly report: ReportBuilder,
    private readonly opts: {
      format: string;
      fileName: string;
      sha256: string;
      bytes: number;
      spec: ImportSpec | undefined;
      dryRun: boolean;
      /** For imports that take no ImportSpec (call records): the file's source, and the mapping saved with the import. */
      source?: ImportSpec['source'];
      mapping?: unknown;
    },
  ) {
    this.importId = c.newId();
    const db = c.db;
    this.identities = new IdentityIndex(db, (id, schema) => ({ id, schema, pending: null, fresh: false }));
    this.sourcesOf = new ImportSources(c, opts);
    this.q = {
      entityRow: db.prepare('SELECT schema, deleted FROM entities WHERE id = ?'),
      external: db
        .prepare('SELECT x.entity_id FROM external_ids x JOIN entities e ON e.id = x.entity_id WHERE x.namespace = ? AND x.external_id = ? AND e.deleted = 0')
        .pluck(),
      setExternal: db.prepare('INSERT OR REPLACE INTO external_ids (namespace, external_id, entity_id, import_id) VALUES (?, ?, ?, ?)'),
      layoutItem: db.prepare('INSERT OR REPLACE INTO layout_items (layout_id, entity_id, x, y, style) VALUES (?, ?, ?, ?, ?)'),
      importEntity: db.prepare('INSERT OR IGNORE INTO import_entities (import_id, entity_id) VALUES (?, ?)'),
    };
  }

  // ---- the transaction ----

  begin(): void {
    this.c.bulk.begin({ large: this.opts.bytes >= LARGE_IMPORT_BYTES });
    this.open = true;
    const now = new Date().toISOString();
    this.c.db
      .prepare('INSERT INTO imports (id, format, file_name, sha256, bytes, spec, report, actor, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.importId, this.opts.format, this.opts.fileName, this.opts.sha256, this.opts.bytes, this.opts.spec ? JSON.stringify(this.opts.spec) : this.opts.mapping !== undefined ? JSON.stringify(this.opts.mapping) : null, '{}', this.c.actor, now, now);
  }

  rollback(): void {
    if (!this.open) return;
    this.open = false;
    this.c.bulk.end(false);
    // Types an import defined (ANX, issue 24) are gone with it: the catalogue reads the case again.
    this.c.types.reload();
  }

  /**
   * Writes what is buffered, refreshes touched entities, records the import and commits. A cancel
   * is honoured up to the COMMIT itself: the refresh of a big merge yields between entities, and
   * the job says it is saving (no longer cancellable) only once nothing is left but to commit.
   */
  async commit(reportJson: () => unknown, job: Pick<Job, 'checkpoint' | 'saving'>): Promise<void> {
    this.flush();
    let n = 0;
    for (const id of this.dirty) {
      this.c.entities.refresh(id);
      if (++n % 500 === 0) await job.checkpoint();
    }
    await job.checkpoint();
    if (!this.opts.dryRun) job.saving();
    const report = reportJson() as { created: number; merged: number; skipped: number; entities: number; links: number };
    this.c.db
      .prepare('UPDATE imports SET source_id = ?, report = ?, finished_at = ? WHERE id = ?')
      .run(this.sourcesOf.defaultId, JSON.stringify(report), new Date().toISOString(), this.importId);
    this.c.audit.append({
      actor: this.c.actor,
      action: 'import',
      target: this.importId,
      detail: {
        format: this.opts.format,
        file: this.opts.fileName,
        sha256: this.opts.sha256,
        bytes: this.opts.bytes,
        sources: this.sourcesOf.ids,
        created: report.created,
        merged: report.merged,
        skipped: report.skipped,
        entities: report.entities,
        links: report.links,
        layoutId: this.layoutId,
      },
    });
    if (this.opts.dryRun) {
      this.rollback();
      return;
    }
    this.open = false;
    this.c.bulk.end(true);
  }


  // ---- sources ----

  /** The source of everything the spec does not source otherwise; created on first use. */
  defaultSource(): string {
    return this.sourcesOf.defaultSource();
  }

  /** A source report for these values; the same report asked twice is created once. */
  source(input: SourceInput): string {
    return this.sourcesOf.source(input);
  }

  get sourceIds(): string[] {
    return this.sourcesOf.ids;
  }

  // ---- entities ----

  /** The identity key of these values under the rule, or null when a rule property has no value. */
  identityKey(schema: SchemaDef, props: readonly string[], values: Values): string | null {
    return this.identities.key(schema, props, values);
  }

  /** The entity known under a foreign id (this import or an earlier one). */
  external(namespace: string, externalId: string): Ref | undefined {
    const key = `${namespace}\u0000${externalId}`;
    let ref = this.externals.get(key);
    if (!ref) {
      const id = this.q.external.get(namespace, externalId) as string | undefined;
      if (id) {
        const row = this.q.entityRow.get(id) as { schema: string };
        ref = { id, schema: row.schema, pending: null, fresh: false };
        this.externals.set(key, ref);
      }
    }
    return ref;
  }

  setExternal(namespace: string, externalId: string, ref: Ref): void {
    this.externals.set(`${namespace}\u0000${externalId}`, ref);
    this.pendingExternal.push([namespace, externalId, ref]);
  }

  /**
   * An entity with already validated, normalised values. With an identity key (or an `into`
   * entity) the values go into the entity already known; otherwise a new entity is made (the
   * store still merges on natural identifiers such as IBANs). Returns null, with the reason,
   * when the entity cannot be made.
   */
  entity(
    schema: SchemaDef,
    values: Values,
    sourceId: string,
    opts: { identity?: string | null; into?: Ref } = {},
  ): { ref: Ref; merged: boolean } | { error: string } {
    if (values.length === 0) return { error: `the ${schema.label.toLowerCase()} has no value` };
    const known = opts.into ?? (opts.identity ? this.identities.get(opts.identity) : undefined);
    if (known) {
      if (known.schema !== schema.name) return { error: `it is already a ${known.schema}, not a ${schema.name}` };
      this.mergeInto(known, values, sourceId);
      this.report.merged++;
      if (!known.fresh && known.id) this.touchedExisting.add(known.id);
      return { ref: known, merged: true };
    }
    const natural = naturalId(schema, values);
    if (natural) {
      const row = this.q.entityRow.get(natural) as { schema: string } | undefined;
      const batch = this.pendingEntities.find((r) => r.pending && naturalOfInput(r.pending) === natural);
      const other = row?.schema ?? batch?.schema;
      if (other !== undefined && other !== schema.name) return { error: `${natural} is already a ${other}` };
    }
    const ref: Ref = { id: null, schema: schema.name, pending: { schema: schema.name, properties: group(values), sourceId }, fresh: true, seen: new Set(values.map(([p, v]) => `${sourceId}\u0000${p}\u0000${v}`)) };
    this.pendingEntities.push(ref);
    if (opts.identity) this.identities.set(opts.identity, ref);
    return { ref, merged: false };
  }

  /** More values (with their own source) for an entity or link of this import; not a merge. */
  addValues(ref: Ref, values: Values, sourceId: string): void {
    if (values.length > 0) this.mergeInto(ref, values, sourceId);
  }

  private mergeInto(ref: Ref, values: Values, sourceId: string): void {
    const seen = (ref.seen ??= new Set());
    values = values.filter(([p, v]) => {
      const k = `${sourceId}\u0000${p}\u0000${v}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (values.length === 0) return;
    if (ref.pending && ref.pending.sourceId === sourceId) {
      const props = ref.pending.properties as Record<string, string[]>;
      for (const [p, v] of values) {
        const list = (props[p] ??= []);
        if (!list.includes(v)) list.push(v);
      }
      return;
    }
    this.appends.push({ ref, values, sourceId });
  }

  /** A link between two entities of this import; null (with the reason) when it cannot be made. */
  link(schema: SchemaDef, from: Ref, to: Ref, values: Values, sourceId: string, row: number | null): Ref | { error: string } {
    if (from === to || (from.id !== null && from.id === to.id)) return { error: 'both ends of the link are the same entity' };
    for (const [prop, end] of [
      [schema.edge!.source, from],
      [schema.edge!.target, to],
    ] as const) {
      const def = getProperty(schema, prop)!;
      if (def.range && def.range.length > 0 && !def.range.includes(end.schema) && !def.range.includes(builtinOf(end.schema))) {
        return { error: `${/^[aeiou]/i.test(schema.label) ? 'an' : 'a'} ${schema.label.toLowerCase()} cannot have a ${end.schema} as its ${def.label.toLowerCase()}` };
      }
    }
    const ref: Ref = { id: null, schema: schema.name, pending: null, fresh: true };
    this.pendingLinks.push({ schema: schema.name, from, to, values, sourceId, row, ref });
    return ref;
  }

  /** A position (and styling) in this import's layout, for an entity or a link. */
  place(ref: Ref, x: number | null, y: number | null, style: Record<string, unknown>): void {
    this.pendingLayout.push([ref, x, y, style]);
  }

  createLayout(name: string, origin: string, meta: Record<string, unknown>): void {
    this.layoutId = this.c.newId();
    this.c.db
      .prepare('INSERT INTO layouts (id, name, origin, import_id, meta, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.layoutId, name, origin, this.importId, JSON.stringify(meta), new Date().toISOString());
  }

  get pendingCount(): number {
    return this.pendingEntities.length + this.pendingLinks.length + this.appends.length;
  }

  maybeFlush(): void {
    if (this.pendingCount >= FLUSH_AT) this.flush();
  }

  /** Sends the batch to SQLite: entities, then links, then more values for known ones. */
  flush(): void {
    if (!this.open) throw new CordonError('INTERNAL', 'import transaction is not open');
    if (this.pendingEntities.length > 0) {
      const batch = this.pendingEntities.splice(0);
      const inputs = batch.map((r) => r.pending!);
      const results = this.c.entities.createEntities(inputs, { audit: false });
      results.forEach((r, i) => {
        const ref = batch[i]!;
        const input = inputs[i]!;
        ref.id = r.id;
        ref.pending = null;
        this.written.set(r.id, { rid: r.rid, schema: input.schema, deleted: 0 });
        this.q.importEntity.run(this.importId, r.id);
        if (r.created) {
          this.report.created++;
          if (naturalOfInput(input) !== null) this.naturalsCreated.add(r.id);
        } else {
          // A natural identifier (IBAN, IMO, …) already in the case or earlier in this import.
          ref.fresh = this.naturalsCreated.has(r.id);
          this.report.merged++;
          if (!ref.fresh) this.touchedExisting.add(r.id);
        }
      });
    }
    if (this.pendingLinks.length > 0) {
      const batch = this.pendingLinks.splice(0).filter((l) => {
        if (l.from.id === l.to.id) {
          this.report.skip(l.row, 'both ends of the link are the same entity');
          return false;
        }
        return true;
      });
      const inputs: LinkInput[] = batch.map((l) => ({ schema: l.schema, from: l.from.id!, to: l.to.id!, properties: group(l.values), sourceId: l.sourceId }));
      const ids = this.c.entities.createLinks(inputs, { audit: false, endpoints: this.written });
      ids.forEach((id, i) => (batch[i]!.ref.id = id));
      this.report.links += ids.length;
    }
    if (this.appends.length > 0) {
      const appends = this.appends.splice(0);
      const added = this.c.entities.appendStatements(appends.map((a) => ({ id: a.ref.id!, values: a.values, sourceId: a.sourceId, originator: this.c.bureau })));
      for (const id of added) this.dirty.add(id);
      for (const a of appends) {
        if (!a.ref.fresh) this.touchedExisting.add(a.ref.id!);
        // Links take values too (ANX cards); only entities belong on the import's chart.
        if (!getSchema(a.ref.schema)?.edge) this.q.importEntity.run(this.importId, a.ref.id!);
      }
    }
    for (const [ns, ext, ref] of this.pendingExternal.splice(0)) this.q.setExternal.run(ns, ext, ref.id, this.importId);
    if (this.layoutId) {
      for (const [ref, x, y, style] of this.pendingLayout.splice(0)) {
        if (ref.id) this.q.layoutItem.run(this.layoutId, ref.id, x, y, JSON.stringify(style));
      }
    }
  }

  /** Distinct entities created or added to. */
  get entitiesTouched(): number {
    return this.report.created + this.touchedExisting.size;
  }

  /** Caption of values, for the dry-run sample. */
  static caption(schema: SchemaDef, values: Values): string {
    // A person known only by a phone number has no caption in the catalogue; the wizard still
    // needs something to show.
    return captionOf(schema, (p) => values.filter(([q]) => q === p).map(([, v]) => v)) || (values[0]?.[1] ?? '');
  }
}
