import { Button, ButtonGroup, InputGroup } from '@blueprintjs/core';
import { CrossIcon, TimelineEventsIcon, ZoomInIcon, ZoomOutIcon, ZoomToFitIcon } from '@blueprintjs/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { currentIntlTag } from '../../i18n';
import { formatNumber, officerTimeZone } from '../../format';
import { useSelection } from '../../state/selection';
import { useWorkspace } from '../../state/workspace';
import { useActiveChart } from '../chart/activeChart';
import { useAnalysis } from '../analysis/store';
import { brushFilters, type BrushFilters } from './brush';
import { TimelineCanvas } from './TimelineCanvas';
import { bucketFor, dayIn } from './zoneClock';
import './timeline.css';

// The timeline strip (issue 18), open under any view like the analysis panel: theme lines of the
// selection's entities, or the case's histogram; its brush sets the chart's and the analysis
// panel's "as of" date (brush.ts).

const DAY = 86_400_000;
const LO = Date.UTC(1900, 0, 1);
const HI = Date.UTC(2100, 11, 31);

export function TimelinePanel() {
  const { t } = useTranslation();
  const zone = officerTimeZone();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [tl, setTl] = useState<TimelineCanvas | null>(null);
  const [mode, setMode] = useState<'lines' | 'histogram'>('lines');
  const [entities, setEntities] = useState<string[]>([]);
  const [view, setView] = useState<[number, number]>([0, 0]);
  const [brush, setBrush] = useState<BrushFilters | null>(null);
  const [info, setInfo] = useState<{ events: number; undated: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const dataVersion = useWorkspace((s) => s.dataVersion);
  const setOpen = useWorkspace((s) => s.setTimelineOpen);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const c = new TimelineCanvas(canvas, zone, currentIntlTag(), {
      onView: (a, b) => setView([a, b]),
      onBrush: (range) => {
        const f = range ? brushFilters(range, zone) : null;
        setBrush(f);
        // The brush drives the "as of" filters the chart and the analysis panel already have.
        const ctl = useActiveChart.getState().ctl;
        if (ctl) void ctl.changeSettings('filter', { ...ctl.settings, filters: { ...ctl.settings.filters, asOf: f?.asOf ?? null } });
        useAnalysis.getState().setScope({ asOf: f?.asOf ?? '' });
      },
      onPick: (ids) => useSelection.getState().setSelection(ids, 'other'),
    });
    c.selected = new Set(useSelection.getState().ids);
    const off = useSelection.subscribe((s) => {
      c.selected = new Set(s.ids);
      c.request();
    });
    setTl(c);
    return () => {
      off();
      c.dispose();
    };
  }, [zone]);

  // Theme lines: the events of the chosen entities (fetched once per choice), framed.
  useEffect(() => {
    if (!tl || entities.length === 0) return;
    let live = true;
    call('timeline.events', { entities, limit: 20_000, timeZone: zone })
      .then((r) => {
        if (!live) return;
        tl.setLines(r.lines, r.events);
        setInfo({ events: r.total, undated: r.undated.length });
        tl.fit();
      })
      .catch(setError);
    return () => void (live = false);
  }, [tl, entities, dataVersion, zone]);

  // Histogram: counted by the core for the view, the bucket chosen from the zoom.
  useEffect(() => {
    if (!tl) return;
    tl.mode = mode;
    tl.request();
    if (mode !== 'histogram' || view[1] <= view[0]) return;
    let live = true;
    const timer = setTimeout(() => {
      const from = new Date(Math.max(LO, view[0])).toISOString();
      const to = new Date(Math.min(HI, Math.max(LO, view[1]))).toISOString();
      call('timeline.histogram', { bucket: bucketFor(view[1] - view[0]), from, to, timeZone: zone, ...(entities.length ? { entities } : {}) })
        .then((h) => {
          if (!live) return;
          tl.setBars(h.buckets.map((b) => ({ start: Date.parse(b.start), count: b.count, byKind: b.byKind })));
          setInfo({ events: h.total, undated: h.undated });
        })
        .catch(setError);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tl, mode, view, entities, dataVersion, zone]);

  const ofSelection = () => {
    const ids = [...useSelection.getState().ids];
    setEntities(ids);
    if (ids.length === 0) setInfo(null);
  };
  const setDay = (which: 0 | 1, v: string) => {
    const d = Date.parse(`${v}T00:00:00Z`);
    if (!tl || Number.isNaN(d)) return;
    if (which === 0) tl.setView(d, Math.max(tl.t1, d + DAY));
    else tl.setView(Math.min(tl.t0, d), d + DAY);
  };

  return (
    <section className="timeline-panel" aria-label={t('timeline.title')}>
      <div className="timeline-toolbar">
        <strong>{t('timeline.title')}</strong>
        <ButtonGroup>
          <Button size="small" active={mode === 'lines'} onClick={() => setMode('lines')} text={t('timeline.lines')} />
          <Button size="small" active={mode === 'histogram'} onClick={() => setMode('histogram')} text={t('timeline.histogram')} />
        </ButtonGroup>
        <Button size="small" icon={<TimelineEventsIcon />} onClick={ofSelection} text={t('timeline.ofSelection')} data-testid="timeline-of-selection" />
        <ButtonGroup>
          <Button size="small" icon={<ZoomInIcon />} aria-label={t('timeline.zoomIn')} onClick={() => tl?.zoom(1 / 1.5)} />
          <Button size="small" icon={<ZoomOutIcon />} aria-label={t('timeline.zoomOut')} onClick={() => tl?.zoom(1.5)} />
          <Button size="small" icon={<ZoomToFitIcon />} aria-label={t('timeline.fit')} onClick={() => tl?.fit()} />
        </ButtonGroup>
        <label className="timeline-date">
          {t('timeline.from')}
          <InputGroup size="small" type="date" value={view[1] > view[0] ? dayIn(zone, view[0]) : ''} onValueChange={(v) => setDay(0, v)} />
        </label>
        <label className="timeline-date">
          {t('timeline.to')}
          <InputGroup size="small" type="date" value={view[1] > view[0] ? dayIn(zone, view[1]) : ''} onValueChange={(v) => setDay(1, v)} />
        </label>
        <span className="timeline-brush" data-testid="timeline-brush">
          {brush ? t('timeline.brush', { from: brush.from, to: brush.asOf }) : t('timeline.noBrush')}
        </span>
        {brush && <Button size="small" variant="minimal" icon={<CrossIcon />} aria-label={t('timeline.clearBrush')} onClick={() => tl?.setBrush(null)} />}
        <span className="timeline-info" data-testid="timeline-info">
          {info ? t('timeline.counts', { events: formatNumber(info.events), undated: formatNumber(info.undated) }) : ''}
        </span>
        <Button size="small" variant="minimal" icon={<CrossIcon />} aria-label={t('timeline.close')} onClick={() => setOpen(false)} />
      </div>
      {error !== null && <ErrorCallout error={error} />}
      {mode === 'lines' && entities.length === 0 && <p className="timeline-hint">{t('timeline.empty')}</p>}
      <canvas ref={canvasRef} className="timeline-canvas" tabIndex={0} aria-label={t('timeline.canvas')} data-testid="timeline-canvas" />
    </section>
  );
}
