import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { sourceInput } from '../../../shared/entities/api';
import type { SourceView } from '../../../shared/entities/dto';
import { CordonError } from '../../../shared/errors';
import type { GradingScheme, Tlp } from '../../../shared/grading';
import type { StoreContext } from './context';
import { cachedStatement } from './prepared';

type SourceRow = {
  id: string;
  title: string;
  scheme: string;
  grade: string;
  handling: string | null;
  handling_conditions: string | null;
  tlp: string | null;
  originator: string;
  restricted_to: string;
  reference: string | null;
  report_date: string | null;
  created_at: string;
  statements: number;
};

function toView(r: SourceRow): SourceView {
  return {
    id: r.id,
    title: r.title,
    scheme: r.scheme as GradingScheme,
    grade: r.grade,
    handling: r.handling,
    handlingConditions: r.handling_conditions,
    tlp: r.tlp as Tlp | null,
    originator: r.originator,
    restrictedTo: JSON.parse(r.restricted_to) as string[],
    reference: r.reference,
    reportDate: r.report_date,
    createdAt: r.created_at,
    statements: r.statements,
  };
}

export function createSource(ctx: StoreContext, input: z.output<typeof sourceInput>, originator = ctx.bureau): string {
  const id = ctx.newId();
  const now = new Date().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO sources (id, title, scheme, grade, handling, handling_conditions, tlp, originator, restricted_to, reference, report_date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.title,
      input.scheme,
      input.grade,
      input.handling || null,
      input.handlingConditions || null,
      input.tlp ?? null,
      originator,
      JSON.stringify(input.restrictedTo ?? []),
      input.reference || null,
      input.reportDate || null,
      now,
    );
  ctx.audit.append({
    actor: ctx.actor,
    action: 'source.create',
    target: id,
    detail: { scheme: input.scheme, grade: input.grade, handling: input.handling ?? null, tlp: input.tlp ?? null },
  });
  return id;
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM statement_rows st WHERE st.source = s.rid AND st.retracted = 0) AS statements FROM sources s`;

/** The rid statements use for a source report (migration 011); undefined when the case has no such source. */
export function sourceRid(db: Database, id: string): number | undefined {
  return cachedStatement(db, 'SELECT rid FROM sources WHERE id = ?').pluck().get(id) as number | undefined;
}

/** As sourceRid for a statement being written: no source stays null, an unknown one is refused. */
export function requireSourceRid(db: Database, id: string | null): number | null {
  if (id === null) return null;
  const rid = sourceRid(db, id);
  if (rid === undefined) throw new CordonError('NOT_FOUND', `No source report ${id} in this case.`);
  return rid;
}

export function listSources(db: Database): SourceView[] {
  return (db.prepare(`${SELECT} ORDER BY s.created_at DESC, s.id`).all() as SourceRow[]).map(toView);
}

export function getSource(db: Database, id: string): SourceView {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `No source report ${id} in this case.`);
  return toView(row);
}

export function requireSource(db: Database, id: string | undefined): void {
  if (id === undefined) return;
  if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(id)) {
    throw new CordonError('NOT_FOUND', `No source report ${id} in this case.`);
  }
}
