import { mostRestrictive, type Tlp } from '../../../../shared/grading';
import type { MeetingDetail } from '../../../../shared/cooperation/dto';
import { degrees } from '../../analysis/centrality';
import { betweennessSync } from '../../analysis/betweenness';
import { GraphBuilder } from '../../analysis/graph';
import { withholdSource, type SourceGrading } from '../../store/handling';
import type { Case } from '../../store/case';
import { getMeeting } from '../meetings';

// What a briefing pack holds, read from the case: per agenda item the network it is about (the
// linked charts' entities at their saved positions, or the linked entities laid on a circle when
// no chart is linked), its key players (degree and betweenness within that network), and the
// source reports behind it with their grading. A pack for one participant bureau leaves out every
// item built on a source that bureau may not receive (the export rules of store/handling.ts),
// and with it the decisions and action items tied to that item.

export interface BriefingNode {
  id: string;
  caption: string;
  schema: string;
  x: number;
  y: number;
}

export interface BriefingSource {
  id: string;
  title: string;
  scheme: string;
  grade: string;
  handling: string | null;
  tlp: Tlp | null;
  originator: string;
}

export interface KeyPlayer {
  id: string;
  caption: string;
  schema: string;
  degree: number;
  betweenness: number;
}

export interface BriefingItem {
  id: string;
  position: number;
  title: string;
  minutes: string;
  nodes: BriefingNode[];
  edges: Array<{ from: string; to: string; schema: string }>;
  keyPlayers: KeyPlayer[];
  sources: BriefingSource[];
}

export interface BriefingContent {
  meeting: MeetingDetail;
  /** The bureau the pack is for, or null for the full pack. */
  recipient: string | null;
  items: BriefingItem[];
  /** Items left out of this recipient's pack (never printed in it; for the audit and the caller). */
  withheld: Array<{ id: string; title: string; reason: string }>;
  /** The most restrictive handling code and TLP of everything in the pack. */
  handling: string | null;
  tlp: Tlp | null;
  /** Who made the pack (this case's bureau) and when. */
  bureau: string;
  generatedAt: string;
}

const KEY_PLAYERS = 10;

/** The item's entities: linked directly, and on its linked charts (visible items, saved positions). */
function itemNetwork(c: Case, item: MeetingDetail['agenda'][number]): Pick<BriefingItem, 'nodes' | 'edges'> {
  const entity = c.db.prepare('SELECT caption, schema FROM entities WHERE id = ? AND deleted = 0 AND is_link = 0');
  const placed = new Map<string, BriefingNode>();
  for (const l of item.links) {
    if (l.kind !== 'chart' || l.missing) continue;
    const rows = c.db.prepare('SELECT entity_id, x, y FROM chart_items WHERE chart_id = ? AND hidden = 0 ORDER BY entity_id').all(l.ref) as Array<{ entity_id: string; x: number; y: number }>;
    for (const r of rows) {
      const e = entity.get(r.entity_id) as { caption: string; schema: string } | undefined;
      if (e && !placed.has(r.entity_id)) placed.set(r.entity_id, { id: r.entity_id, caption: e.caption || r.entity_id, schema: e.schema, x: r.x, y: r.y });
    }
  }
  // Entities named on the item but on no linked chart: on a circle around the charted ones.
  const loose = item.links.filter((l) => l.kind === 'entity' && !l.missing && !placed.has(l.ref)).map((l) => l.ref);
  const xs = [...placed.values()].map((n) => n.x);
  const ys = [...placed.values()].map((n) => n.y);
  const cx = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : 0;
  const cy = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const radius = xs.length ? Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 2 + 80 : 200;
  loose.forEach((id, i) => {
    const e = entity.get(id) as { caption: string; schema: string } | undefined;
    if (!e) return;
    const a = (2 * Math.PI * i) / loose.length - Math.PI / 2;
    placed.set(id, { id, caption: e.caption || id, schema: e.schema, x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a) });
  });
  const ids = [...placed.keys()];
  const edges: BriefingItem['edges'] = [];
  if (ids.length > 1) {
    const marks = ids.map(() => '?').join(',');
    const rows = c.db
      .prepare(
        `SELECT l.source_id, l.target_id, e.schema FROM links l JOIN entities e ON e.id = l.id
          WHERE e.deleted = 0 AND l.source_id IN (${marks}) AND l.target_id IN (${marks}) ORDER BY l.id`,
      )
      .all(...ids, ...ids) as Array<{ source_id: string; target_id: string; schema: string }>;
    for (const r of rows) edges.push({ from: r.source_id, to: r.target_id, schema: r.schema });
  }
  return { nodes: [...placed.values()], edges };
}

