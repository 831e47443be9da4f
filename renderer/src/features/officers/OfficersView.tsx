import { Button, NonIdealState } from '@blueprintjs/core';
import { ImportIcon, PeopleIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { IdentityPanel } from './IdentityPanel';
import { ImportCardDialog } from './ImportCardDialog';
import { OfficerTable } from './OfficerTable';
import { RevokeDialog } from './RevokeDialog';
import { useOfficers } from './useOfficers';
import { VerifyDialog } from './VerifyDialog';
import './officers.css';

type Open = { kind: 'import' } | { kind: 'verify'; officer: OfficerView } | { kind: 'revoke'; officer: OfficerView } | null;

/** My identity, then the directory of bureaus and contact officers. */
export function OfficersView() {
  const { t } = useTranslation();
  const { me, partners, loaded, error } = useOfficers();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <section className="officers-view pane" aria-labelledby="officers-title">
      <header className="pane-header">
        <h2 className="pane-title" id="officers-title">
          {t('officers.title')}
        </h2>
        <span className="muted">{loaded ? t('officers.count', { count: partners.length, n: formatNumber(partners.length) }) : ''}</span>
        <Button className="pane-action" size="small" intent="primary" icon={<ImportIcon />} text={t('officers.importOpen')} onClick={() => setOpen({ kind: 'import' })} />
      </header>
      <ErrorCallout error={error} />
      <IdentityPanel me={me} loaded={loaded} />
      <h3 className="section-title">{t('officers.directory')}</h3>
      {loaded && partners.length === 0 ? (
        <NonIdealState icon={<PeopleIcon size={40} />} title={t('officers.emptyTitle')} description={t('officers.emptyText')} />
      ) : (
        <OfficerTable officers={partners} onVerify={(officer) => setOpen({ kind: 'verify', officer })} onRevoke={(officer) => setOpen({ kind: 'revoke', officer })} />
      )}
      {open?.kind === 'import' && <ImportCardDialog onClose={close} onVerify={(officer) => setOpen({ kind: 'verify', officer })} />}
      {open?.kind === 'verify' && <VerifyDialog officer={open.officer} onClose={close} />}
      {open?.kind === 'revoke' && <RevokeDialog officer={open.officer} onClose={close} />}
    </section>
  );
}
