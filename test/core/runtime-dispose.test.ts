import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_CHECK_MS } from '../../electron/core/runtime';
import { openCase } from './interchange/support';

// Closing the app (or a test) disposes the core while a long job may still hold the call queue;
// the idle-lock check queued behind that job must then do nothing, not run on the closed case.

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('core dispose', () => {
  it('an idle check queued behind a running import does not touch the case once the core is disposed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { core, dir } = await openCase();
    const rows = ['caller,receiver'];
    for (let i = 0; i < 20_000; i++) rows.push(`+4470${String(i % 3000).padStart(7, '0')},+4471${String(i % 2000).padStart(7, '0')}`);
    const file = join(dir, 'calls.csv');
    writeFileSync(file, rows.join('\n'));
    const phone = (column: string) => ({ schema: 'Person', properties: { phone: { column } }, identity: ['phone'] });
    const spec = { version: 1 as const, entities: [{ key: 'a', ...phone('caller') }, { key: 'b', ...phone('receiver') }], links: [{ schema: 'Call', from: 'a', to: 'b', properties: {} }] };
    const running = core.call('import.run', { path: file, format: 'csv', spec });
    while (!core.events.some((e) => e.event === 'progress' && (e.payload as { done: number }).done > 0)) await new Promise((r) => setImmediate(r));
    // The idle timer fires while the import holds the queue: its check waits behind it.
    vi.advanceTimersByTime(IDLE_CHECK_MS);
    core.dispose();
    expect(await running).toMatchObject({ ok: false });
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(errors.mock.calls.filter((c) => String(c[0]).includes('idle lock failed'))).toEqual([]);
  });

  it('a call after dispose (a chart’s last save as the window closes) is answered NO_CASE_OPEN, never an internal error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { core } = await openCase();
    const chart = await core.ok('chart.create', { name: 'Last save' });
    core.dispose();
    const r = await core.call('chart.save', { id: chart.id, upsert: [], remove: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_CASE_OPEN' } });
    expect(errors.mock.calls.filter((c) => String(c[0]).includes('[cordon core]'))).toEqual([]);
  });
});
