import { Button, Card, H3 } from '@blueprintjs/core';
import { GraphIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { caseOpened } from './opened';

export function DemoCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      caseOpened(await call('case.openDemo', {}));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Card className="start-card demo-card" aria-labelledby="demo-title">
      <H3 id="demo-title">{t('start.demoTitle')}</H3>
      <p className="muted">{t('start.demoText')}</p>
      <ErrorCallout error={error} />
      <Button icon={<GraphIcon />} text={t('start.openDemo')} onClick={() => void open()} loading={busy} fill />
    </Card>
  );
}
