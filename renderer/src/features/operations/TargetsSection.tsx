import { Button, FormGroup, HTMLTable, InputGroup, Tag } from '@blueprintjs/core';
import { AddIcon, TrashIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import type { OperationDetail } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { EntityPicker } from '../search/EntityPicker';
import { BUREAU_RE } from '../../app/bureau';
import { useWrite } from './useCoop';
import '../search/search.css';

/** The operation's targets: each an entity, why, and which bureau answers for it. */
export function TargetsSection({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [entity, setEntity] = useState<EntitySummary | null>(null);
  const [reason, setReason] = useState('');
  const [bureau, setBureau] = useState(op.leadBureau);
  const bureauOk = BUREAU_RE.test(bureau);
  const add = async () => {
    if (!entity) return;
    const done = await write.run(() => call('operation.addTargets', { id: op.id, targets: [{ entityId: entity.id, reason: reason.trim(), bureau }] }));
    if (done) {
      setEntity(null);
      setReason('');
    }
  };
  return (
    <>
      {op.targetList.length === 0 ? (
        <p className="muted">{t('operations.noTargets')}</p>
      ) : (
        <HTMLTable compact striped className="data-table target-table">
          <thead>
            <tr>
              <th>{t('operations.colTarget')}</th>
              <th>{t('operations.colReason')}</th>
              <th>{t('operations.colBureau')}</th>
              <th>{t('operations.colState')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {op.targetList.map((tg) => (
              <tr key={tg.entityId} data-state={tg.state}>
                <td>
                  {tg.schema && <SchemaIcon schema={tg.schema} />} <span className="target-caption">{tg.caption || t('entity.noCaption')}</span>
                </td>
                <td>{tg.reason || '—'}</td>
                <td className="mono">{tg.bureau}</td>
                <td>
                  <Tag minimal intent={tg.state === 'live' ? 'none' : 'warning'}>
                    {t(`operations.targetState.${tg.state}`)}
                  </Tag>
                </td>
                <td>
                  <Button
                    size="small"
                    variant="minimal"
                    icon={<TrashIcon />}
                    aria-label={t('operations.removeTarget', { name: tg.caption })}
                    onClick={() => void write.run(() => call('operation.removeTarget', { id: op.id, entityId: tg.entityId }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <form
        className="coop-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <FormGroup label={t('operations.addTarget')} labelFor="op-target-entity" className="grow">
          <EntityPicker id="op-target-entity" value={entity} onChange={setEntity} />
        </FormGroup>
        <FormGroup label={t('operations.colReason')} labelFor="op-target-reason" className="grow">
          <InputGroup id="op-target-reason" value={reason} onValueChange={setReason} />
        </FormGroup>
        <FormGroup label={t('operations.colBureau')} labelFor="op-target-bureau" intent={bureauOk ? 'none' : 'danger'}>
          <InputGroup id="op-target-bureau" value={bureau} onValueChange={(v) => setBureau(v.toUpperCase().trim())} className="mono short-input" />
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('operations.addTargetButton')} disabled={!entity || !bureauOk} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}
