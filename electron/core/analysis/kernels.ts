import { brandes, type BrandesGraph, type SourceSet } from './brandes';
import { harmonic } from './harmonic';

// The kernels a worker thread can run, and the messages it exchanges (worker.ts, pool.ts).

export const KERNELS = { brandes, harmonic } as const;
export type Kernel = keyof typeof KERNELS;

export interface KernelTask {
  kernel: Kernel;
  graph: BrandesGraph;
  sources: SourceSet;
}

export type KernelReply = { type: 'progress'; done: number } | { type: 'done'; out: Float64Array };
