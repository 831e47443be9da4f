import type { ChartItemInput, ChartSettings } from '../../../../shared/charts/api';
import { call } from '../../api';

// Chart state goes to the case in batches: changed ids are collected and written together a
// moment later (or at once on flush), never one call per dragged node.

const DELAY_MS = 400;

export interface SaverSource {
  /** The item as it is now, or null when the entity is no longer on the chart. */
  item(id: string): ChartItemInput | null;
  settings(): ChartSettings;
}

export class Saver {
  private dirty = new Set<string>();
  private settingsDirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly chartId: string,
    private readonly source: SaverSource,
    private readonly failed: (err: unknown) => void,
  ) {}

  touch(ids: Iterable<string>): void {
    for (const id of ids) this.dirty.add(id);
    this.schedule();
  }

  touchSettings(): void {
    this.settingsDirty = true;
    this.schedule();
  }

  get pending(): boolean {
    return this.dirty.size > 0 || this.settingsDirty;
  }

  /** Writes what is pending now; resolves when it (and any write before it) is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = [...this.dirty];
    const withSettings = this.settingsDirty;
    this.dirty.clear();
    this.settingsDirty = false;
    if (ids.length === 0 && !withSettings) return this.writing;
    const upsert: ChartItemInput[] = [];
    const remove: string[] = [];
    for (const id of ids) {
      const item = this.source.item(id);
      if (item) upsert.push(item);
      else remove.push(id);
    }
    const settings = withSettings ? this.source.settings() : undefined;
    this.writing = this.writing
      .then(() => call('chart.save', { id: this.chartId, upsert, remove, ...(settings ? { settings } : {}) }))
      .then(
        () => undefined,
        (err: unknown) => this.failed(err),
      );
    return this.writing;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), DELAY_MS);
  }
}
