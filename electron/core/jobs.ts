import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../shared/api';
import { CordonError } from '../../shared/errors';

// Long work (imports, analyses, demo builds) runs as a job: it reports progress through the
// `progress` event and can be cancelled by id with `job.cancel`, which the runtime answers
// without waiting behind the job itself, until it says it is saving its result.

export interface Job {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Reports progress; throttled so that a tight loop does not flood the renderer. */
  progress(done: number, total?: number): void;
  /** Throws CANCELLED if the job was cancelled; call between units of work. */
  check(): void;
  /** Yields to the event loop (so a cancel can arrive), then checks. */
  checkpoint(): Promise<void>;
  /**
   * Says the job is now writing its result (a transaction's COMMIT, a file's rename): it can no
   * longer be cancelled, and the panel shows it saving rather than offering a Cancel that would
   * not be honoured.
   */
  saving(): void;
}

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class Jobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly emit: Emit) {}

  async run<T>(label: string, total: number, work: (job: Job) => Promise<T> | T): Promise<T> {
    const id = randomUUID();
    const controller = new AbortController();
    this.running.set(id, controller);
    let last = 0;
    let saving = false;
    let currentTotal = total;
    const job: Job = {
      id,
      signal: controller.signal,
      progress: (done, t) => {
        if (t !== undefined) currentTotal = t;
        if (saving) return;
        const now = Date.now();
        if (now - last < 100 && done < currentTotal) return;
        last = now;
        this.emit('progress', { job: id, label, done, total: currentTotal, state: 'running' });
      },
      check: () => {
        if (controller.signal.aborted) throw new CordonError('CANCELLED', `${label}: cancelled; nothing was written.`);
      },
      checkpoint: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        job.check();
      },
      saving: () => {
        job.check();
        saving = true;
        this.running.delete(id);
        this.emit('progress', { job: id, label, done: currentTotal, total: currentTotal, state: 'saving' });
      },
    };
    this.emit('progress', { job: id, label, done: 0, total, state: 'running' });
    let state: 'done' | 'cancelled' | 'failed' = 'failed';
    try {
      const result = await work(job);
      state = 'done';
      return result;
    } catch (err) {
      if (err instanceof CordonError && err.code === 'CANCELLED') state = 'cancelled';
      throw err;
    } finally {
      this.running.delete(id);
      // The last event says how the job ended, so no partial result is ever shown as complete.
      this.emit('progress', { job: id, label, done: state === 'done' ? currentTotal : 0, total: currentTotal, state });
    }
  }

  cancel(id: string): boolean {
    const c = this.running.get(id);
    if (!c) return false;
    c.abort();
    return true;
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
