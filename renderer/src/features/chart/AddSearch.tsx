import { InputGroup, Menu, MenuItem } from '@blueprintjs/core';
import { SearchIcon } from '@blueprintjs/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { useSearch } from '../search/useSearch';

/** Add entities to the chart by search. Ctrl+K focuses it while the chart is in front. */
export function AddSearch({ onAdd }: { onAdd(id: string): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLInputElement>(null);
  const { results } = useSearch(query, 12);
  useEffect(() => {
    // Capture phase on window: the chart's Ctrl+K wins over the top bar's case-wide search.
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        e.stopPropagation();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const choose = (id: string) => {
    onAdd(id);
    setQuery('');
  };
  return (
    <div className="chart-add">
      <InputGroup
        inputRef={ref}
        type="search"
        size="small"
        leftIcon={<SearchIcon />}
        aria-label={t('chart.addSearch')}
        placeholder={t('chart.addSearch')}
        value={query}
        onValueChange={(v) => {
          setQuery(v);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && results[active]) choose(results[active].id);
          else if (e.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() !== '' && results.length > 0 && (
        <Menu className="chart-add-results" role="listbox">
          {results.map((r, i) => (
            <MenuItem
              key={r.id}
              role="option"
              active={i === active}
              icon={<SchemaIcon schema={r.schema} />}
              text={r.caption || t('entity.noCaption')}
              label={schemaLabel(r.schema)}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r.id);
              }}
            />
          ))}
        </Menu>
      )}
    </div>
  );
}
