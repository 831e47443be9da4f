import { unitsPerMetre } from './projection';

// A cell site's coverage wedge (issue 19): a sector from the mast, centred on the azimuth (degrees
// clockwise from north) and as wide as the beam. Cell-site lists often give no range: then the
// wedge is drawn DEFAULT_RANGE_M long and dashed, so nobody reads it as a measured coverage.

export const DEFAULT_RANGE_M = 2000;

export interface Wedge {
  /** The mast, in world units. */
  x: number;
  y: number;
  /** Radius in world units. */
  r: number;
  /** Canvas angles (radians; 0 = east, clockwise as y points south). */
  start: number;
  end: number;
  /** The range was not known: drawn at DEFAULT_RANGE_M. */
  assumed: boolean;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

export function wedgeOf(x: number, y: number, lat: number, azimuth: number, beamWidth: number, rangeM: number): Wedge {
  const assumed = !(rangeM > 0);
  const r = (assumed ? DEFAULT_RANGE_M : rangeM) * unitsPerMetre(lat);
  // Compass bearing → canvas angle: north is -90° on a canvas.
  const beam = Math.max(1, Math.min(360, beamWidth));
  const mid = rad(azimuth - 90);
  return { x, y, r, start: mid - rad(beam) / 2, end: mid + rad(beam) / 2, assumed };
}

/** The wedge's outline as points (world units): the mast, the arc, back to the mast. */
export function wedgeOutline(w: Wedge, steps = 16): Array<[number, number]> {
  const pts: Array<[number, number]> = [[w.x, w.y]];
  for (let i = 0; i <= steps; i++) {
    const a = w.start + ((w.end - w.start) * i) / steps;
    pts.push([w.x + w.r * Math.cos(a), w.y + w.r * Math.sin(a)]);
  }
  pts.push([w.x, w.y]);
  return pts;
}
