import { FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationSummary } from '../../../../shared/cooperation/dto';
import { BUREAU_RE } from '../../app/bureau';
import { useCoreRead } from './useCoop';

// Choosing where new targets go (an operation still open for them) and the bureau responsible:
// shared by every "send these entities to an operation" dialog (chart selection, disruption run).

export interface TargetOperation {
  /** Operations not yet concluded; null while loading. */
  open: OperationSummary[] | null;
  op: OperationSummary | undefined;
  setOperation(id: string): void;
  bureau: string;
  setBureau(b: string): void;
  ready: boolean;
}

export function useTargetOperation(): TargetOperation {
  const { data } = useCoreRead('operation.list', {});
  const open = data ? data.filter((o) => o.status !== 'concluded') : null;
  const [opId, setOperation] = useState('');
  const op = open?.find((o) => o.id === opId) ?? open?.[0];
  const [chosen, setBureau] = useState<string | null>(null);
  const bureau = chosen ?? op?.leadBureau ?? '';
  return { open, op, setOperation, bureau, setBureau: (b) => setBureau(b.toUpperCase()), ready: !!op && BUREAU_RE.test(bureau) };
}

export function OperationField({ target, id }: { target: TargetOperation; id: string }) {
  const { t } = useTranslation();
  return (
    <>
      {target.open && target.open.length === 0 && <p className="muted">{t('analysis.saveTargets.noOperation')}</p>}
      <FormGroup label={t('analysis.saveTargets.operation')} labelFor={id}>
        <HTMLSelect id={id} fill value={target.op?.id ?? ''} onChange={(e) => target.setOperation(e.currentTarget.value)}>
          {(target.open ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.codeWord ? `${o.name} (${o.codeWord})` : o.name}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
    </>
  );
}

export function BureauField({ target, id }: { target: TargetOperation; id: string }) {
  const { t } = useTranslation();
  return (
    <FormGroup label={t('analysis.saveTargets.bureau')} labelFor={id}>
      <InputGroup id={id} value={target.bureau} onChange={(e) => target.setBureau(e.currentTarget.value)} />
    </FormGroup>
  );
}
