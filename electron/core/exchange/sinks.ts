import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { captionOf, type SchemaDef } from '../../../shared/catalogue';
import type { EntitySummary } from '../../../shared/entities/dto';
import type { ExchangeCounts, ImportPreview, ImportResult, PreviewItem } from '../../../shared/exchange/dto';
import { naturalSortKey } from '../../../shared/values';
import type { Case } from '../store/case';
import { captionFrom, searchText } from '../store/entity-values';
import { requireSourceRid, sourceRid } from '../store/sources';
import { ContentChecker } from './content';
import type { EntityLine, Manifest, OperationLine, Receipt, RetractionLine, SourceLine, StatementLine } from './format';
import type { OuterChecked, PayloadSink } from './open';
import { checkPlan } from './plans-in';
import { Refusal } from './refusal';

// The two readers of a verified payload: the preview (what it holds, what it matches; writes
// nothing) and the import (writes, inside the caller's transaction). Both apply the originator
// rules of DESIGN.md §3: a package cannot author statements in our name, and its retractions reach
// only the sender's own statements.

const MAX_ITEMS = 1000;

function entityLookup(db: Database) {
  const q = db.prepare('SELECT schema, is_link, deleted FROM entities WHERE id = ?');
  return (id: string) => {
    const r = q.get(id) as { schema: string; is_link: number; deleted: number } | undefined;
    return r ? { schema: r.schema, isLink: r.is_link === 1, deleted: r.deleted === 1 } : null;
  };
}

/** Counts and sentences for what an import leaves out. */
class Notices {
  ours = 0;
  foreignRetractions = 0;
  oursSources = new Set<string>();
  unaccepted = 0;
  orphanLinks = 0;

  constructor(
    private readonly me: string,
    private readonly sender: string,
  ) {}

  list(): string[] {
    const out: string[] = [];
    if (this.ours) out.push(`${this.ours} statement(s) attributed to ${this.me} (this bureau) are not imported: only ${this.me} authors its own statements`);
    if (this.oursSources.size) out.push(`${this.oursSources.size} source report(s) attributed to ${this.me} but unknown here are not imported, nor what they support`);
    if (this.foreignRetractions) out.push(`${this.foreignRetractions} retraction(s) of statements not made by ${this.sender} are ignored: a bureau retracts only its own statements`);
    if (this.unaccepted) out.push(`${this.unaccepted} entit(ies) not accepted are left out with their statements`);
    if (this.orphanLinks) out.push(`${this.orphanLinks} link(s) left out because an endpoint was not accepted`);
    return out;
  }
}

export function checkReceipt(db: Database, outer: OuterChecked, r: Receipt): void {
  const row = db
    .prepare('SELECT o.payload_sha256 FROM exchange_out o JOIN exchange_out_recipients x ON x.package_id = o.package_id WHERE o.package_id = ? AND x.officer_id = ?')
    .get(r.packageId, outer.sender.id) as { payload_sha256: string } | undefined;
  if (!row) throw new Refusal('content', `it is a receipt for package ${r.packageId}, which this workstation never sent to ${outer.sender.name}`);
  if (row.payload_sha256 !== r.payloadSha256) throw new Refusal('content', `the receipt for package ${r.packageId} names a different payload than the one sent`);
}

/** Whether the case has a type of its own with this id (issue 24). */
function ownTypeLookup(db: Database): (id: string) => boolean {
  const q = db.prepare('SELECT 1 FROM case_types WHERE id = ?').pluck();
  return (id) => q.get(id) !== undefined;
}

export class PreviewSink implements PayloadSink {
  readonly counts: ExchangeCounts = { sources: 0, entities: 0, links: 0, statements: 0, retractions: 0 };
  readonly byOriginator: Record<string, number> = {};
  readonly items: PreviewItem[] = [];
  truncated = false;
  readonly matches = { sameId: 0, sameName: 0 };
  readonly notices: Notices;
  receipt: Receipt | null = null;
  readonly plans: ImportPreview['plans'] = [];
  private readonly planIds = new Set<string>();
  private readonly checker: ContentChecker;
  private readonly exists;
  private readonly byName: Statement;
  private readonly summary: Statement;
  private readonly knownSource: Statement;

