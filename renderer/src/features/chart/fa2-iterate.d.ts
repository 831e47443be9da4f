// graphology-layout-forceatlas2 ships no types for its single-iteration kernel.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(settings: Record<string, number | boolean>, nodes: Float32Array, edges: Float32Array): void;
}
