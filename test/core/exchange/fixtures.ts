import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/runtime';
import type { Case } from '../../../electron/core/store/case';
import type { Input, Method, Output } from '../../../shared/api';
import type { OfficerView } from '../../../shared/exchange/dto';

// Two (or three) workstations in one test: each its own core, data folder, case file and officer,
// exchanging cards as officers would (card files, verified in person).

export const PASS = 'exchange test passphrase';

export interface Station {
  core: Core;
  dir: string;
  file: string;
  bureau: string;
  officer: OfficerView;
  case: Case;
  ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends Method>(method: M, input: Input<M>): Promise<{ code: string; message: string; details?: unknown }>;
}

export async function station(root: string, bureau: string, name: string): Promise<Station> {
  const dir = join(root, bureau.toLowerCase());
  const core = createCore({ dataDir: join(dir, 'data'), emit: () => undefined });
  const ok = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await core.call(method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}: ${r.error.message}`), r.error);
    return r.value as Output<M>;
  };
  const fail = async <M extends Method>(method: M, input: Input<M>) => {
    const r = await core.call(method, input);
    if (r.ok) throw new Error(`expected ${method} to fail`);
    return r.error;
  };
  const file = join(dir, `${bureau.toLowerCase()}.cordon`);
  await ok('case.create', { path: file, passphrase: PASS, name: `${bureau} case`, bureau });
  const officer = await ok('officer.init', { bureau, name, role: 'Contact officer', languages: ['en'], country: bureau, bureauName: `${bureau} national bureau` });
  return { core, dir, file, bureau, officer, case: core.session.case, ok, fail };
}

/** A introduces itself to B: B imports A's card, verified (or not). Returns A's id in B's directory. */
export async function introduce(a: Station, b: Station, verified = true): Promise<string> {
  const card = join(a.dir, `card-${a.bureau}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await a.ok('officer.exportCard', { path: card });
  return (await b.ok('officer.importCard', { path: card, verified })).id;
}

export function scratch(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'cordon-exchange-'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Everything about statements, sources and gradings that a round trip must preserve. */
export function snapshot(c: Case, where = "1 = 1") {
  const statements = c.db
    .prepare(
      `SELECT st.entity_id, st.prop, st.value, st.source_id, st.originator, st.first_seen, st.last_seen, st.retracted FROM statements st WHERE ${where}
        ORDER BY st.entity_id, st.prop, st.value, st.source_id`,
    )
    .all();
  const sources = c.db
    .prepare('SELECT id, title, scheme, grade, handling, handling_conditions, tlp, originator, restricted_to, reference, report_date, created_at FROM sources ORDER BY id')
    .all();
  return { statements, sources };
}

export function counts(c: Case) {
  const n = (sql: string) => c.db.prepare(sql).pluck().get() as number;
  return {
    entities: n('SELECT count(*) FROM entities'),
    links: n('SELECT count(*) FROM links'),
    statements: n('SELECT count(*) FROM statements'),
    retracted: n('SELECT count(*) FROM statements WHERE retracted = 1'),
    sources: n('SELECT count(*) FROM sources'),
    ledger: n('SELECT count(*) FROM exchange_in'),
    projects: n('SELECT count(*) FROM projects'),
    projectItems: n('SELECT count(*) FROM project_items'),
    maxStatementSeen: n('SELECT coalesce(max(last_seen), \'\') FROM statements'),
  };
}

export function auditRows(c: Case, action: string) {
  return c.db.prepare('SELECT seq, action, target, detail FROM audit WHERE action = ? ORDER BY seq').all(action) as Array<{ seq: number; action: string; target: string | null; detail: string }>;
}
