import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, CHANNELS, CORE_METHODS, HOST_METHODS, METHODS } from '../../shared/api';
import { createHandlers } from '../../electron/core/handlers';
import { Session } from '../../electron/core/session';
import { tempDir, testCore } from './helpers';

describe('the contract', () => {
  it('every core method has a handler and every handler is in the contract', () => {
    const handlers = createHandlers(new Session({ dataDir: tempDir(), emit: () => undefined }));
    expect(Object.keys(handlers).sort()).toEqual([...CORE_METHODS].sort());
    expect([...CORE_METHODS, ...HOST_METHODS].sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(api[m].input.safeParse).toBeTypeOf('function');
    expect(CHANNELS.call).not.toBe(CHANNELS.event);
  });

  it('a method not in the contract is refused with UNKNOWN_METHOD', async () => {
    const core = testCore(tempDir());
    for (const m of ['case.delete', '__proto__', 'constructor', 'toString', 'dialog.pickCaseFile', 42, null]) {
      const r = await core.call(m, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('input that fails its schema is refused with INVALID_INPUT, naming the field, and writes nothing', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 'c.cordon'), passphrase: 'contract pw', name: 'C', bureau: 'IT' });
    const before = (await core.ok('audit.list', {})).total;
    const bad: Array<[string, unknown]> = [
      ['entity.create', { schema: 'Alien', properties: {} }],
      ['entity.create', { schema: 'Person', properties: { name: 'not an array' } }],
      ['entity.create', 'a string'],
      ['link.create', { schema: 'Person', from: 'a', to: 'b' }],
      ['source.create', { title: '', scheme: 'eu4x4', grade: 'B2' }],
      ['source.create', { title: 't', scheme: 'eu4x4', grade: 'B2', tlp: 'PURPLE' }],
      ['entity.list', { limit: 1_000_000 }],
      ['case.create', { path: '', passphrase: 'x', name: 'n', bureau: 'IT' }],
      ['case.create', { path: '/tmp/x', passphrase: 'x', name: 'n', bureau: 'not a code!' }],
    ];
    for (const [method, input] of bad) {
      const r = await core.call(method, input);
      expect(r, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/);
    }
    const tlp = await core.call('source.create', { title: 't', scheme: 'eu4x4', grade: 'B2', tlp: 'PURPLE' });
    expect(!tlp.ok && tlp.error.message).toMatch(/^tlp: /);
    expect((await core.ok('audit.list', {})).total).toBe(before);
    expect((await core.ok('case.info', {}))!.entities).toBe(0);
  });

  it('errors cross as codes and messages only, never stacks', async () => {
    const core = testCore(tempDir());
    const r = await core.call('entity.get', { id: 'IT-x' });
    expect(r).toEqual({ ok: false, error: { code: 'NO_CASE_OPEN', message: 'No case is open.' } });
  });
});
