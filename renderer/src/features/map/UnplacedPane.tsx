import { Button, Spinner } from '@blueprintjs/core';
import { CrossIcon, GlobeIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnplacedAddress } from '../../../../shared/map/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { useWorkspace } from '../../state/workspace';

/** What a dragged address carries to the map canvas. */
export const PLACE_DRAG_TYPE = 'application/x-cordon-place';

/**
 * Addresses with no coordinates yet: drag one onto the map to place it by hand, or place it at
 * its city's centre from the offline gazetteer. Either way the coordinates are values with a
 * source that says how they were found.
 */
export function UnplacedPane({ onClose, onError }: { onClose(): void; onError(err: unknown): void }) {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const [rows, setRows] = useState<UnplacedAddress[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    call('map.unplaced', {}).then(setRows, onError);
  }, [version, onError]);

  const fromGazetteer = async (a: UnplacedAddress) => {
    if (!a.city) return;
    const hits = await call('map.gazetteer', { city: a.city, ...(a.country ? { country: a.country } : {}) });
    const hit = hits[0];
    if (!hit) {
      setNotice(t('map.gazetteerNone', { city: a.city }));
      return;
    }
    await call('map.place', { id: a.id, latitude: hit.latitude, longitude: hit.longitude, via: 'gazetteer' });
    setNotice(t('map.gazetteerPlaced', { caption: a.caption, city: hit.name, country: hit.country.toUpperCase() }));
    await afterWrite();
  };

  return (
    <aside className="map-unplaced" aria-label={t('map.unplaced')}>
      <header className="map-inspector-header">
        <h3 className="map-inspector-title">{t('map.unplaced')}</h3>
        <Button variant="minimal" size="small" icon={<CrossIcon />} aria-label={t('map.unplacedClose')} onClick={onClose} />
      </header>
      <p className="muted small">{t('map.unplacedHint')}</p>
      {notice && <p className="small">{notice}</p>}
      {rows === null && <Spinner size={20} />}
      {rows && rows.length === 0 && <p className="muted small">{t('map.unplacedNone')}</p>}
      <ul className="map-unplaced-list">
        {rows?.map((a) => (
          <li key={a.id} draggable onDragStart={(e) => e.dataTransfer.setData(PLACE_DRAG_TYPE, a.id)}>
            <span className="map-unplaced-caption">{a.caption || a.id}</span>
            <Button
              size="small"
              variant="minimal"
              icon={<GlobeIcon />}
              disabled={!a.city}
              aria-label={t('map.fromGazetteer', { caption: a.caption })}
              title={a.city ? t('map.fromGazetteer', { caption: a.caption }) : t('map.noCity')}
              onClick={() => void fromGazetteer(a).catch(onError)}
            />
          </li>
        ))}
      </ul>
    </aside>
  );
}
