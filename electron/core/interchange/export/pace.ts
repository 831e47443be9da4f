import type { Job } from '../../jobs';

// An export's progress, counted in items: every entity or link read from the case, then every
// one written. Collecting and writing are synchronous loops over the case, so a cancel can only
// arrive when they yield: every STEP items they report and give the event loop a turn.

const STEP = 250;

export class ExportPace {
  private done = 0;
  private total = 0;

  constructor(private readonly job: Job) {}

  /** More items to go (the write phase is known only once the collect phase has ended). */
  expect(n: number): void {
    this.total += n;
  }

  async tick(): Promise<void> {
    this.done++;
    if (this.done % STEP !== 0) return;
    this.job.progress(this.done, this.total);
    await this.job.checkpoint();
  }

  /** The last word before the files are renamed into place: a cancel that arrived still counts. */
  check(): void {
    this.job.check();
  }
}

/** What a writer is given to report each item through. */
export type Tick = () => Promise<void>;
