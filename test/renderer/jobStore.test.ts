import { beforeEach, describe, expect, it, vi } from 'vitest';

// The jobs store subscribes to window.cordon's `progress` events; feed it events directly.
type Listener = (payload: unknown) => void;
const listeners: Listener[] = [];
vi.mock('../../renderer/src/api', () => ({ on: (_event: string, l: Listener) => (listeners.push(l), () => undefined) }));

const { dismissJob, jobsSnapshot } = await import('../../renderer/src/features/jobs/jobStore');

const emit = (job: string, label: string, state: string, done = 1, total = 1) => listeners.forEach((l) => l({ job, label, done, total, state }));

describe('jobs store', () => {
  beforeEach(() => {
    for (const j of jobsSnapshot()) dismissJob(j.job);
  });

  it('keeps one finished row per label, but every failure until dismissed', () => {
    const jobs = jobsSnapshot;
    for (const id of ['a', 'b', 'c']) {
      emit(id, 'Operation results', 'running', 0, 3);
      emit(id, 'Operation results', 'done', 3, 3);
    }
    emit('d', 'Writing exchange package', 'running', 0, 1);
    emit('d', 'Writing exchange package', 'failed', 0, 1);
    emit('e', 'Writing exchange package', 'running', 0, 1);
    emit('e', 'Writing exchange package', 'failed', 0, 1);
    expect(jobs().map((j) => [j.job, j.state])).toEqual([
      ['c', 'done'],
      ['d', 'failed'],
      ['e', 'failed'],
    ]);
  });

  it('a late running event never overwrites how a job ended', () => {
    const jobs = jobsSnapshot;
    emit('x', 'Import', 'running', 5, 10);
    emit('x', 'Import', 'cancelled', 0, 10);
    emit('x', 'Import', 'running', 7, 10);
    expect(jobs().find((j) => j.job === 'x')).toMatchObject({ state: 'cancelled', done: 0 });
  });

  it('a job saving its result stays saving against a late running event, then ends', () => {
    const jobs = jobsSnapshot;
    emit('s', 'Import', 'running', 5, 10);
    emit('s', 'Import', 'saving', 10, 10);
    emit('s', 'Import', 'running', 7, 10);
    expect(jobs().find((j) => j.job === 's')).toMatchObject({ state: 'saving', done: 10 });
    emit('s', 'Import', 'done', 10, 10);
    expect(jobs().find((j) => j.job === 's')).toMatchObject({ state: 'done' });
  });
});