  constructor(
    private readonly db: Database,
    private readonly outer: OuterChecked,
    private readonly myBureau: string,
  ) {
    this.exists = entityLookup(db);
    this.checker = new ContentChecker(this.exists, ownTypeLookup(db));
    this.notices = new Notices(myBureau, outer.sender.bureau.code);
    this.byName = db.prepare('SELECT id, schema, caption FROM entities WHERE deleted = 0 AND is_link = 0 AND caption = ? COLLATE NOCASE AND id <> ? LIMIT 1');
    this.summary = db.prepare('SELECT id, schema, caption FROM entities WHERE id = ?');
    this.knownSource = db.prepare('SELECT originator FROM sources WHERE id = ?').pluck();
  }

  begin(_m: Manifest): void {}

  source(s: SourceLine, n: number): void {
    this.checker.source(s, n);
    const known = this.knownSource.get(s.id) as string | undefined;
    if (known !== undefined && known !== s.originator) throw new Refusal('content', `sources.jsonl line ${n}: source ${s.id} is from ${known} in this case, not from ${s.originator}`);
    if (known === undefined && s.originator === this.myBureau) this.notices.oursSources.add(s.id);
    this.counts.sources++;
  }

  entity(e: EntityLine, n: number): void {
    const pe = this.checker.entity(e, n);
    const isLink = pe.schema.edge !== undefined;
    if (isLink) this.counts.links++;
    else this.counts.entities++;
    const caption = captionOf(pe.schema, (p) => e.properties[p]);
    const existing = this.exists(e.id);
    let match: PreviewItem['match'] = null;
    if (existing) {
      this.matches.sameId++;
      match = { kind: existing.deleted ? 'deleted' : 'same-id', existing: this.summary.get(e.id) as EntitySummary };
    } else if (!isLink && caption) {
      const other = this.byName.get(caption, e.id) as { id: string; schema: string; caption: string } | undefined;
      if (other) {
        this.matches.sameName++;
        match = { kind: 'same-name', existing: other };
      }
    }
    if (this.items.length < MAX_ITEMS) this.items.push({ id: e.id, schema: e.schema, caption, isLink, match });
    else this.truncated = true;
  }

  retraction(r: RetractionLine, n: number): void {
    this.checker.retraction(r, n);
    this.counts.retractions++;
    if (r.originator !== this.outer.sender.bureau.code) this.notices.foreignRetractions++;
  }

  statement(s: StatementLine, n: number): void {
    this.checker.statement(s, n);
    this.counts.statements++;
    this.byOriginator[s.originator] = (this.byOriginator[s.originator] ?? 0) + 1;
    if (s.originator === this.myBureau) this.notices.ours++;
  }

  operation(p: OperationLine, n: number): void {
    checkPlan(p, n, { seen: this.planIds, entities: this.checker.entities, myBureau: this.myBureau, senderBureau: this.outer.sender.bureau.code });
    this.plans.push({ id: p.id, name: p.name, codeWord: p.code_word, leadBureau: p.lead_bureau, targets: p.targets.length });
  }

  onReceipt(r: Receipt): void {
    checkReceipt(this.db, this.outer, r);
    this.receipt = r;
  }
}

/** What applying a package wrote: the counting fields of the import result the contract answers. */
export type ApplyCounts = Pick<
  ImportResult,
  'entitiesCreated' | 'entitiesMerged' | 'linksCreated' | 'statementsAdded' | 'statementsSeen' | 'statementsSkipped' | 'sourcesAdded' | 'retracted'
>;

/** Writes a verified payload into the case. Call inside one transaction; a Refusal rolls it back. */
export class ApplySink implements PayloadSink {
  readonly counts: ApplyCounts = { entitiesCreated: 0, entitiesMerged: 0, linksCreated: 0, statementsAdded: 0, statementsSeen: 0, statementsSkipped: 0, sourcesAdded: 0, retracted: 0 };
  readonly notices: Notices;
  readonly touched = new Set<string>();
  /** Entities of the package now present in the case (created or merged). */
  readonly present = new Set<string>();
  readonly usedSources = new Set<string>();
  receipt: Receipt | null = null;
  manifest: Manifest | null = null;
  /** Checked plans, stored by the import once every entity is in (targets map to them). */
  readonly plans: OperationLine[] = [];
  private readonly planIds = new Set<string>();
  private readonly checker: ContentChecker;
  private readonly exists;
  private readonly skippedSources = new Set<string>();
  /** Entities this import creates: they have no earlier statements to compare with. */
  private readonly created = new Set<string>();
  /** The created entity whose statements are arriving (the exporter groups them by entity). */
  private group: { id: string; schema: SchemaDef; values: Array<[string, string]> } | null = null;
  private readonly grouped = new Set<string>();
  private readonly q;
  private readonly now = new Date().toISOString();

