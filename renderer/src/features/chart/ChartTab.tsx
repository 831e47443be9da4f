import { Button, ButtonGroup, Callout, Menu, MenuDivider, MenuItem, NonIdealState, Popover, ProgressBar, Spinner, Switch, Tooltip } from '@blueprintjs/core';
import {
  ChevronDownIcon,
  CollapseAllIcon,
  DocumentOpenIcon,
  ExportIcon,
  GraphIcon,
  GroupObjectsIcon,
  LayoutAutoIcon,
  PinIcon,
  RedoIcon,
  SelectIcon,
  StyleIcon,
  TrashIcon,
  UndoIcon,
  ZoomToFitIcon,
  ZoomInIcon,
  UnpinIcon,
  PathSearchIcon,
  ListDetailViewIcon,
  TargetIcon,
  PolygonFilterIcon,
  PropertiesIcon,
} from '@blueprintjs/icons';
import type { EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSettings } from '../../../../shared/charts/api';
import type { ChartData } from '../../../../shared/charts/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { schemaLabel } from '../../catalogueText';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { AddSearch } from './AddSearch';
import { useActiveChart } from './activeChart';
import { addRule, loadMeasures } from './analysisRules';
import { ChartInspector } from './ChartInspector';
import { FilterBar } from './FilterBar';
import { ChartDialogs, type DialogState } from './ChartDialogs';
import { groupOrganisation, toggleCollapse } from './groupCommands';
import { useChartInteractions } from './interactions';
import { useChartKeys } from './useChartKeys';
import { LAYOUTS, runLayout, type LayoutKind, type LayoutRun } from './layouts';
import { ORG_SCHEMAS } from './groupedLayout';
import { formatNumber } from '../../format';
import { IconLayer } from './IconLayer';
import { LassoOverlay } from './LassoOverlay';
import { ChartEntityPane } from './ChartEntityPane';
import { useEntityDrop } from './useEntityDrop';
import { useSharedSelection } from './sharedSelection';
import { Minimap } from './Minimap';
import { useCytoscape } from './useCytoscape';

type Loaded = ChartData & { chart: { settings: ChartSettings } };

