import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Case } from '../../electron/core/store/case';
import { tempDir, testCore } from './helpers';

const PASS = 'lock me up';

describe('lock and unlock', () => {
  it('lock drops the case; calls answer LOCKED until the right passphrase unlocks it', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 'l.cordon'), passphrase: PASS, name: 'L', bureau: 'DE' });
    const { id } = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Kept Safe'] } });
    await core.ok('case.lock', {});
    expect(core.events).toContainEqual({ event: 'locked', payload: { reason: 'user' } });
    expect(core.session.openCase).toBeNull();
    // The UI can still name the locked case (after a reload, say), but nothing more is readable.
    expect(await core.ok('case.info', {})).toMatchObject({ name: 'L', locked: true });
    expect((await core.fail('entity.get', { id })).code).toBe('LOCKED');
    expect((await core.fail('search', { query: 'kept' })).code).toBe('LOCKED');
    expect((await core.fail('case.unlock', { passphrase: 'not it' })).code).toBe('WRONG_PASSPHRASE');
    expect((await core.fail('entity.get', { id })).code).toBe('LOCKED');
    expect((await core.ok('case.unlock', { passphrase: PASS })).locked).toBe(false);
    expect((await core.ok('entity.get', { id })).caption).toBe('Kept Safe');
    const actions = (await core.ok('audit.list', { limit: 10 })).rows.map((r) => r.action);
    expect(actions).toContain('case.lock');
  });

  it('locks by itself after the idle minutes of the setting, and not before', async () => {
    const dir = tempDir();
    let now = 1_000_000;
    const core = testCore(dir, () => now);
    await core.ok('case.create', { path: join(dir, 'i.cordon'), passphrase: PASS, name: 'I', bureau: 'DE' });
    const info = await core.ok('case.setIdleLock', { minutes: 5 });
    expect(info.idleLockMinutes).toBe(5);
    now += 4 * 60_000;
    expect(core.session.checkIdle()).toBe(false);
    await core.ok('case.info', {}); // activity resets the clock
    now += 4 * 60_000;
    expect(core.session.checkIdle()).toBe(false);
    now += 60_000;
    expect(core.session.checkIdle()).toBe(true);
    expect(core.events).toContainEqual({ event: 'locked', payload: { reason: 'idle' } });
    expect((await core.fail('entity.list', {})).code).toBe('LOCKED');
  });

  it('rejects idle-lock settings out of range', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 'i.cordon'), passphrase: PASS, name: 'I', bureau: 'DE' });
    expect((await core.fail('case.setIdleLock', { minutes: 0 })).code).toBe('INVALID_INPUT');
    expect((await core.fail('case.setIdleLock', { minutes: 1.5 })).code).toBe('INVALID_INPUT');
  });
});

describe('one case at a time, and the recent list', () => {
  it('refuses to open a second case over the first; remembers only paths', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const path = join(dir, 'Operation Secret Name.cordon');
    await core.ok('case.create', { path, passphrase: PASS, name: 'Operation Secret Name', bureau: 'DE' });
    // The refused create never starts (it used to go on in the background: a file and an open connection).
    const create = vi.spyOn(Case, 'create');
    expect((await core.fail('case.create', { path: join(dir, 'b.cordon'), passphrase: PASS, name: 'B', bureau: 'DE' })).code).toBe('CASE_ALREADY_OPEN');
    expect(create).not.toHaveBeenCalled();
    create.mockRestore();
    expect(existsSync(join(dir, 'b.cordon'))).toBe(false);
    await core.ok('case.close', {});
    expect(await core.ok('case.info', {})).toBeNull();
    expect((await core.fail('entity.list', {})).code).toBe('NO_CASE_OPEN');
    const recent = await core.ok('case.recent', {});
    expect(recent).toEqual([{ path, openedAt: expect.any(String), exists: true }]);
    const stored = readFileSync(join(dir, 'recent.json'), 'utf8');
    expect(Object.keys(JSON.parse(stored)[0]).sort()).toEqual(['openedAt', 'path']);
  });
});
