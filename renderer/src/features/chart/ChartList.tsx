import { Alert, Button, HTMLTable, InputGroup, NonIdealState } from '@blueprintjs/core';
import { AddIcon, EditIcon, GraphIcon, TrashIcon } from '@blueprintjs/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSummary } from '../../../../shared/charts/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { useChartTabs } from './chartTabs';

/** The case's charts: create, open, rename, delete. */
export function ChartList() {
  const { t } = useTranslation();
  const [charts, setCharts] = useState<ChartSummary[] | null>(null);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<ChartSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { openChart, rename, closeChart } = useChartTabs();

  const load = useCallback(() => {
    call('chart.list', {}).then(setCharts, setError);
  }, []);
  useEffect(load, [load]);

  const create = async () => {
    try {
      const c = await call('chart.create', { name: name.trim() || t('chart.untitled') });
      setName('');
      openChart(c.id, c.name);
    } catch (err) {
      setError(err);
    }
  };
  const saveName = async () => {
    if (!renaming) return;
    try {
      const c = await call('chart.rename', { id: renaming.id, name: renaming.name });
      rename(c.id, c.name);
      setRenaming(null);
      load();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (c: ChartSummary) => {
    try {
      await call('chart.delete', { id: c.id });
      closeChart(c.id);
      setDeleting(null);
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="chart-list pane">
      <div className="pane-header">
        <InputGroup
          aria-label={t('chart.newName')}
          placeholder={t('chart.newName')}
          value={name}
          onValueChange={setName}
          onKeyDown={(e) => e.key === 'Enter' && void create()}
        />
        <Button intent="primary" icon={<AddIcon />} text={t('chart.create')} onClick={() => void create()} />
      </div>
      <ErrorCallout error={error} />
      {charts && charts.length === 0 && <NonIdealState icon={<GraphIcon size={48} />} title={t('chart.noneTitle')} description={t('chart.noneText')} />}
      {charts && charts.length > 0 && (
        <HTMLTable compact interactive className="data-table chart-table">
          <thead>
            <tr>
              <th>{t('chart.name')}</th>
              <th>{t('chart.items')}</th>
              <th>{t('chart.updated')}</th>
              <th aria-label={t('chart.actions')} />
            </tr>
          </thead>
          <tbody>
            {charts.map((c) => (
              <tr key={c.id} onDoubleClick={() => openChart(c.id, c.name)}>
                <td>
                  {renaming?.id === c.id ? (
                    <InputGroup
                      autoFocus
                      aria-label={t('chart.rename')}
                      value={renaming.name}
                      onValueChange={(v) => setRenaming({ id: c.id, name: v })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void saveName();
                        if (e.key === 'Escape') setRenaming(null);
                      }}
                      onBlur={() => void saveName()}
                    />
                  ) : (
                    <Button variant="minimal" icon={<GraphIcon />} text={c.name} onClick={() => openChart(c.id, c.name)} />
                  )}
                </td>
                <td>{formatNumber(c.items)}</td>
                <td>{formatDateTime(c.updatedAt)}</td>
                <td className="row-actions">
                  <Button variant="minimal" icon={<EditIcon />} aria-label={t('chart.rename')} onClick={() => setRenaming({ id: c.id, name: c.name })} />
                  <Button variant="minimal" intent="danger" icon={<TrashIcon />} aria-label={t('chart.delete')} onClick={() => setDeleting(c)} />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <Alert
        isOpen={deleting !== null}
        intent="danger"
        icon={<TrashIcon />}
        confirmButtonText={t('chart.delete')}
        cancelButtonText={t('chart.cancel')}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        {t('chart.deleteConfirm', { name: deleting?.name ?? '' })}
      </Alert>
    </div>
  );
}
