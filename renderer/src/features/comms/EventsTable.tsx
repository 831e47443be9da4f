import { ArrowDownIcon, ArrowUpIcon } from '@blueprintjs/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommsEventRow } from '../../../../shared/comms/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatDuration, formatNumber } from '../../format';

// A phone's events (or those between it and one contact): a million rows never cross to the
// screen at once. The core sorts and pages in SQL (comms.events); the table asks for the pages of
// 200 rows its virtual window shows and keeps them while the phone, the contact and the order stay.

const PAGE = 200;
const ROW = 26;

interface Props {
  phone: string;
  other: string | null;
  version: number;
}

type Sort = { key: 'start' | 'duration'; desc: boolean };

export function EventsTable({ phone, other, version }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>({ key: 'start', desc: false });
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, CommsEventRow[]>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);

  const fetchPage = (page: number, gen: number) => {
    asked.current.add(page);
    call('comms.events', { a: phone, ...(other ? { b: other } : {}), offset: page * PAGE, limit: PAGE, sort: sort.key, desc: sort.desc })
      .then((r) => {
        if (gen !== generation.current) return;
        setTotal(r.total);
        setPages((m) => new Map(m).set(page, r.rows));
      })
      .catch((err: unknown) => {
        if (gen === generation.current) setError(err);
      });
  };
  // A new phone, contact or order starts from the first page.
  useEffect(() => {
    generation.current += 1;
    asked.current = new Set();
    setPages(new Map());
    setTotal(null);
    setError(null);
    scroller.current?.scrollTo({ top: 0 });
    fetchPage(0, generation.current);
  }, [phone, other, sort.key, sort.desc, version]);

  const virtual = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const items = virtual.getVirtualItems();
  useEffect(() => {
    if (items.length === 0) return;
    const lo = Math.floor(items[0]!.index / PAGE);
    const hi = Math.floor(items[items.length - 1]!.index / PAGE);
    for (let p = lo; p <= hi; p++) if (!asked.current.has(p)) fetchPage(p, generation.current);
  });

  const sortBy = (key: Sort['key']) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key === 'duration' }));
  const ariaSort = (key: Sort['key']) => (sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined);
  const arrow = (key: Sort['key']) => sort.key === key && (sort.desc ? <ArrowDownIcon size={12} /> : <ArrowUpIcon size={12} />);
  const row = (i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE];

  return (
    <div className="comms-events">
      <p className="muted small" data-testid="comms-events-total">
        {total === null ? t('comms.panel.loading') : t('comms.panel.eventsTotal', { n: formatNumber(total) })}
      </p>
      <ErrorCallout error={error} />
      <div className="comms-events-table" role="table" aria-label={t('comms.panel.eventsTable')} aria-rowcount={(total ?? 0) + 1}>
        <div className="comms-events-grid comms-events-head" role="row">
          <div role="columnheader" aria-sort={ariaSort('start')}>
            <button type="button" className="comms-sort" onClick={() => sortBy('start')}>
              {t('comms.panel.start')} {arrow('start')}
            </button>
          </div>
          <div role="columnheader">{t('comms.panel.kind')}</div>
          <div role="columnheader">{t('comms.panel.from')}</div>
          <div role="columnheader">{t('comms.panel.to')}</div>
          <div role="columnheader" aria-sort={ariaSort('duration')} className="num">
            <button type="button" className="comms-sort" onClick={() => sortBy('duration')}>
              {t('comms.panel.duration')} {arrow('duration')}
            </button>
          </div>
          <div role="columnheader">{t('comms.panel.fromCell')}</div>
          <div role="columnheader">{t('comms.panel.toCell')}</div>
          <div role="columnheader">{t('comms.panel.imei')}</div>
        </div>
        <div className="comms-events-scroller" ref={scroller}>
          <div className="list-sizer" style={{ blockSize: virtual.getTotalSize() }}>
            {items.map((v) => {
              const r = row(v.index);
              return (
                <div key={v.key} role="row" aria-rowindex={v.index + 2} data-testid="comms-event-row" className={`comms-events-grid list-slot${v.index % 2 ? ' comms-odd' : ''}`} style={{ blockSize: v.size, transform: `translateY(${v.start}px)` }}>
                  {r ? (
                    <>
                      <div role="cell">{formatDateTime(r.start)}</div>
                      <div role="cell">{t(`comms.kind.${r.kind}`)}</div>
                      <div role="cell" className="mono">
                        <bdi dir="ltr">{r.caller}</bdi>
                      </div>
                      <div role="cell" className="mono">
                        <bdi dir="ltr">{r.callee ?? '—'}</bdi>
                      </div>
                      <div role="cell" className="num">
                        {r.kind === 'voice' || r.kind === 'data' ? formatDuration(r.durationS) : '—'}
                      </div>
                      <div role="cell" className="mono">
                        {r.callerCell ?? ''}
                      </div>
                      <div role="cell" className="mono">
                        {r.calleeCell ?? ''}
                      </div>
                      <div role="cell" className="mono">
                        {r.imei ?? ''}
                      </div>
                    </>
                  ) : (
                    <div role="cell" className="muted">
                      …
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
