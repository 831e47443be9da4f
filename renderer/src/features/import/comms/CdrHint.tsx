import { Button, Callout } from '@blueprintjs/core';
import { PhoneIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';

/** A spreadsheet whose headers Cordon recognises as call records: offer to read it as such (events, not entities). */
export function CdrHint({ path, onUse }: { path: string; onUse(): void }) {
  const { t } = useTranslation();
  const [looks, setLooks] = useState<string | null>(null);
  useEffect(() => {
    setLooks(null);
    const p = path.trim();
    if (!/\.(csv|tsv|txt)$/i.test(p)) return;
    let live = true;
    // After typing stops; a file that cannot be read here is the next step's business.
    const timer = setTimeout(() => {
      call('comms.previewCdr', { path: p, rows: 0 })
        .then((r) => {
          if (live && r.missing.length === 0) setLooks(r.file);
        })
        .catch(() => undefined);
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [path]);
  if (!looks) return null;
  return (
    <Callout intent="primary" icon={<PhoneIcon />} className="cdr-hint" data-testid="cdr-hint">
      <p>{t('comms.import.looksLikeCdr', { file: looks })}</p>
      <Button size="small" intent="primary" text={t('comms.import.useCdr')} onClick={onUse} />
    </Callout>
  );
}
