import { Button, Callout } from '@blueprintjs/core';
import { PathIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MovementResult } from '../../../../shared/comms/dto';
import type { MapData } from '../../../../shared/map/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { useEntity } from '../entities/useEntity';
import type { MapCanvas } from './MapCanvas';

interface Props {
  map: MapCanvas | null;
  data: MapData | null;
  /** The one selected entity, if any. */
  selectedId: string | null;
}

/**
 * When the one selected entity is a phone (selected on the chart, in the list or on the timeline),
 * its path through its cell sites is drawn on the map and summed up here (comms.movement).
 */
export function MovementStrip({ map, data, selectedId }: Props) {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const { detail } = useEntity(selectedId, version);
  const phoneId = detail?.schema === 'Phone' ? detail.id : null;
  const [movement, setMovement] = useState<MovementResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    if (!phoneId) return setMovement(null);
    let live = true;
    call('comms.movement', { phone: phoneId }).then(
      (m) => live && setMovement(m),
      (e: unknown) => live && (setMovement(null), setError(e)),
    );
    return () => {
      live = false;
    };
  }, [phoneId, version]);
  useEffect(() => {
    if (!map) return;
    map.setMovement(movement?.stays ?? null);
    // After the strip above the map has taken its place: the canvas is its final size then.
    if (movement && movement.stays.length > 0 && data) requestAnimationFrame(() => map.fitMovement());
  }, [map, movement, data]);
  useEffect(() => () => map?.setMovement(null), [map]);

  if (error !== null) return <ErrorCallout error={error} />;
  if (!movement) return null;
  const first = movement.stays[0];
  const last = movement.stays[movement.stays.length - 1];
  return (
    <Callout className="map-movement" icon={<PathIcon />} data-testid="map-movement">
      <strong>{t('map.movement.title', { phone: movement.phone.caption || movement.phone.phone })}</strong>{' '}
      {first && last
        ? t('map.movement.summary', { stays: formatNumber(movement.stays.length), from: formatDateTime(first.from), to: formatDateTime(last.to) })
        : t('map.movement.none')}{' '}
      {(movement.unlocated > 0 || movement.noCell > 0) && (
        <span className="muted">{t('map.movement.apart', { unlocated: formatNumber(movement.unlocated), noCell: formatNumber(movement.noCell) })}</span>
      )}
      {movement.stays.length > 0 && <Button variant="minimal" size="small" text={t('map.movement.fit')} onClick={() => map?.fitMovement()} />}
    </Callout>
  );
}
