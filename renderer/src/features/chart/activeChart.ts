import { create } from 'zustand';
import type { ChartController } from './controller';

// The chart in front, for other panels (the analysis panel sizes, colours and highlights it).
// Set by ChartTab while it is mounted; null when no chart is on screen.
export const useActiveChart = create<{ ctl: ChartController | null }>()(() => ({ ctl: null }));
