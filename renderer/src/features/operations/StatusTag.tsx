import { Tag, type Intent } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { OperationStatus } from '../../../../shared/cooperation/dto';

const INTENT: Record<OperationStatus, Intent> = { planning: 'none', approved: 'primary', executing: 'warning', concluded: 'success' };

export function StatusTag({ status }: { status: OperationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag minimal intent={INTENT[status]} className="op-status" data-status={status}>
      {t(`operations.status.${status}`)}
    </Tag>
  );
}