/** One open chart: toolbar, filters, the canvas, and the dialogs its actions open. */
export function ChartTab({ chartId }: { chartId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [layout, setLayout] = useState<{ run: LayoutRun; done: number; total: number } | null>(null);
  const [onlySelection, setOnlySelection] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const [lasso, setLasso] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const tooltip = useRef<HTMLDivElement>(null);
  const handle = useRef<HTMLDivElement>(null);
  const casePath = useSession((s) => s.info?.path ?? '');

  useEffect(() => {
    call('chart.open', { id: chartId }).then(setData, setError);
  }, [chartId]);
  const { container, ctl } = useCytoscape(data, setError);
  const version = useSyncExternalStore(ctl?.subscribe ?? noopSubscribe, ctl?.getVersion ?? zero);

  useEffect(() => {
    if (ctl && ctl.settings.rules.length > 0) {
      loadMeasures(
        ctl,
        ctl.settings.rules.map((r) => r.measure),
      ).then(() => {
        ctl.refreshView();
        // Sizes by a measure change the chart's extent: a chart with no saved view fits again.
        if (!ctl.settings.viewport) ctl.fit();
      }, setError);
    }
    if (!ctl) return;
    const sel = () => ctl.notify();
    ctl.cy.on('select unselect', sel);
    return () => void ctl.cy.off('select unselect', sel);
  }, [ctl]);

  useEffect(() => {
    if (!ctl) return;
    useActiveChart.setState({ ctl });
    return () => {
      if (useActiveChart.getState().ctl === ctl) useActiveChart.setState({ ctl: null });
    };
  }, [ctl]);

  const refs = useMemo(() => ({ tooltip, handle }), []);
  const handlers = useMemo(
    () => ({
      onNewEntity: (at: Position) => setDialog({ kind: 'entity', at }),
      onLinkDrawn: (from: string, to: string) => setDialog({ kind: 'link', from, to }),
      tooltipText: (x: NodeSingular | EdgeSingular) =>
        x.isNode()
          ? [String(x.data('label') || t('entity.noCaption')), schemaLabel(String(x.data('schema'))), x.data('handling') ? `${t('chart.handling')} ${x.data('handling')}` : '']
              .filter(Boolean)
              .join(' · ')
          : [String(x.data('label')), x.data('grade') ? t('chart.grade', { grade: x.data('grade') }) : t('chart.ungraded'), x.data('start') ? `${x.data('start')} – ${x.data('end') ?? ''}` : '']
              .filter(Boolean)
              .join(' · '),
    }),
    [t],
  );
  useChartInteractions(ctl, refs, handlers);
  useEntityDrop(ctl, setError);
  useSharedSelection(ctl);

  const selected = ctl ? ctl.cy.nodes(':selected').not('.group').map((n) => n.id()) : [];
  const selectedGroup = ctl?.cy.nodes('.group:selected').first();
  void version;

  const layoutWith = useCallback(
    (kind: LayoutKind) => {
      if (!ctl) return;
      const run = runLayout(ctl, { kind, onlySelection, onProgress: (done, total) => setLayout((l) => (l ? { ...l, done, total } : l)) });
      setLayout({ run, done: 0, total: 1 });
      void run.done.then(() => setLayout(null));
    },
    [ctl, onlySelection],
  );

  useChartKeys(ctl, { onError: setError, onEscape: () => setLasso(false), onDelete: (ids) => setDialog({ kind: 'delete', ids }) });

  if (error && !data) return <ErrorCallout error={error} />;
  const act = (p: Promise<unknown>) => void p.catch(setError);
  const firstSelected = selected.length === 1 ? ctl?.cy.getElementById(selected[0]!) : null;
  const dir = casePath.replace(/[^/\\]*$/, '');

  return (
    <div className="chart-tab">
      {notice && (
        <Callout intent="success" className="chart-notice" role="status" data-testid="chart-saved-notice">
          {notice}
        </Callout>
      )}
      {data?.notices.map((n, i) => (
        <Callout key={i} intent="warning" className="chart-notice" role="status">
          {n.kind === 'deleted' ? t('chart.notice.deleted', { count: n.count }) : t('chart.notice.corrupt')}
        </Callout>
      ))}
      {ctl && (
        <div className="chart-toolbar" role="toolbar" aria-label={t('chart.toolbar')}>
          <ButtonGroup variant="minimal">
            <Tooltip content={t('chart.undo', { what: ctl.history.canUndo ?? '' })} disabled={!ctl.history.canUndo}>
              <Button icon={<UndoIcon />} aria-label={t('chart.undoShort')} disabled={!ctl.history.canUndo} onClick={() => act(ctl.history.undo())} />
            </Tooltip>
            <Button icon={<RedoIcon />} aria-label={t('chart.redoShort')} disabled={!ctl.history.canRedo} onClick={() => act(ctl.history.redo())} />
          </ButtonGroup>
          <AddSearch onAdd={(id) => act(ctl.addEntities([id]))} />
          <Button
            size="small"
            icon={<PathSearchIcon />}
            text={t('chart.expandButton')}
            disabled={selected.length === 0}
            onClick={() => setDialog({ kind: 'expand', from: selected })}
          />
          <Popover
            placement="bottom-start"
            content={
              <Menu>
                {LAYOUTS.map((k) => (
                  <MenuItem key={k} text={t(`chart.layout.${k}`)} onClick={() => layoutWith(k)} />
                ))}
                <MenuDivider />
                <li className="menu-switch">
                  <Switch label={t('chart.layout.selectionOnly')} checked={onlySelection} onChange={(e) => setOnlySelection(e.currentTarget.checked)} />
                </li>
              </Menu>
            }
          >
            <Button size="small" icon={<LayoutAutoIcon />} endIcon={<ChevronDownIcon />} text={t('chart.layoutButton')} />
          </Popover>
          <Popover
            placement="bottom-start"
            content={
              <Menu>
                <MenuItem text={t('chart.select.all')} onClick={() => ctl.entityNodes().select()} />
                <MenuItem text={t('chart.select.neighbours')} onClick={() => ctl.cy.nodes(':selected').neighborhood('node').not('.group').select()} />
                <MenuItem
                  text={t('chart.select.invert')}
                  onClick={() => {
                    const was = ctl.entityNodes().filter(':selected');
                    ctl.entityNodes().not(was).select();
                    was.unselect();
                  }}
                />
                <MenuItem text={t('chart.select.none')} onClick={() => ctl.cy.elements().unselect()} />
              </Menu>
            }
          >
            <Button size="small" icon={<SelectIcon />} endIcon={<ChevronDownIcon />} text={t('chart.selectButton')} />
          </Popover>
          <Button
            size="small"
            variant="minimal"
            icon={<PolygonFilterIcon />}
            aria-label={t('chart.lasso.toggle')}
            title={t('chart.lasso.toggle')}
            aria-pressed={lasso}
            active={lasso}
            onClick={() => setLasso((on) => !on)}
          />
          <ButtonGroup variant="minimal">
            <Button icon={<PinIcon />} aria-label={t('chart.pin')} disabled={selected.length === 0} onClick={() => act(ctl.pin(selected, true))} />
            <Button icon={<UnpinIcon />} aria-label={t('chart.unpin')} disabled={selected.length === 0} onClick={() => act(ctl.pin(selected, false))} />
            <Button
              icon={<GroupObjectsIcon />}
              aria-label={t('chart.groupOrg')}
              title={t('chart.groupOrg')}
              disabled={!firstSelected || !ORG_SCHEMAS.includes(String(firstSelected.data('schema')))}
              onClick={() => firstSelected && act(groupOrganisation(ctl, firstSelected.id()))}
            />
            <Button
              icon={<CollapseAllIcon />}
              aria-label={t('chart.collapse')}
              title={t('chart.collapse')}
              disabled={!selectedGroup || selectedGroup.empty()}
              onClick={() => selectedGroup && act(toggleCollapse(ctl, selectedGroup.id().slice('group:'.length)))}
            />
            <Button icon={<TrashIcon />} aria-label={t('chart.deleteButton')} disabled={selected.length === 0} onClick={() => setDialog({ kind: 'delete', ids: selected })} />
            <Button
              icon={<TargetIcon />}
              aria-label={t('chart.targets.button')}
              title={t('chart.targets.button')}
              disabled={selected.length === 0}
              onClick={() => setDialog({ kind: 'targets', ids: selected })}
            />
          </ButtonGroup>
          <Popover
            placement="bottom-start"
            content={
              <Menu>
                <MenuItem text={t('chart.rules.size')} onClick={() => act(addRule(ctl, { kind: 'size', measure: 'betweenness' }))} />
                <MenuItem text={t('chart.rules.colour')} onClick={() => act(addRule(ctl, { kind: 'colour', measure: 'community' }))} />
                <MenuItem text={t('chart.rules.badge')} onClick={() => act(addRule(ctl, { kind: 'badge', measure: 'articulation', threshold: 1 }))} />
                <MenuDivider />
                <MenuItem text={t('chart.rules.clear')} disabled={ctl.settings.rules.length === 0} onClick={() => act(ctl.changeSettings('style', { ...ctl.settings, rules: [] }))} />
              </Menu>
            }
          >
            <Button size="small" icon={<StyleIcon />} endIcon={<ChevronDownIcon />} text={t('chart.rulesButton')} />
          </Popover>
          <ButtonGroup variant="minimal">
            <Button icon={<ZoomToFitIcon />} aria-label={t('chart.fit')} title={t('chart.fit')} onClick={() => ctl.fit()} />
            <Button
              icon={<ZoomInIcon />}
              aria-label={t('chart.zoomSelection')}
              title={t('chart.zoomSelection')}
              disabled={selected.length === 0}
              onClick={() => ctl.fit(ctl.cy.nodes(':selected'), 60)}
            />
            <Button
              icon={<DocumentOpenIcon />}
              aria-label={t('chart.openEntity')}
              title={t('chart.openEntity')}
              disabled={selected.length !== 1}
              onClick={() => useWorkspace.getState().select(selected[0]!)}
            />
            <Button
              icon={<PropertiesIcon />}
              aria-label={t('chart.entityPane.toggle')}
              title={t('chart.entityPane.toggle')}
              aria-pressed={listOpen}
              active={listOpen}
              onClick={() => setListOpen((o) => !o)}
            />
            <Button
              icon={<ListDetailViewIcon />}
              aria-label={t('chart.inspectorToggle')}
              title={t('chart.inspectorToggle')}
              active={panelOpen}
              onClick={() => setPanelOpen((o) => !o)}
            />
            <Button icon={<ExportIcon />} aria-label={t('chart.exportButton')} title={t('chart.exportButton')} onClick={() => setDialog({ kind: 'export' })} />
          </ButtonGroup>
          <span className="chart-count muted small" aria-live="polite">
            {t('chart.counts', { nodes: formatNumber(ctl.entityNodes().length), edges: formatNumber(ctl.cy.edges().not('.merged, .ghost').length), selected: formatNumber(selected.length) })}
          </span>
        </div>
      )}
      {ctl && <FilterBar ctl={ctl} />}
      {layout && (
        <div className="chart-progress" role="status">
          <span className="small">{t('chart.layout.running')}</span>
          <ProgressBar value={layout.total ? layout.done / layout.total : 0} intent="primary" />
          <Button size="small" text={t('chart.cancel')} onClick={() => layout.run.cancel()} />
        </div>
      )}
      <div className="chart-stage">
        <div ref={container} className="chart-canvas" data-testid="chart-canvas" tabIndex={0} aria-label={t('chart.canvas')} />
        {ctl && <IconLayer ctl={ctl} />}
        <div ref={tooltip} className="chart-tooltip" hidden role="tooltip" />
        <div ref={handle} className="chart-handle" hidden title={t('chart.handle')} />
        {ctl && lasso && <LassoOverlay ctl={ctl} />}
        {ctl && listOpen && <ChartEntityPane ctl={ctl} onClose={() => setListOpen(false)} />}
        {ctl && <Minimap ctl={ctl} />}
        {ctl && panelOpen && selected.length === 1 && <ChartInspector key={selected[0]} ctl={ctl} id={selected[0]!} onClose={() => setPanelOpen(false)} />}
        {!data && !error && <Spinner className="chart-spinner" />}
        {data && data.nodes.length === 0 && ctl?.entityNodes().length === 0 && (
          <NonIdealState className="chart-empty" icon={<GraphIcon size={48} />} title={t('chart.emptyTitle')} description={t('chart.emptyText')} />
        )}
      </div>
      {error !== null && data && <ErrorCallout error={error} />}
      {ctl && <ChartDialogs ctl={ctl} chartId={chartId} dialog={dialog} onClose={() => setDialog(null)} onNotice={setNotice} defaultDir={dir} />}
    </div>
  );
}

const noopSubscribe = () => () => undefined;
const zero = () => 0;
