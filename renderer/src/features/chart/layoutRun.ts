// A running chart layout, whichever engine runs it (layouts.ts, groupedLayout.ts). Its own file so
// that layouts.ts may import groupedLayout.ts without groupedLayout.ts importing back.

export interface LayoutRun {
  /** Resolves when the layout has been applied (or was cancelled). */
  done: Promise<void>;
  cancel(): void;
}