function keyPlayers(nodes: BriefingNode[], edges: BriefingItem['edges']): KeyPlayer[] {
  if (nodes.length === 0) return [];
  const b = new GraphBuilder(false);
  for (const n of nodes) b.node(n.id);
  for (const e of edges) b.edge(e.from, e.to);
  const g = b.build();
  const degree = degrees(g).degree;
  const between = betweennessSync(g);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return g.ids
    .map((id, i) => ({ id, caption: byId.get(id)!.caption, schema: byId.get(id)!.schema, degree: degree[i]!, betweenness: between[i]! }))
    .sort((a, b) => b.degree - a.degree || b.betweenness - a.betweenness || a.caption.localeCompare(b.caption))
    .slice(0, KEY_PLAYERS);
}

/** The sources behind the item's entities and the links among them (live statements only). */
function itemSources(c: Case, ids: string[]): Array<SourceGrading & BriefingSource> {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(',');
  const rows = c.db
    .prepare(
      `SELECT DISTINCT s.id, s.title, s.scheme, s.grade, s.handling, s.tlp, s.originator, s.restricted_to
         FROM statements st JOIN sources s ON s.id = st.source_id
        WHERE st.retracted = 0 AND st.entity_id IN (
              SELECT value FROM json_each(?)
              UNION SELECT l.id FROM links l JOIN entities e ON e.id = l.id
               WHERE e.deleted = 0 AND l.source_id IN (${marks}) AND l.target_id IN (${marks}))
        ORDER BY s.title, s.id`,
    )
    .all(JSON.stringify(ids), ...ids, ...ids) as Array<Omit<BriefingSource, 'tlp'> & { tlp: string | null; restricted_to: string }>;
  return rows.map((r) => ({ ...r, tlp: r.tlp as Tlp | null, restrictedTo: JSON.parse(r.restricted_to) as string[] }));
}

/** Why `bureau` may not see this source in its pack, or null. A bureau may always see its own. */
function withheldFor(s: SourceGrading, bureau: string, myBureau: string): string | null {
  if (s.originator === bureau) return null;
  return withholdSource(s, [bureau], myBureau)?.reason ?? null;
}

export function briefingContent(c: Case, meetingId: string, recipient: string | null, now: Date = new Date()): BriefingContent {
  const meeting = getMeeting(c, meetingId, now.toISOString());
  const items: BriefingItem[] = [];
  const withheld: BriefingContent['withheld'] = [];
  for (const item of meeting.agenda) {
    const network = itemNetwork(c, item);
    const sources = itemSources(c, network.nodes.map((n) => n.id));
    const reason = recipient === null ? null : sources.map((s) => withheldFor(s, recipient, c.bureau)).find((r) => r !== null);
    if (reason) {
      withheld.push({ id: item.id, title: item.title, reason });
      continue;
    }
    items.push({
      id: item.id,
      position: item.position,
      title: item.title,
      minutes: item.minutes,
      ...network,
      keyPlayers: keyPlayers(network.nodes, network.edges),
      sources: sources.map(({ id, title, scheme, grade, handling, tlp, originator }) => ({ id, title, scheme, grade, handling, tlp, originator })),
    });
  }
  const gone = new Set(withheld.map((w) => w.id));
  const shown: MeetingDetail = {
    ...meeting,
    agenda: meeting.agenda.filter((i) => !gone.has(i.id)),
    decisions: meeting.decisions.filter((d) => d.itemId === null || !gone.has(d.itemId)),
    actions: meeting.actions.filter((a) => a.itemId === null || !gone.has(a.itemId)),
  };
  const marking = mostRestrictive(items.flatMap((i) => i.sources).map((s) => ({ handling: s.handling ?? undefined, tlp: s.tlp ?? undefined })));
  return { meeting: shown, recipient, items, withheld, handling: marking.handling, tlp: marking.tlp, bureau: c.bureau, generatedAt: now.toISOString() };
}
