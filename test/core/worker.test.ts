import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../electron/core/client';
import { tempDir } from './helpers';

describe('the core worker thread', () => {
  it('answers contract calls and forwards events, off the calling thread', async () => {
    const dir = tempDir();
    const client = startCoreWorker(new URL('./support/ts-worker.mjs', import.meta.url), { dataDir: dir });
    try {
      const events: unknown[] = [];
      client.on('locked', (p) => events.push(p));
      const created = await client.call('case.create', { path: join(dir, 'w.cordon'), passphrase: 'worker pw', name: 'W', bureau: 'PL' });
      expect(created).toMatchObject({ ok: true, value: { name: 'W', bureau: 'PL' } });
      expect(await client.call('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      await client.call('case.lock', {});
      expect(events).toEqual([{ reason: 'user' }]);
    } finally {
      await client.terminate();
    }
    // After the worker has stopped, calls fail with a code instead of hanging.
    expect(await client.call('case.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
