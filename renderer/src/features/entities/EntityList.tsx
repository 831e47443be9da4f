import { Button, HTMLSelect, InputGroup, NonIdealState } from '@blueprintjs/core';
import { AddIcon, FilterIcon, PeopleIcon } from '@blueprintjs/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { ErrorCallout } from '../../app/ErrorCallout';
import { schemaPlural } from '../../catalogueText';
import { formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { useSearch } from '../search/useSearch';
import { EntityRow } from './EntityRow';
import { useEntityPages } from './useEntityPages';

const ROW_HEIGHT = 30;

/**
 * Every entity of the case, virtualised; a text filter switches to search results. By default a
 * row opens the entity page; a host (the chart's entity pane) can do something else with it, and
 * can leave out the New button.
 */
export function EntityList({ onNew, onSelect }: { onNew?: () => void; onSelect?: (id: string) => void }) {
  const { t } = useTranslation();
  const typeFilter = useWorkspace((s) => s.typeFilter);
  const setTypeFilter = useWorkspace((s) => s.setTypeFilter);
  const version = useWorkspace((s) => s.dataVersion);
  const selectedId = useWorkspace((s) => s.selectedId);
  const openEntity = useWorkspace((s) => s.select);
  const select = onSelect ?? openEntity;
  const [filter, setFilter] = useState('');

  const paged = useEntityPages(typeFilter, version);
  const searched = useSearch(filter, 500, version);
  const searching = filter.trim() !== '';
  // Search also finds links; the entity list shows entities only.
  const found = searched.results.filter((r) => (typeFilter ? r.schema === typeFilter : !isLink(r.schema)));
  const count = searching ? found.length : (paged.total ?? 0);
  const item = (i: number): EntitySummary | undefined => (searching ? found[i] : paged.item(i));

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtual.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  const { ensureRange } = paged;
  useEffect(() => {
    if (!searching && count > 0) ensureRange(first, last);
  }, [searching, count, first, last, ensureRange]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    let current = -1;
    for (const r of rows) if (item(r.index)?.id === selectedId) current = r.index;
    const next = Math.max(0, Math.min(count - 1, current + (e.key === 'ArrowDown' ? 1 : -1)));
    const target = item(next);
    virtual.scrollToIndex(next);
    if (target) select(target.id);
  };

  const countLabel = searching ? t('list.matches', { count, n: formatNumber(count) }) : t('list.count', { count, n: formatNumber(count) });

  return (
    <section className="entity-list" aria-label={t('list.label')}>
      <header className="pane-header">
        <h2 className="pane-title">{t('list.title')}</h2>
        <span className="muted" data-testid="entity-count" data-count={count}>
          {countLabel}
        </span>
        {onNew && <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={t('list.new')} onClick={onNew} />}
      </header>
      <div className="list-filters">
        <HTMLSelect
          aria-label={t('list.type')}
          value={typeFilter ?? ''}
          onChange={(e) => setTypeFilter(e.currentTarget.value || null)}
          options={[{ value: '', label: t('list.allTypes') }, ...schemataOf('entity').map((s) => ({ value: s.name, label: schemaPlural(s.name) }))]}
        />
        <InputGroup
          type="search"
          leftIcon={<FilterIcon />}
          aria-label={t('list.filter')}
          placeholder={t('list.filterPlaceholder')}
          value={filter}
          onValueChange={setFilter}
          onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
        />
      </div>
      <ErrorCallout error={searching ? searched.error : paged.error} />
      {count === 0 && !searched.busy && (paged.total !== null || searching) ? (
        <NonIdealState
          className="list-empty"
          icon={<PeopleIcon size={32} />}
          title={searching ? t('list.noMatchTitle') : t('list.emptyTitle')}
          description={searching ? t('list.noMatchText') : t('list.emptyText')}
          action={searching || !onNew ? undefined : <Button icon={<AddIcon />} text={t('list.new')} onClick={onNew} />}
        />
      ) : (
        <div className="list-scroller" ref={scroller} role="listbox" tabIndex={0} aria-label={t('list.label')} onKeyDown={onKeyDown}>
          <div className="list-sizer" style={{ blockSize: virtual.getTotalSize() }}>
            {rows.map((r) => (
              <div key={r.key} className="list-slot" style={{ blockSize: r.size, transform: `translateY(${r.start}px)` }}>
                <EntityRow entity={item(r.index)} selected={item(r.index)?.id === selectedId} onSelect={select} />
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function isLink(schema: string): boolean {
  return !schemataOf('entity').some((s) => s.name === schema);
}
