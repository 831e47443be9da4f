import { describe, expect, it, vi } from 'vitest';
import { contextBridge, electronEvent, ipcRenderer } from './electron-double';
import { CHANNELS, type CordonBridge } from '../../shared/api';

vi.mock('electron', () => import('./electron-double'));

// Importing the preload runs it, as Electron does before the page loads.
await import('../../electron/preload/preload');
const exposed = contextBridge.exposed.get('cordon') as CordonBridge;

describe('the preload', () => {
  it('exposes one frozen object, window.cordon, of exactly two functions', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...contextBridge.exposed.keys()]).toEqual(['cordon']);
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.keys(exposed).sort()).toEqual(['call', 'on']);
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const values = Object.values(exposed) as unknown[];
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
    expect(values).not.toContain(ipcRenderer.on);
    expect(values).not.toContain(ipcRenderer.emit);
  });

  it('calls go over the one contract channel with method and input only', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    expect(await exposed.call('case.info', {})).toEqual({ ok: true, value: null });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(CHANNELS.call, 'case.info', {});
  });

  it('turns a call IPC cannot deliver into an error code, never a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await exposed.call('case.info', { callback: () => undefined } as never)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.any(String) },
    });
  });

  it('delivers contract events to subscribers, payload only, until they unsubscribe', () => {
    const listener = vi.fn();
    const off = exposed.on('locked', listener);
    const ipcEvent = electronEvent({ sender: ipcRenderer, ports: [] });
    ipcRenderer.emit(CHANNELS.event, ipcEvent, { event: 'locked', payload: { reason: 'idle' } });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ reason: 'idle' });
    ipcRenderer.emit(CHANNELS.event, ipcEvent, { event: 'progress', payload: { job: 'j', label: 'l', done: 1, total: 2 } });
    expect(listener).toHaveBeenCalledOnce();
    expect(typeof off).toBe('function');
    off();
    ipcRenderer.emit(CHANNELS.event, ipcEvent, { event: 'locked', payload: { reason: 'user' } });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('refuses to subscribe to names outside the contract', () => {
    for (const name of ['__proto__', 'constructor', 'cordon:call', 'toString', '', 42]) {
      expect(() => exposed.on(name as never, () => undefined)).toThrow(TypeError);
    }
    expect(() => exposed.on('locked', 'not a function' as never)).toThrow(TypeError);
  });

  it('ignores malformed or unknown incoming messages', () => {
    const listener = vi.fn();
    const off = exposed.on('closed', listener);
    for (const message of [null, 'closed', { event: 'hasOwnProperty', payload: {} }, { event: 42 }, { payload: {} }]) {
      ipcRenderer.emit(CHANNELS.event, electronEvent(), message);
    }
    expect(listener).not.toHaveBeenCalled();
    off();
  });
});
