// point-in-polygon ships no types: one function, ray casting over [x, y] pairs.
declare module 'point-in-polygon' {
  function pointInPolygon(point: readonly [number, number], polygon: ReadonlyArray<readonly [number, number]>): boolean;
  export default pointInPolygon;
}
