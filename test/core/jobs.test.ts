import { describe, expect, it } from 'vitest';
import { Jobs } from '../../electron/core/jobs';
import { tempDir, testCore } from './helpers';

describe('jobs: progress and cancel', () => {
  it('reports progress and ends with state done', async () => {
    const events: Array<{ done: number; state: string }> = [];
    const jobs = new Jobs((_e, p) => events.push(p as never));
    const r = await jobs.run('count', 3, async (job) => {
      for (let i = 1; i <= 3; i++) {
        await job.checkpoint();
        job.progress(i);
      }
      return 'finished';
    });
    expect(r).toBe('finished');
    expect(events[0]).toMatchObject({ done: 0, state: 'running' });
    expect(events.at(-1)).toMatchObject({ done: 3, state: 'done' });
  });

  it('a cancelled job throws CANCELLED and its last event says cancelled, not complete', async () => {
    const events: Array<{ job: string; done: number; state: string }> = [];
    const jobs = new Jobs((_e, p) => events.push(p as never));
    let steps = 0;
    const running = jobs.run('long', 1000, async (job) => {
      for (let i = 0; i < 1000; i++) {
        await job.checkpoint();
        steps++;
      }
    });
    await new Promise((r) => setImmediate(r));
    expect(jobs.cancel(events[0]!.job)).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(steps).toBeLessThan(1000);
    expect(events.at(-1)).toMatchObject({ state: 'cancelled', done: 0 });
    expect(jobs.cancel(events[0]!.job)).toBe(false);
  });

  it('a job saving its result can no longer be cancelled: the cancel is refused and the job ends done', async () => {
    const events: Array<{ job: string; done: number; state: string }> = [];
    const jobs = new Jobs((_e, p) => events.push(p as never));
    let cancelledWhileSaving: boolean | undefined;
    const r = await jobs.run('commit', 10, async (job) => {
      job.progress(4);
      job.saving();
      job.progress(8); // a late tick says nothing: the panel shows saving until the end
      cancelledWhileSaving = jobs.cancel(job.id);
      await new Promise((r) => setImmediate(r));
      job.check();
      return 'committed';
    });
    expect(r).toBe('committed');
    expect(cancelledWhileSaving).toBe(false);
    expect(events.map((e) => [e.state, e.done])).toEqual([
      ['running', 0],
      ['running', 4],
      ['saving', 10],
      ['done', 10],
    ]);
  });

  it('a job cancelled before it says it is saving is cancelled', async () => {
    const jobs = new Jobs(() => undefined);
    await expect(
      jobs.run('commit', 1, async (job) => {
        jobs.cancel(job.id);
        job.saving();
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('job.cancel is answered through the contract even while another call is queued', async () => {
    const core = testCore(tempDir());
    expect(await core.ok('job.cancel', { job: '00000000-0000-4000-8000-000000000000' })).toEqual({ cancelled: false });
    expect((await core.fail('job.cancel', { job: 'not-a-uuid' })).code).toBe('INVALID_INPUT');
  });
});
