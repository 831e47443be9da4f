import type { ParsedInput } from '../../../shared/api';
import type { ActionItemView, ActionStatus, AgendaItemView, AgendaLinkKind, DecisionView, MeetingDetail, MeetingSummary, OpenActionItem } from '../../../shared/cooperation/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { nowIso, requireEntities, requireProject, unique } from './common';
import { dayOf } from './time';

// Meetings: participants, agenda items linked to entities, charts and analysis runs, minutes per
// item, decisions and action items. Every write is one transaction with its audit row.

interface MeetingRow {
  id: string;
  title: string;
  kind: 'bilateral' | 'multilateral';
  date: string;
  place: string;
  project_id: string | null;
}

interface ActionRow {
  id: string;
  meeting_id: string;
  item_id: string | null;
  title: string;
  owner_bureau: string;
  due_date: string;
  status: ActionStatus;
}

const OPEN_STATUSES: ActionStatus[] = ['open', 'in_progress'];

function requireMeeting(c: Case, id: string): MeetingRow {
  const row = c.db.prepare('SELECT id, title, kind, date, place, project_id FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Meeting ${id} is not in this case.`);
  return row;
}

function requireItem(c: Case, id: string, meetingId?: string): { id: string; meeting_id: string } {
  const row = c.db.prepare('SELECT id, meeting_id FROM agenda_items WHERE id = ?').get(id) as { id: string; meeting_id: string } | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Agenda item ${id} is not in this case.`);
  if (meetingId !== undefined && row.meeting_id !== meetingId) throw new CordonError('INVALID_INPUT', `Agenda item ${id} belongs to another meeting.`);
  return row;
}

function actionView(r: ActionRow, today: string): ActionItemView {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    itemId: r.item_id,
    title: r.title,
    ownerBureau: r.owner_bureau,
    due: r.due_date,
    status: r.status,
    overdue: OPEN_STATUSES.includes(r.status) && r.due_date < today,
  };
}

function summary(c: Case, r: MeetingRow): MeetingSummary {
  const bureaus = c.db.prepare('SELECT bureau FROM meeting_bureaus WHERE meeting_id = ? ORDER BY bureau').pluck().all(r.id) as string[];
  const items = c.db.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(r.id) as number;
  const openActions = c.db.prepare("SELECT count(*) FROM action_items WHERE meeting_id = ? AND status IN ('open', 'in_progress')").pluck().get(r.id) as number;
  return { id: r.id, title: r.title, kind: r.kind, date: r.date, place: r.place, bureaus, projectId: r.project_id, items, openActions };
}

function itemView(c: Case, id: string): AgendaItemView {
  const r = c.db.prepare('SELECT id, meeting_id, position, title, minutes FROM agenda_items WHERE id = ?').get(id) as {
    id: string;
    meeting_id: string;
    position: number;
    title: string;
    minutes: string;
  };
  const links = c.db.prepare('SELECT kind, ref FROM agenda_links WHERE item_id = ? ORDER BY kind, ref').all(id) as Array<{ kind: AgendaLinkKind; ref: string }>;
  const entity = c.db.prepare('SELECT caption, deleted FROM entities WHERE id = ?');
  const chart = c.db.prepare('SELECT name FROM charts WHERE id = ?').pluck();
  const run = c.db.prepare('SELECT action, at FROM audit WHERE seq = ?');
  return {
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    title: r.title,
    minutes: r.minutes,
    links: links.map((l) => {
      if (l.kind === 'entity') {
        const e = entity.get(l.ref) as { caption: string; deleted: number } | undefined;
        return { ...l, label: e?.caption || l.ref, missing: !e || e.deleted === 1 };
      }
      if (l.kind === 'chart') {
        const name = chart.get(l.ref) as string | undefined;
        return { ...l, label: name ?? l.ref, missing: name === undefined };
      }
      const a = run.get(Number(l.ref)) as { action: string; at: string } | undefined;
      return { ...l, label: a ? `${a.action} #${l.ref} (${a.at.slice(0, 10)})` : `#${l.ref}`, missing: !a };
    }),
  };
}

