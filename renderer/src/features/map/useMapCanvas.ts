import { useEffect, useRef, useState } from 'react';
import type { MapData } from '../../../../shared/map/dto';
import { useSelection } from '../../state/selection';
import { typeColour } from '../chart/icons';
import { MapCanvas } from './MapCanvas';

// The one hook that owns the map's canvas controller: created on mount, fed the case's located
// entities and the shared selection, destroyed on unmount. React never renders per point.
export function useMapCanvas(data: MapData | null) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [map, setMap] = useState<MapCanvas | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const m = new MapCanvas(canvas.current, typeColour, {
      onSelect: (ids, additive) => {
        const cur = useSelection.getState().ids;
        const next = additive ? (cur.includes(ids[0]!) ? cur.filter((x) => x !== ids[0]) : [...cur, ...ids]) : ids;
        useSelection.getState().setSelection(next, 'map');
      },
    });
    m.setSelection(useSelection.getState().ids);
    const off = useSelection.subscribe((s) => m.setSelection(s.ids));
    setMap(m);
    return () => {
      off();
      m.destroy();
      setMap(null);
    };
  }, []);
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || !data) return;
    map.setData(data);
    map.setSelection(useSelection.getState().ids);
    // Fit once, on the first data: later refreshes (a new place) keep the analyst's view.
    if (!fitted.current) {
      fitted.current = true;
      map.fit();
    }
  }, [map, data]);
  return { canvas, map };
}
