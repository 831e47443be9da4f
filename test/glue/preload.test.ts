import { describe, expect, it, vi } from 'vitest';
import { contextBridge, electronEvent, ipcRenderer, webUtils } from './electron-double';
import { CHANNELS, type CordonBridge } from '../../shared/api';

vi.mock('electron', () => import('./electron-double'));

// Importing the preload runs it, as Electron does before the page loads.
await import('../../electron/preload/preload');
const exposed = contextBridge.exposed.get('cordon') as CordonBridge;

describe('the preload', () => {
  it('exposes one frozen object, window.cordon, of exactly three functions', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...contextBridge.exposed.keys()]).toEqual(['cordon']);
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.keys(exposed).sort()).toEqual(['call', 'on', 'pathForFile']);
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

  it("names a dropped file's path through webUtils, and null for anything without one", () => {
    // The preload runs in a page, where File exists; vitest's Node has one too (Node 20).
    const dropped = new File(['x'], 'harbour.jpg', { type: 'image/jpeg' });
    webUtils.getPathForFile.mockReturnValueOnce('/media/usb/harbour.jpg');
    expect(exposed.pathForFile(dropped)).toBe('/media/usb/harbour.jpg');
    expect(webUtils.getPathForFile).toHaveBeenLastCalledWith(dropped);
    // A File made in memory (no file on disk): Electron answers "".
    webUtils.getPathForFile.mockReturnValueOnce('');
    expect(exposed.pathForFile(new File(['y'], 'made.txt'))).toBeNull();
    // webUtils throws on what it cannot read; the page gets null, never the exception.
    webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new TypeError('Error processing argument at index 0');
    });
    expect(exposed.pathForFile(new File(['z'], 'odd.bin'))).toBeNull();
    // Not a File at all: webUtils is not even asked.
    const calls = webUtils.getPathForFile.mock.calls.length;
    for (const v of [null, '/etc/passwd', { path: '/etc/passwd' }, 42]) expect(exposed.pathForFile(v)).toBeNull();
    expect(webUtils.getPathForFile.mock.calls.length).toBe(calls);
  });
});
