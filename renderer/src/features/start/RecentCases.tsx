import { Button, H5, Tag } from '@blueprintjs/core';
import { DocumentIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentCase } from '../../../../shared/case/dto';
import { call } from '../../api';
import { formatDateTime } from '../../format';

/** Recently opened files (paths only: the core keeps no case names or content outside a case). */
export function RecentCases({ onPick, onRestore }: { onPick(path: string): void; onRestore(path: string): void }) {
  const { t } = useTranslation();
  const [recent, setRecent] = useState<RecentCase[] | null>(null);
  useEffect(() => {
    call('case.recent', {}).then(setRecent, () => setRecent([]));
  }, []);
  return (
    <section className="recent" aria-labelledby="recent-title">
      <H5 id="recent-title">{t('start.recent')}</H5>
      {recent !== null && recent.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
      <ul className="recent-list">
        {recent?.map((r) => (
          <li key={r.path}>
            <Button variant="minimal" alignText="start" fill icon={<DocumentIcon />} disabled={!r.exists} onClick={() => onPick(r.path)} title={r.path}>
              <span className="recent-path">{r.path}</span>
              <span className="recent-meta">
                {r.exists ? formatDateTime(r.openedAt) : <Tag minimal intent="warning">{t('start.missing')}</Tag>}
              </span>
            </Button>
            <Button variant="minimal" size="small" text={t('start.restoreOffer')} title={r.path} onClick={() => onRestore(r.path)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
