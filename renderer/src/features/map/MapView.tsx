import { Button, ButtonGroup, Callout, NonIdealState, Tooltip } from '@blueprintjs/core';
import { CrossIcon, MapMarkerIcon, ZoomInIcon, ZoomOutIcon, ZoomToFitIcon } from '@blueprintjs/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema } from '../../../../shared/catalogue';
import type { MapData } from '../../../../shared/map/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { formatNumber } from '../../format';
import { useSelection } from '../../state/selection';
import { useWorkspace } from '../../state/workspace';
import { typeColour } from '../chart/icons';
import { PropertyTable } from '../entities/PropertyTable';
import { useEntity } from '../entities/useEntity';
import { ATTRIBUTION } from './basemap';
import { MovementStrip } from './MovementStrip';
import { UnplacedPane, PLACE_DRAG_TYPE } from './UnplacedPane';
import { useMapCanvas } from './useMapCanvas';
import './map.css';

/** The Map module (issue 19): the case's located entities on the basemap that ships with the app. */
export function MapView() {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const [data, setData] = useState<MapData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [placing, setPlacing] = useState(false);
  const selected = useSelection((s) => s.ids);
  useEffect(() => {
    call('map.data', {}).then(setData, setError);
  }, [version]);
  const { canvas, map } = useMapCanvas(data);
  const types = useMemo(() => data?.schemas ?? [], [data]);
  const located = new Set(data?.ids ?? []);
  const shown = selected.filter((id) => located.has(id));

  const onDrop = (e: React.DragEvent<HTMLCanvasElement>) => {
    const id = e.dataTransfer.getData(PLACE_DRAG_TYPE);
    if (!id || !map) return;
    e.preventDefault();
    const r = e.currentTarget.getBoundingClientRect();
    const [longitude, latitude] = map.lonLatAt(e.clientX - r.left, e.clientY - r.top);
    call('map.place', { id, latitude: round(latitude), longitude: round(longitude), via: 'hand' }).then(() => afterWrite(), setError);
  };

  return (
    <div className="map-view">
      <div className="map-toolbar">
        <ButtonGroup>
          <Tooltip content={t('map.fit')}>
            <Button icon={<ZoomToFitIcon />} aria-label={t('map.fit')} onClick={() => map?.fit()} />
          </Tooltip>
          <Tooltip content={t('map.zoomIn')}>
            <Button icon={<ZoomInIcon />} aria-label={t('map.zoomIn')} onClick={() => map?.zoomBy(1)} />
          </Tooltip>
          <Tooltip content={t('map.zoomOut')}>
            <Button icon={<ZoomOutIcon />} aria-label={t('map.zoomOut')} onClick={() => map?.zoomBy(-1)} />
          </Tooltip>
        </ButtonGroup>
        <Button icon={<MapMarkerIcon />} text={t('map.placeAddresses')} active={placing} onClick={() => setPlacing(!placing)} />
        <span className="map-counts muted small" data-testid="map-counts">
          {data ? t('map.counts', { points: formatNumber(data.ids.length), links: formatNumber(data.links.length / 2), selected: formatNumber(shown.length) }) : ''}
        </span>
      </div>
      {error !== null && <ErrorCallout error={error} />}
      {data && data.truncated > 0 && <Callout intent="warning">{t('map.truncated', { count: data.truncated })}</Callout>}
      <MovementStrip map={map} data={data} selectedId={selected.length === 1 ? selected[0]! : null} />
      <div className="map-body">
        <canvas
          ref={canvas}
          className="map-canvas"
          tabIndex={0}
          role="application"
          aria-label={t('map.label')}
          onDragOver={(e) => e.dataTransfer.types.includes(PLACE_DRAG_TYPE) && e.preventDefault()}
          onDrop={onDrop}
        />
        {data && data.ids.length === 0 && !placing && (
          <div className="map-empty">
            <NonIdealState icon={<MapMarkerIcon />} title={t('map.empty.title')} description={t('map.empty.text')} />
          </div>
        )}
        {placing && <UnplacedPane onClose={() => setPlacing(false)} onError={setError} />}
        {shown.length === 1 && <MapInspector id={shown[0]!} />}
        <div className="map-legend small">
          {types.map((s) => (
            <span key={s} className="map-legend-item">
              <span className="map-legend-dot" style={{ background: typeColour(s) }} />
              {schemaLabel(s)}
            </span>
          ))}
        </div>
        <div className="map-attribution muted">{ATTRIBUTION}</div>
      </div>
    </div>
  );
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The selected entity's values beside the map, each with its source card. */
function MapInspector({ id }: { id: string }) {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const { detail, error } = useEntity(id, version);
  const schema = detail ? getSchema(detail.schema) : undefined;
  return (
    <aside className="map-inspector" aria-label={t('map.inspector')}>
      <header className="map-inspector-header">
        {detail && <SchemaIcon schema={detail.schema} size={18} />}
        <h3 className="map-inspector-title">{detail ? detail.caption || t('entity.noCaption') : ''}</h3>
        <Button variant="minimal" size="small" icon={<CrossIcon />} aria-label={t('map.inspectorClose')} onClick={() => useSelection.getState().setSelection([], 'map')} />
      </header>
      {error !== null && <ErrorCallout error={error} />}
      {detail && schema && (
        <>
          <div className="muted small">{schemaLabel(detail.schema)}</div>
          <PropertyTable entity={detail} schema={schema} />
        </>
      )}
    </aside>
  );
}
