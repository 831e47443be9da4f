import { InputGroup, KeyComboTag, Menu, MenuItem, Spinner } from '@blueprintjs/core';
import { SearchIcon } from '@blueprintjs/icons';
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { schemaLabel } from '../../catalogueText';
import { SchemaIcon } from '../../app/schemaIcon';
import type { SearchResult } from '../../../../shared/entities/dto';
import { useWorkspace } from '../../state/workspace';
import { useAttachmentFocus } from '../attachments/focus';
import { useSearch } from './useSearch';
import './search.css';

/** The case-wide search in the top bar (Ctrl+K). */
export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const version = useWorkspace((s) => s.dataVersion);
  const select = useWorkspace((s) => s.select);
  const { results, busy } = useSearch(query, 20, version);

  const choose = (r: SearchResult) => {
    // A hit inside an attached file opens the record it is attached to, with the file named there.
    if (r.attachment) useAttachmentFocus.getState().show(r.attachment, r.id, r.page ?? null);
    if (r.schema === 'Source') useWorkspace.getState().setView('sources');
    else select(r.id);
    setOpen(false);
    setQuery('');
    inputRef.current?.blur();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setQuery('');
      setOpen(false);
      inputRef.current?.blur();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      choose(results[active]);
    }
  };
  const showList = open && query.trim() !== '';

  return (
    <div className="search-box" role="search">
      <InputGroup
        inputRef={inputRef}
        type="search"
        aria-label={t('search.label')}
        leftIcon={<SearchIcon />}
        rightElement={busy ? <Spinner size={14} className="search-spinner" /> : <KeyComboTag combo="mod+k" minimal className="search-key" />}
        placeholder={t('search.placeholder')}
        value={query}
        onValueChange={(v) => {
          setQuery(v);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        aria-expanded={showList}
        aria-controls="search-results"
      />
      {showList && (
        <div className="search-results" id="search-results" role="listbox" aria-label={t('search.results')}>
          <Menu>
            {results.length === 0 && !busy && <MenuItem disabled text={t('search.none', { query: query.trim() })} />}
            {results.map((r, i) => (
              <MenuItem
                key={r.attachment ? `${r.attachment}/${r.page ?? 0}` : r.id}
                role="option"
                aria-selected={i === active}
                active={i === active}
                icon={<SchemaIcon schema={r.schema} />}
                text={r.caption || t('entity.noCaption')}
                label={r.attachment ? t('search.inAttachment', { name: r.attachmentName ?? '', page: r.page ?? 1 }) : schemaLabel(r.schema)}
                title={r.attachment ? r.match : undefined}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(r);
                }}
              />
            ))}
          </Menu>
        </div>
      )}
    </div>
  );
}
