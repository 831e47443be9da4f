import type { Job } from '../../jobs';

// An export's progress, counted in items: every entity or link read from the case, then every
// one written. Collecting and writing are synchronous loops over the case, so a cancel can only
// arrive when they yield: every STEP items they report and give the event loop a turn.

const STEP = 250;

export class ExportPace {
  private done = 0;
  private total = 0;

  constructor(private readonly job: Job) {}

  /** The items read so far plus those still to read and write. Reading plans for writing as many
   * again (merged records and withheld items only make it fewer), so the bar never runs backwards. */
  plan(toRead: number, toWrite: number): void {
    this.total = this.done + toRead + toWrite;
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
