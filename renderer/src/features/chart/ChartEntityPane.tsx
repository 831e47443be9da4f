import { Button } from '@blueprintjs/core';
import { CrossIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { EntityList } from '../entities/EntityList';
import type { ChartController } from './controller';
import '../entities/entities.css';
import './chart-tools.css';

/**
 * The case's entity list beside the chart, to drag entities onto it (dropping adds them where they
 * fall). It floats over the canvas like the side panel, so opening it never resizes the canvas.
 * Clicking a row that is already on the chart selects it there and brings it into view.
 */
export function ChartEntityPane({ ctl, onClose }: { ctl: ChartController; onClose(): void }) {
  const { t } = useTranslation();
  const show = (id: string) => {
    const n = ctl.cy.getElementById(id);
    if (n.empty() || n.hasClass('removed')) return;
    ctl.cy.batch(() => {
      ctl.cy.elements(':selected').unselect();
      n.select();
    });
    ctl.cy.center(n);
  };
  return (
    <aside className="chart-entity-pane" aria-label={t('chart.entityPane.label')}>
      <div className="chart-entity-pane-bar">
        <span className="muted small">{t('chart.entityPane.hint')}</span>
        <Button variant="minimal" size="small" icon={<CrossIcon />} aria-label={t('chart.entityPane.close')} onClick={onClose} />
      </div>
      <EntityList onSelect={show} />
    </aside>
  );
}
