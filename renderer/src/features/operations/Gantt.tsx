import { useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../../../../shared/cooperation/dto';
import { formatPartialDate } from '../../format';

const DAY = 86_400_000;
const LABEL_W = 220;
const ROW_H = 26;
const AXIS_H = 28;
const dayIndex = (d: string): number => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);

interface Row {
  kind: 'phase' | 'task';
  id: string;
  label: string;
  sub: string;
  start: number;
  end: number;
}

export interface GanttProps {
  op: OperationDetail;
  flagged: Set<string>;
  selected: string | null;
  /** A bar clicked (not dragged): its row is edited in the form below. */
  onSelect(kind: 'phase' | 'task', id: string): void;
  /** A bar dragged by whole days; the core checks and answers (with warnings) or refuses. */
  onMove(kind: 'phase' | 'task', id: string, days: number): void;
}

/** Phases and tasks on a day scale: bars from start to end day (inclusive), dependency arrows
 * from the end of what must be done first to the start of what waits for it. A bar dragged
 * sideways moves by whole days when dropped; a click selects it for the edit form. In a
 * right-to-left language time runs from right to left, labels on the right (mirrored x). */
export function Gantt({ op, flagged, selected, onSelect, onMove }: GanttProps) {
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir(i18n.resolvedLanguage) === 'rtl';
  const [drag, setDrag] = useState<{ id: string; x0: number; dx: number } | null>(null);
  const rows: Row[] = [];
  const taskRow = (task: OperationDetail['tasks'][number]): Row => ({
    kind: 'task',
    id: task.id,
    label: task.title,
    sub: task.owner,
    start: dayIndex(task.start),
    end: dayIndex(task.end),
  });
  for (const p of op.phases) {
    rows.push({ kind: 'phase', id: p.id, label: p.name, sub: '', start: dayIndex(p.start), end: dayIndex(p.end) });
    for (const task of op.tasks.filter((x) => x.phaseId === p.id)) rows.push(taskRow(task));
  }
  for (const task of op.tasks.filter((x) => x.phaseId === null || !op.phases.some((p) => p.id === x.phaseId))) rows.push(taskRow(task));
  if (rows.length === 0) return <p className="muted">{t('operations.noPlan')}</p>;

  const actionDay = op.actionDay ? dayIndex(op.actionDay) : null;
  const first = Math.min(...rows.map((r) => r.start), ...(actionDay === null ? [] : [actionDay]));
  const last = Math.max(...rows.map((r) => r.end), ...(actionDay === null ? [] : [actionDay]));
  const days = last - first + 1;
  const dw = Math.max(6, Math.min(36, Math.floor(760 / days)));
  const width = LABEL_W + days * dw + 100;
  const height = AXIS_H + rows.length * ROW_H + 8;
  const x = (day: number) => LABEL_W + (day - first) * dw;
  // A left-to-right x (of something `w` wide) as drawn: mirrored in right-to-left languages.
  const mx = (px: number, w = 0) => (rtl ? width - px - w : px);
  const sign = rtl ? -1 : 1;
  const rowY = (i: number) => AXIS_H + i * ROW_H;
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const tickEvery = Math.max(1, Math.ceil(70 / dw));
  const ticks: number[] = [];
  for (let d = first; d <= last + 1; d += tickEvery) ticks.push(d);
  const dayText = (d: number) => formatPartialDate(new Date(d * DAY).toISOString().slice(0, 10));
  const grab = (r: Row) => (e: PointerEvent<SVGRectElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id: r.id, x0: e.clientX, dx: 0 });
  };
  const follow = (e: PointerEvent<SVGRectElement>) => drag && setDrag({ ...drag, dx: e.clientX - drag.x0 });
  const drop = (r: Row) => () => {
    if (!drag) return;
    const days = sign * Math.round(drag.dx / dw);
    setDrag(null);
    if (days === 0) onSelect(r.kind, r.id);
    else onMove(r.kind, r.id, days);
  };

  return (
    <div className="gantt-scroll">
      <svg className="gantt" width={width} height={height} role="img" aria-label={t('operations.ganttLabel')} data-testid="gantt">
        <defs>
          <marker id="gantt-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
          </marker>
        </defs>
        {ticks.map((d) => (
          <g key={d}>
            <line x1={mx(x(d))} x2={mx(x(d))} y1={AXIS_H - 6} y2={height} className="gantt-grid" />
            <text x={mx(x(d) + 3)} y={AXIS_H - 10} className="gantt-tick">
              {dayText(d)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.id} className={`gantt-row gantt-${r.kind}${flagged.has(r.id) ? ' flagged' : ''}${selected === r.id ? ' selected' : ''}`} data-id={r.id}>
            <text x={mx(r.kind === 'phase' ? 6 : 18)} y={rowY(i) + 17} className="gantt-label">
              {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
              {r.sub && <tspan className="gantt-sub"> · {r.sub}</tspan>}
            </text>
            <rect
              x={mx(x(r.start) + (drag?.id === r.id ? sign * Math.round(drag.dx / dw) * dw : 0), (r.end - r.start + 1) * dw)}
              y={rowY(i) + (r.kind === 'phase' ? 5 : 6)}
              width={(r.end - r.start + 1) * dw}
              height={r.kind === 'phase' ? 16 : 14}
              rx={3}
              className={`gantt-bar${drag?.id === r.id ? ' dragging' : ''}`}
              data-testid={`gantt-bar-${r.kind}`}
              onPointerDown={grab(r)}
              onPointerMove={follow}
              onPointerUp={drop(r)}
              onPointerCancel={() => setDrag(null)}
            >
              <title>{`${r.label}: ${dayText(r.start)} – ${dayText(r.end)}`}</title>
            </rect>
          </g>
        ))}
        {op.tasks.flatMap((task) =>
          task.dependsOn.map((dep) => {
            const from = index.get(dep);
            const to = index.get(task.id);
            if (from === undefined || to === undefined) return null;
            const x1 = x(rows[from]!.end + 1);
            const y1 = rowY(from) + 13;
            const x2 = x(rows[to]!.start);
            const y2 = rowY(to) + 13;
            const mid = Math.max(x1 + 8, Math.min(x2 - 8, x1 + 8));
            return <path key={`${dep}-${task.id}`} d={`M${mx(x1)},${y1} H${mx(mid)} V${y2} H${mx(x2 - 1)}`} className="gantt-dep" markerEnd="url(#gantt-arrow)" data-testid="gantt-dependency" />;
          }),
        )}
        {actionDay !== null && (
          <g className="gantt-action-day">
            <rect x={mx(x(actionDay), dw)} y={AXIS_H - 6} width={dw} height={height - AXIS_H + 6} />
            <text x={mx(x(actionDay) + dw + 3)} y={height - 6}>
              {t('operations.actionDay')}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
