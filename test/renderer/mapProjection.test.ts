import { describe, expect, it } from 'vitest';
import { buildIndex, itemsIn, openingZoom } from '../../renderer/src/features/map/clusters';
import { fitBox, MAX_LAT, project, toScreen, toWorld, unitsPerMetre, unproject, visibleBounds, WORLD, worldProjection, zoomAbout, type View } from '../../renderer/src/features/map/projection';
import { DEFAULT_RANGE_M, wedgeOf, wedgeOutline } from '../../renderer/src/features/map/wedge';

// The map's geometry (issue 19): Web Mercator world units, the view's transform, coverage wedges
// and the clusters that open on click.

const view: View = { cx: WORLD / 2, cy: WORLD / 2, zoom: 2, width: 800, height: 600 };

describe('projection', () => {
  it('puts known places where Web Mercator tiles put them', () => {
    expect(project(0, 0)).toEqual([128, 128]);
    expect(project(-180, MAX_LAT)[0]).toBe(0);
    expect(project(-180, MAX_LAT)[1]).toBeCloseTo(0, 6);
    expect(project(180, -MAX_LAT)[1]).toBeCloseTo(256, 6);
    // Paris: tile z=10 x=518 y=352 holds 48.8566 N 2.3522 E.
    const [x, y] = project(2.3522, 48.8566);
    expect(Math.floor((x * 1024) / 256)).toBe(518);
    expect(Math.floor((y * 1024) / 256)).toBe(352);
  });

  it('agrees with d3-geo (the basemap is drawn through it) and inverts', () => {
    const d3 = worldProjection();
    for (const [lon, lat] of [
      [2.3522, 48.8566],
      [-74.006, 40.7128],
      [151.2093, -33.8688],
      [139.69, 35.69],
      [-0.1276, 51.5072],
    ] as const) {
      const [x, y] = project(lon, lat);
      const [dx, dy] = d3([lon, lat])!;
      expect(x).toBeCloseTo(dx, 9);
      expect(y).toBeCloseTo(dy, 9);
      const [lon2, lat2] = unproject(x, y);
      expect(lon2).toBeCloseTo(lon, 9);
      expect(lat2).toBeCloseTo(lat, 9);
    }
    // Beyond Web Mercator's edge a latitude is clamped, never infinite.
    expect(Number.isFinite(project(0, 90)[1])).toBe(true);
  });

  it('maps screen and world both ways, zooms about the pointer and fits a box', () => {
    const [sx, sy] = toScreen(view, 130, 120);
    expect(toWorld(view, sx, sy)).toEqual([130, 120]);
    const z = zoomAbout(view, 1.5, 100, 50);
    expect(z.zoom).toBe(3.5);
    const before = toWorld(view, 100, 50);
    const after = toWorld(z, 100, 50);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
    expect(zoomAbout(view, -10, 0, 0).zoom).toBe(0);
    const fit = fitBox(view, [100, 100, 110, 105], 0);
    expect(fit.cx).toBe(105);
    expect(fit.zoom).toBeCloseTo(Math.log2(80), 9);
    const [w, s, e, n] = visibleBounds({ ...view, zoom: 0, width: 256, height: 256 });
    expect([w, e]).toEqual([-180, 180]);
    expect(s).toBeCloseTo(-MAX_LAT, 6);
    expect(n).toBeCloseTo(MAX_LAT, 6);
  });
});

describe('coverage wedges', () => {
  it('points along the azimuth, as wide as the beam, as long as the range', () => {
    const [x, y] = project(4.8357, 45.764);
    const east = wedgeOf(x, y, 45.764, 90, 60, 5000);
    expect(east.assumed).toBe(false);
    expect(east.r).toBeCloseTo(5000 * unitsPerMetre(45.764), 12);
    // Canvas angles: 0 is east; a 60° beam spans ±30°.
    expect(east.start).toBeCloseTo(-Math.PI / 6, 12);
    expect(east.end).toBeCloseTo(Math.PI / 6, 12);
    const north = wedgeOf(x, y, 45.764, 0, 120, 0);
    expect(north.assumed).toBe(true);
    expect(north.r).toBeCloseTo(DEFAULT_RANGE_M * unitsPerMetre(45.764), 12);
    const outline = wedgeOutline(north, 2);
    // Mast, the arc's ends and middle, mast: the middle of the arc lies due north (y smaller).
    expect(outline[0]).toEqual([x, y]);
    expect(outline[2]![0]).toBeCloseTo(x, 12);
    expect(outline[2]![1]).toBeCloseTo(y - north.r, 12);
    expect(outline.at(-1)).toEqual([x, y]);
  });
});

describe('clusters', () => {
  it('groups near points at low zoom, opens them by zooming, and shows every point up close', () => {
    const lat: number[] = [];
    const lon: number[] = [];
    // 100 points in central Paris, 1 in Lyon.
    for (let i = 0; i < 100; i++) {
      lat.push(48.85 + (i % 10) * 0.001);
      lon.push(2.35 + Math.floor(i / 10) * 0.001);
    }
    lat.push(45.764);
    lon.push(4.8357);
    const index = buildIndex({ lat, lon });
    const world: [number, number, number, number] = [-180, -85, 180, 85];
    const far = itemsIn(index, world, 4);
    expect(far).toHaveLength(2);
    const paris = far.find((d) => d.cluster >= 0)!;
    expect(paris.count).toBe(100);
    expect(far.find((d) => d.cluster < 0)!.i).toBe(100);
    const z = openingZoom(index, paris.cluster);
    expect(z).toBeGreaterThan(4);
    expect(itemsIn(index, world, z).length).toBeGreaterThan(2);
    const close = itemsIn(index, world, 18);
    expect(close).toHaveLength(101);
    expect(new Set(close.map((d) => d.i)).size).toBe(101);
  });
});
