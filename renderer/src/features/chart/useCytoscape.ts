import { useEffect, useRef, useState } from 'react';
import type { ChartSettings } from '../../../../shared/charts/api';
import type { ChartData } from '../../../../shared/charts/dto';
import { ChartController } from './controller';
import { prepareIcons } from './icons';
import { createChartCore } from './createCore';

// The one hook that owns the cytoscape instance (notes/style.md): it creates it on mount with
// the renderer options for the chart's size (react-cytoscapejs does not forward these), loads
// the chart once, and destroys it on unmount after saving what is pending. Element changes go
// through the controller in cy.batch; React never renders per element.

export function useCytoscape(data: (ChartData & { chart: { settings: ChartSettings } }) | null, onError: (err: unknown) => void) {
  const container = useRef<HTMLDivElement | null>(null);
  const [ctl, setCtl] = useState<ChartController | null>(null);
  const errorRef = useRef(onError);
  errorRef.current = onError;

  const [iconsReady, setIconsReady] = useState(false);
  useEffect(() => {
    prepareIcons().then(
      () => setIconsReady(true),
      // Without raster icons the SVG ones still draw, only slower.
      () => setIconsReady(true),
    );
  }, []);

  useEffect(() => {
    if (!data || !iconsReady || !container.current) return;
    const cy = createChartCore(container.current, data.nodes.length + data.edges.length);
    const controller = new ChartController(cy, data.chart.id, data.chart.settings, (err) => errorRef.current(err));
    controller.load(data);
    setCtl(controller);
    return () => {
      controller.rememberViewport();
      void controller.saver.flush();
      cy.destroy();
      setCtl(null);
    };
  }, [data, iconsReady]);

  return { container, ctl };
}
