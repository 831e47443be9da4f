import type { Position } from 'cytoscape';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { createEntity, createLink } from './caseCommands';
import { useChartTabs } from './chartTabs';
import type { ChartController } from './controller';
import { DeleteDialog } from './DeleteDialog';
import { ExpandDialog } from './ExpandDialog';
import { ExportDialog } from './ExportDialog';
import { LinkTypeDialog } from './LinkTypeDialog';
import { NewEntityOnChart } from './NewEntityOnChart';
import { TargetsDialog } from './TargetsDialog';

// The dialogs a chart's actions open (expand, link type, new entity, targets, delete, export),
// one at a time.

export type DialogState =
  | { kind: 'expand'; from: string[] }
  | { kind: 'link'; from: string; to: string }
  | { kind: 'entity'; at: Position }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'export' }
  | { kind: 'targets'; ids: string[] }
  | null;

interface Props {
  ctl: ChartController;
  chartId: string;
  dialog: DialogState;
  onClose(): void;
  onNotice(text: string): void;
  /** Where exports are offered first (the case file's folder). */
  defaultDir: string;
}

export function ChartDialogs({ ctl, chartId, dialog, onClose, onNotice, defaultDir }: Props) {
  const { t } = useTranslation();
  return (
    <>
    {dialog?.kind === 'expand' && (
      <ExpandDialog
        from={dialog.from}
        onChart={ctl.entityIds()}
        onClose={onClose}
        onAdd={async (ids) => {
          const anchor = ctl.cy.getElementById(dialog.from[0]!).position();
          await ctl.addEntities(ids, { ...anchor }, 'expand');
        }}
      />
    )}
    {dialog?.kind === 'link' && (
      <LinkTypeDialog
        fromLabel={String(ctl.cy.getElementById(dialog.from).data('label'))}
        toLabel={String(ctl.cy.getElementById(dialog.to).data('label'))}
        onClose={onClose}
        onCreate={async (schema, props, sourceId) => {
          await createLink(ctl, schema, dialog.from, dialog.to, props, sourceId);
          await afterWrite();
        }}
      />
    )}
    {dialog?.kind === 'entity' && (
      <NewEntityOnChart
        schema="Person"
        onClose={onClose}
        onCreate={async (schema, props, sourceId) => {
          await createEntity(ctl, schema, props, dialog.at, sourceId);
          await afterWrite();
        }}
      />
    )}
    {dialog?.kind === 'targets' && (
      <TargetsDialog
        entities={dialog.ids.map((id) => ({ id, caption: String(ctl.cy.getElementById(id).data('label') ?? id) }))}
        chartName={useChartTabs.getState().open.find((c) => c.id === chartId)?.name ?? ''}
        onClose={onClose}
        onSaved={(operation, count) => {
          onClose();
          onNotice(t('analysis.disrupt.saved', { count, operation }));
        }}
      />
    )}
    {dialog?.kind === 'delete' && (
      <DeleteDialog
        count={dialog.ids.length}
        onClose={onClose}
        onRemove={() => ctl.removeFromChart(dialog.ids)}
        onDeleteFromCase={async () => {
          for (const id of dialog.ids) await call('entity.delete', { id });
          await ctl.removeFromChart(dialog.ids, 'delete');
          await afterWrite();
        }}
      />
    )}
    {dialog?.kind === 'export' && (
      <ExportDialog ctl={ctl} name={useChartTabs.getState().open.find((c) => c.id === chartId)?.name ?? 'chart'} defaultDir={defaultDir} onClose={onClose} />
    )}
    </>
  );
}
