import { NonIdealState } from '@blueprintjs/core';
import { PhoneIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import type { ChartController } from '../chart/controller';
import { EntityPicker } from '../search/EntityPicker';
import { CommsPanel } from './CommsPanel';

/** The analysis panel's communications tab: the phone selected on the chart, or one picked by search. */
export function CommsTab({ ctl }: { ctl: ChartController | null }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<EntitySummary | null>(null);
  // The panel re-renders with the chart's version (AnalysisPanel subscribes), so this follows the selection.
  const selected = ctl ? ctl.cy.nodes(':selected').not('.group, .ghost').filter((n) => n.data('schema') === 'Phone') : null;
  const onChart = selected && selected.length === 1 ? { id: selected.id(), caption: String(selected.data('label') ?? '') } : null;
  const phone = onChart ?? (picked ? { id: picked.id, caption: picked.caption } : null);
  return (
    <div className="comms-tab">
      <div className="comms-pick-phone">
        <span>{onChart ? t('comms.panel.selectedPhone', { phone: onChart.caption }) : t('comms.panel.pickPhone')}</span>
        {!onChart && <EntityPicker id="comms-phone" value={picked} onChange={setPicked} range={['Phone']} />}
      </div>
      {phone ? <CommsPanel phoneId={phone.id} /> : <NonIdealState icon={<PhoneIcon size={32} />} title={t('comms.panel.noPhoneTitle')} description={t('comms.panel.noPhoneText')} />}
    </div>
  );
}
