import { Button, Callout, HTMLTable } from '@blueprintjs/core';
import { ShieldIcon, TickCircleIcon, WarningSignIcon } from '@blueprintjs/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow, AuditVerdict } from '../../../../shared/case/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import './audit.css';

const PAGE = 200;

/** The hash-chained audit log of the case, and a check that no row was edited or removed. */
export function AuditView() {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(async (offset: number) => {
    try {
      const page = await call('audit.list', { offset, limit: PAGE });
      setTotal(page.total);
      setRows((prev) => (offset === 0 ? page.rows : [...prev, ...page.rows]));
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void load(0);
  }, [load, version]);

  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setVerdict(await call('audit.verify', {}));
    } catch (err) {
      setError(err);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section className="audit-view pane" aria-labelledby="audit-title">
      <header className="pane-header">
        <h2 className="pane-title" id="audit-title">{t('audit.title')}</h2>
        <span className="muted">{total !== null ? t('audit.count', { count: total, n: formatNumber(total) }) : ''}</span>
        <Button className="pane-action" size="small" icon={<ShieldIcon />} text={t('audit.verify')} loading={verifying} onClick={() => void verify()} />
      </header>
      {verdict && (
        <Callout
          className="audit-verdict"
          intent={verdict.ok ? 'success' : 'danger'}
          icon={verdict.ok ? <TickCircleIcon /> : <WarningSignIcon />}
          title={verdict.ok ? t('audit.ok', { n: formatNumber(verdict.rows) }) : t('audit.broken', { row: verdict.firstBroken ?? '?' })}
        >
          {verdict.reason}
        </Callout>
      )}
      <ErrorCallout error={error} />
      <div className="table-scroll">
        <HTMLTable compact striped className="data-table">
          <thead>
            <tr>
              <th className="num">{t('audit.colSeq')}</th>
              <th>{t('audit.colAt')}</th>
              <th>{t('audit.colActor')}</th>
              <th>{t('audit.colAction')}</th>
              <th>{t('audit.colTarget')}</th>
              <th>{t('audit.colDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td className="num mono">{r.seq}</td>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.actor}</td>
                <td className="mono">{r.action}</td>
                <td className="mono">{r.target ?? '—'}</td>
                <td className="audit-detail mono" title={r.hash}>
                  {r.detail === null || r.detail === undefined ? '' : JSON.stringify(r.detail)}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        {total !== null && rows.length < total && (
          <Button className="load-more" text={t('audit.more', { n: formatNumber(total - rows.length) })} onClick={() => void load(rows.length)} />
        )}
      </div>
    </section>
  );
}
