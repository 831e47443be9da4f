import { Button, Navbar, NavbarDivider, NavbarGroup, NavbarHeading, Tag, Tooltip } from '@blueprintjs/core';
import { LockIcon, LogOutIcon, ShieldIcon } from '@blueprintjs/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../features/search/SearchBox';
import { SettingsButton } from '../features/settings/SettingsDialog';
import { useSession } from '../state/session';
import { closeCase, lockCase } from './caseActions';
import { ErrorCallout } from './ErrorCallout';

/** Case name, search (Ctrl+K), lock (Ctrl+L), close. */
export function TopBar() {
  const { t } = useTranslation();
  const name = useSession((s) => s.info?.name ?? '');
  const bureau = useSession((s) => s.info?.bureau ?? '');
  const demo = useSession((s) => s.info?.demo ?? false);
  const searchRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);

  const lock = () => lockCase().catch(setError);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'k') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (key === 'l') {
        e.preventDefault();
        void lockCase().catch(setError);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Navbar className="top-bar">
      <NavbarGroup align="start" className="top-bar-case">
        <ShieldIcon className="brand-icon" />
        <NavbarHeading className="case-name" title={name}>
          {name}
        </NavbarHeading>
        <Tag minimal className="bureau-tag" title={t('top.bureau')}>
          {bureau}
        </Tag>
        {demo && (
          <Tag minimal intent="primary">
            {t('top.demo')}
          </Tag>
        )}
      </NavbarGroup>
      <NavbarGroup align="center" className="top-bar-search">
        <SearchBox inputRef={searchRef} />
      </NavbarGroup>
      <NavbarGroup align="end">
        <SettingsButton />
        <NavbarDivider />
        <Tooltip content={t('top.lockHint')}>
          <Button variant="minimal" icon={<LockIcon />} text={t('top.lock')} onClick={() => void lock()} aria-keyshortcuts="Control+L" />
        </Tooltip>
        <NavbarDivider />
        <Button variant="minimal" icon={<LogOutIcon />} text={t('top.close')} onClick={() => void closeCase().catch(setError)} />
      </NavbarGroup>
      {error !== null && (
        <div className="top-bar-error">
          <ErrorCallout error={error} />
        </div>
      )}
    </Navbar>
  );
}