  constructor(
    private readonly c: Case,
    private readonly outer: OuterChecked,
    private readonly accept: ReadonlySet<string> | null,
  ) {
    const db = c.db;
    this.exists = entityLookup(db);
    this.checker = new ContentChecker(this.exists, ownTypeLookup(db));
    this.notices = new Notices(c.bureau, outer.sender.bureau.code);
    this.q = {
      sourceOriginator: db.prepare('SELECT originator FROM sources WHERE id = ?').pluck(),
      insertSource: db.prepare(
        `INSERT INTO sources (id, title, scheme, grade, handling, handling_conditions, tlp, originator, restricted_to, reference, report_date, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      regrade: db.prepare('UPDATE sources SET title = ?, grade = ?, handling = ?, handling_conditions = ?, tlp = ?, restricted_to = ?, reference = ?, report_date = ? WHERE id = ?'),
      insertEntity: db.prepare('INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      // Rows refer to entities by rid (migration 007); the package names them by id.
      insertLink: db.prepare('INSERT INTO link_rows (rid, source, target) SELECT e.rid, s.rid, t.rid FROM entities e, entities s, entities t WHERE e.id = ? AND s.id = ? AND t.id = ?'),
      // `+` keeps SQLite on the (entity, prop) index rather than the far less selective source index.
      find: db.prepare(
        'SELECT id FROM statement_rows WHERE entity = (SELECT rid FROM entities WHERE id = ?) AND prop = ? AND value = ? AND +source IS ? AND +originator = ? AND +retracted = 0',
      ),
      see: db.prepare('UPDATE statement_rows SET first_seen = min(first_seen, ?), last_seen = max(last_seen, ?) WHERE id = ?'),
      insertStatement: db.prepare(
        'INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen) SELECT rid, ?, ?, ?, ?, ?, ? FROM entities WHERE id = ?',
      ),
      caption: db.prepare('UPDATE entities SET caption = ?, sort_key = ? WHERE id = ?'),
      searchText: db.prepare('INSERT INTO entity_search (rowid, text) SELECT rid, ? FROM entities WHERE id = ?'),
      retract: db.prepare(
        'UPDATE statement_rows SET retracted = 1, last_seen = ? WHERE entity = (SELECT rid FROM entities WHERE id = ?) AND prop = ? AND value = ? AND +source IS ? AND +originator = ? AND +retracted = 0',
      ),
    };
  }

  begin(m: Manifest): void {
    this.manifest = m;
  }

  source(s: SourceLine, n: number): void {
    this.checker.source(s, n);
    const known = this.q.sourceOriginator.get(s.id) as string | undefined;
    if (known !== undefined && known !== s.originator) throw new Refusal('content', `sources.jsonl line ${n}: source ${s.id} is from ${known} in this case, not from ${s.originator}`);
    if (known === undefined && s.originator === this.c.bureau) {
      this.notices.oursSources.add(s.id);
      this.skippedSources.add(s.id);
    }
  }

  /** Sources are written when a statement first uses them, so a partial import brings only what it uses. */
  private ensureSource(id: string): void {
    if (this.usedSources.has(id)) return;
    this.usedSources.add(id);
    const s = this.checker.sources.get(id)!;
    const known = this.q.sourceOriginator.get(id) as string | undefined;
    const restricted = JSON.stringify(s.restricted_to);
    if (known === undefined) {
      this.q.insertSource.run(s.id, s.title, s.scheme, s.grade, s.handling, s.handling_conditions, s.tlp, s.originator, restricted, s.reference, s.report_date, s.created_at);
      this.counts.sourcesAdded++;
    } else if (s.originator === this.outer.sender.bureau.code) {
      // The originator may regrade its own report; a relayed copy never overrides ours.
      this.q.regrade.run(s.title, s.grade, s.handling, s.handling_conditions, s.tlp, restricted, s.reference, s.report_date, id);
    }
  }

  private accepted(id: string): boolean {
    return this.accept === null || this.accept.has(id);
  }

  entity(e: EntityLine, n: number): void {
    const pe = this.checker.entity(e, n);
    if (!this.accepted(e.id)) {
      this.notices.unaccepted++;
      return;
    }
    const isLink = pe.schema.edge !== undefined;
    if (isLink) {
      const live = (id: string) => this.present.has(id) || this.exists(id) !== null;
      if (!live(pe.from!) || !live(pe.to!)) {
        this.notices.orphanLinks++;
        return;
      }
    }
    const existing = this.exists(e.id);
    if (existing) this.counts.entitiesMerged++;
    else {
      this.q.insertEntity.run(e.id, e.schema, '', '', isLink ? 1 : 0, this.now, this.now);
      this.created.add(e.id);
      if (isLink) {
        this.q.insertLink.run(e.id, pe.from, pe.to);
        this.counts.linksCreated++;
      } else this.counts.entitiesCreated++;
    }
    this.present.add(e.id);
  }

  retraction(r: RetractionLine, n: number): void {
    this.checker.retraction(r, n);
    if (r.originator !== this.outer.sender.bureau.code) {
      this.notices.foreignRetractions++;
      return;
    }
    // Statements hold their source's rid (migration 011); a source this case never had retracts nothing.
    const source = r.source_id === null ? null : sourceRid(this.c.db, r.source_id);
    if (source === undefined) return;
    const changed = this.q.retract.run(r.retracted_at, r.entity_id, r.prop, r.value, source, r.originator).changes;
    if (changed > 0) {
      this.counts.retracted += changed;
      this.touched.add(r.entity_id);
    }
  }

  statement(s: StatementLine, n: number): void {
    this.checker.statement(s, n);
    if (!this.present.has(s.entity_id)) {
      this.counts.statementsSkipped++;
      return;
    }
    if (s.originator === this.c.bureau) {
      this.notices.ours++;
      this.counts.statementsSkipped++;
      return;
    }
    if (s.source_id !== null) {
      if (this.skippedSources.has(s.source_id)) {
        this.counts.statementsSkipped++;
        return;
      }
      this.ensureSource(s.source_id);
    }
    const source = requireSourceRid(this.c.db, s.source_id);
    if (this.created.has(s.entity_id)) {
      this.q.insertStatement.run(s.prop, s.value, source, s.originator, s.first_seen, s.last_seen, s.entity_id);
      this.counts.statementsAdded++;
      this.collect(s.entity_id, s.prop, s.value);
      return;
    }
    const found = this.q.find.get(s.entity_id, s.prop, s.value, source, s.originator) as { id: number } | undefined;
    if (found) {
      this.q.see.run(s.first_seen, s.last_seen, found.id);
      this.counts.statementsSeen++;
    } else {
      this.q.insertStatement.run(s.prop, s.value, source, s.originator, s.first_seen, s.last_seen, s.entity_id);
      this.counts.statementsAdded++;
    }
    this.touched.add(s.entity_id);
  }

  operation(p: OperationLine, n: number): void {
    checkPlan(p, n, { seen: this.planIds, entities: this.checker.entities, myBureau: this.c.bureau, senderBureau: this.outer.sender.bureau.code });
    this.plans.push(p);
  }

  onReceipt(r: Receipt): void {
    checkReceipt(this.c.db, this.outer, r);
    this.receipt = r;
  }

  /** Caption and search text of new entities are computed as their statements stream past. */
  private collect(id: string, prop: string, value: string): void {
    if (this.group?.id !== id) {
      this.closeGroup();
      if (this.grouped.has(id)) {
        // Statements of this entity were not contiguous: recompute it from the case at the end.
        this.touched.add(id);
        return;
      }
      this.group = { id, schema: this.checker.entities.get(id)!.schema, values: [] };
    }
    this.group.values.push([prop, value]);
  }

  private closeGroup(): void {
    const g = this.group;
    if (!g) return;
    this.group = null;
    this.grouped.add(g.id);
    // The same rules as EntityStore: one caption and one search text for an entity, wherever it is written.
    const caption = captionFrom(g.schema, g.values);
    this.q.caption.run(caption, naturalSortKey(caption), g.id);
    const text = searchText(g.schema, g.values);
    if (text) this.q.searchText.run(text, g.id);
  }

  /** Entities whose caption and search text must be recomputed from the case (after closing the last group). */
  toRefresh(): Iterable<string> {
    this.closeGroup();
    return this.touched;
  }
}