export function createMeeting(c: Case, input: ParsedInput<'meeting.create'>): MeetingDetail {
  const bureaus = unique(input.bureaus);
  if (bureaus.length < 2) throw new CordonError('INVALID_INPUT', 'A meeting needs at least two different bureaus.');
  requireProject(c, input.projectId);
  const officers = unique(input.officers);
  const officerBureau = c.db.prepare('SELECT bureau FROM officers WHERE id = ?').pluck();
  for (const o of officers) {
    const b = officerBureau.get(o) as string | undefined;
    if (b === undefined) throw new CordonError('NOT_FOUND', `Officer ${o} is not in the directory.`);
    if (!bureaus.includes(b)) throw new CordonError('INVALID_INPUT', `Officer ${o} belongs to ${b}, which does not take part in this meeting.`);
  }
  const id = c.newId();
  const now = nowIso();
  const kind = bureaus.length === 2 ? 'bilateral' : 'multilateral';
  c.write(() => {
    c.db
      .prepare('INSERT INTO meetings (id, title, kind, date, place, project_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.title, kind, input.date, input.place, input.projectId ?? null, c.actor, now, now);
    for (const b of bureaus) c.db.prepare('INSERT INTO meeting_bureaus (meeting_id, bureau) VALUES (?, ?)').run(id, b);
    for (const o of officers) c.db.prepare('INSERT INTO meeting_officers (meeting_id, officer_id) VALUES (?, ?)').run(id, o);
    c.audit.append({ actor: c.actor, action: 'meeting.create', target: id, detail: { title: input.title, kind, date: input.date, bureaus, officers, projectId: input.projectId ?? null } });
  });
  return getMeeting(c, id);
}

export function listMeetings(c: Case): MeetingSummary[] {
  const rows = c.db.prepare('SELECT id, title, kind, date, place, project_id FROM meetings ORDER BY date DESC, created_at DESC').all() as MeetingRow[];
  return rows.map((r) => summary(c, r));
}

export function getMeeting(c: Case, id: string, asOf?: string): MeetingDetail {
  const row = requireMeeting(c, id);
  const today = dayOf(asOf);
  const officers = c.db
    .prepare('SELECT o.id, o.name, o.bureau FROM meeting_officers m JOIN officers o ON o.id = m.officer_id WHERE m.meeting_id = ? ORDER BY o.bureau, o.name')
    .all(id) as MeetingDetail['officers'];
  const items = c.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position').pluck().all(id) as string[];
  const decisions = (c.db.prepare('SELECT id, meeting_id, item_id, text, created_at FROM meeting_decisions WHERE meeting_id = ? ORDER BY created_at, rowid').all(id) as Array<{
    id: string;
    meeting_id: string;
    item_id: string | null;
    text: string;
    created_at: string;
  }>).map((d): DecisionView => ({ id: d.id, meetingId: d.meeting_id, itemId: d.item_id, text: d.text, createdAt: d.created_at }));
  const actions = (c.db.prepare('SELECT * FROM action_items WHERE meeting_id = ? ORDER BY due_date, rowid').all(id) as ActionRow[]).map((a) => actionView(a, today));
  return { ...summary(c, row), officers, agenda: items.map((i) => itemView(c, i)), decisions, actions };
}

export function addAgendaItem(c: Case, input: ParsedInput<'meeting.addItem'>): AgendaItemView {
  requireMeeting(c, input.meetingId);
  const entities = unique(input.entities);
  const charts = unique(input.charts);
  const analyses = unique(input.analyses);
  requireEntities(c, entities, 'Agenda item');
  for (const ch of charts) if (!c.db.prepare('SELECT 1 FROM charts WHERE id = ?').get(ch)) throw new CordonError('NOT_FOUND', `Chart ${ch} is not in this case.`);
  for (const seq of analyses) {
    const action = c.db.prepare('SELECT action FROM audit WHERE seq = ?').pluck().get(seq) as string | undefined;
    if (!action || !action.startsWith('analysis.')) throw new CordonError('NOT_FOUND', `No analysis run #${seq} in this case's record.`);
  }
  const id = c.newId();
  const now = nowIso();
  c.write(() => {
    const position = (c.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?').pluck().get(input.meetingId) as number) ?? 1;
    c.db.prepare('INSERT INTO agenda_items (id, meeting_id, position, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.meetingId, position, input.title, now, now);
    const link = c.db.prepare('INSERT INTO agenda_links (item_id, kind, ref) VALUES (?, ?, ?)');
    for (const e of entities) link.run(id, 'entity', e);
    for (const ch of charts) link.run(id, 'chart', ch);
    for (const a of analyses) link.run(id, 'analysis', String(a));
    c.audit.append({ actor: c.actor, action: 'meeting.item', target: input.meetingId, detail: { item: id, title: input.title, entities, charts, analyses } });
  });
  return itemView(c, id);
}

export function setMinutes(c: Case, itemId: string, minutes: string): AgendaItemView {
  const item = requireItem(c, itemId);
  c.write(() => {
    c.db.prepare('UPDATE agenda_items SET minutes = ?, updated_at = ? WHERE id = ?').run(minutes, nowIso(), itemId);
    c.audit.append({ actor: c.actor, action: 'meeting.minutes', target: item.meeting_id, detail: { item: itemId, chars: minutes.length } });
  });
  return itemView(c, itemId);
}

export function addDecision(c: Case, input: ParsedInput<'meeting.addDecision'>): DecisionView {
  requireMeeting(c, input.meetingId);
  if (input.itemId !== undefined) requireItem(c, input.itemId, input.meetingId);
  const id = c.newId();
  const now = nowIso();
  c.write(() => {
    c.db.prepare('INSERT INTO meeting_decisions (id, meeting_id, item_id, text, created_at) VALUES (?, ?, ?, ?, ?)').run(id, input.meetingId, input.itemId ?? null, input.text, now);
    c.audit.append({ actor: c.actor, action: 'meeting.decision', target: input.meetingId, detail: { decision: id, item: input.itemId ?? null } });
  });
  return { id, meetingId: input.meetingId, itemId: input.itemId ?? null, text: input.text, createdAt: now };
}

export function addAction(c: Case, input: ParsedInput<'meeting.addAction'>): ActionItemView {
  requireMeeting(c, input.meetingId);
  if (input.itemId !== undefined) requireItem(c, input.itemId, input.meetingId);
  const id = c.newId();
  const now = nowIso();
  c.write(() => {
    c.db
      .prepare('INSERT INTO action_items (id, meeting_id, item_id, title, owner_bureau, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.meetingId, input.itemId ?? null, input.title, input.ownerBureau, input.due, now, now);
    c.audit.append({ actor: c.actor, action: 'meeting.action', target: input.meetingId, detail: { action: id, owner: input.ownerBureau, due: input.due } });
  });
  return actionView(c.db.prepare('SELECT * FROM action_items WHERE id = ?').get(id) as ActionRow, dayOf(undefined));
}

export function setActionStatus(c: Case, id: string, status: ActionStatus): ActionItemView {
  const row = c.db.prepare('SELECT * FROM action_items WHERE id = ?').get(id) as ActionRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Action item ${id} is not in this case.`);
  c.write(() => {
    c.db.prepare('UPDATE action_items SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), id);
    c.audit.append({ actor: c.actor, action: 'meeting.action-status', target: row.meeting_id, detail: { action: id, from: row.status, to: status } });
  });
  return actionView({ ...row, status }, dayOf(undefined));
}

export function openActions(c: Case, asOf?: string): OpenActionItem[] {
  const today = dayOf(asOf);
  const rows = c.db
    .prepare(
      `SELECT a.*, m.title AS meeting_title, m.date AS meeting_date FROM action_items a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.status IN ('open', 'in_progress') ORDER BY a.due_date, m.date, a.rowid`,
    )
    .all() as Array<ActionRow & { meeting_title: string; meeting_date: string }>;
  return rows.map((r) => ({ ...actionView(r, today), meetingTitle: r.meeting_title, meetingDate: r.meeting_date }));
}
