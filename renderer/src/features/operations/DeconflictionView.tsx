import { HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { TickCircleIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { StatusTag } from './StatusTag';
import { useCoreRead } from './useCoop';

/**
 * Every entity two operations target (ours, or another bureau's known from a received plan), or one
 * of ours targets while another bureau holds restricted information on it.
 */
export function DeconflictionView({ onOpen }: { onOpen(operationId: string): void }) {
  const { t } = useTranslation();
  const { data: rows, error } = useCoreRead('deconfliction.list', {});
  return (
    <div className="table-scroll deconfliction-view">
      <ErrorCallout error={error} />
      {rows && rows.length === 0 ? (
        <NonIdealState icon={<TickCircleIcon size={40} />} title={t('operations.deconflictionEmpty')} description={t('operations.deconflictionEmptyText')} />
      ) : (
        <HTMLTable compact striped className="data-table deconfliction-table">
          <thead>
            <tr>
              <th>{t('operations.colEntity')}</th>
              <th>{t('operations.colConflict')}</th>
              <th>{t('operations.colOperations')}</th>
              <th>{t('operations.colBureaus')}</th>
            </tr>
          </thead>
          <tbody>
            {rows?.map((r) => (
              <tr key={`${r.kind}-${r.entityId}`}>
                <td className="target-caption">{r.caption}</td>
                <td>
                  <Tag intent="danger" minimal>
                    {t(`operations.conflict.${r.kind}`)}
                  </Tag>
                  {r.restricted.map((x, i) => (
                    <div key={i} className="muted small">
                      {t('operations.restrictedBy', { originator: x.originator, handling: x.handling ?? '—', count: x.sources })}
                    </div>
                  ))}
                </td>
                <td>
                  {r.operations.map((o) => (
                    <div key={`${o.id}-${o.targetId}`} className="decon-op">
                      {o.received ? (
                        <>
                          <span className="target-caption">{o.name}</span>{' '}
                          <Tag minimal intent="warning">
                            {t('operations.receivedFrom', { sender: o.received.sender })}
                          </Tag>
                        </>
                      ) : (
                        <button type="button" className="row-link" onClick={() => onOpen(o.id)}>
                          {o.name}
                        </button>
                      )}{' '}
                      {o.codeWord && <span className="mono muted">{o.codeWord}</span>} <StatusTag status={o.status} />{' '}
                      <span className="muted small">{t('operations.leadBy', { lead: o.leadBureau, bureau: o.bureau })}</span>
                    </div>
                  ))}
                </td>
                <td className="mono">{r.bureaus.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
    </div>
  );
}
