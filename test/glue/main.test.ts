import { describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, electronEvent, ipcMain, Menu, session, WebContentsDouble } from './electron-double';
import { startCoreWorker } from '../../electron/core/client';
import { CHANNELS } from '../../shared/api';

vi.mock('electron', () => import('./electron-double'));
// The worker thread itself is the core's business (test/core); here we check main starts it,
// wires it and disposes of it.
vi.mock('../../electron/core/client', () => {
  const worker = { call: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(() => () => true), terminate: vi.fn(async () => undefined) };
  return { startCoreWorker: vi.fn(() => worker) };
});

// Importing main runs it, as Electron does. What it did before ready is recorded now, so no test
// depends on another having (or not having) made the app ready first.
await import('../../electron/main/main');
const beforeReady = { calls: app.calls.slice(0, 2).sort(), windows: BrowserWindow.created.length };
/** Makes the app ready once (Electron's ready happens once); each test that needs it calls this. */
let readied: Promise<unknown> | null = null;
const ready = () => (readied ??= app.becomeReady());

describe('the main process lifecycle', () => {
  it('enables the sandbox and registers app:// before ready', () => {
    expect(beforeReady.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(beforeReady.windows).toBe(0);
  });

  it('hardens every webContents Electron creates', () => {
    const contents = new WebContentsDouble();
    app.emit('web-contents-created', electronEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const nav = electronEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', nav);
    expect(nav.preventDefault).toHaveBeenCalled();
  });

  it('on ready: one hardened in-memory session serving app://, the worker, IPC, then the window', async () => {
    await ready();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(session.fromPartition).toHaveBeenCalledExactlyOnceWith('cordon');
    const ses = session.partitions.get('cordon')!;
    expect(ses.handlers.permissionRequest).toBeTypeOf('function');
    expect(ses.handlers.beforeRequest).toBeTypeOf('function');
    expect(ses.protocolHandlers.has('app')).toBe(true);

    const [file, data] = vi.mocked(startCoreWorker).mock.calls[0]!;
    expect(String(file)).toMatch(/\/core\/worker\.js$/);
    expect(data).toEqual({ dataDir: '/tmp/cordon-double/userData' });
    expect(ipcMain.handle).toHaveBeenCalledExactlyOnceWith(CHANNELS.call, expect.any(Function));

    expect(BrowserWindow.created).toHaveLength(1);
    const win = BrowserWindow.created[0]!;
    expect(win.options.webPreferences).toMatchObject({ session: ses, sandbox: true, contextIsolation: true, devTools: true });
    expect(String(win.options.webPreferences!.preload)).toMatch(/\/preload\/preload\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://cordon/index.html');
  });

  it('brings the window forward when a second instance starts', async () => {
    await ready();
    const win = BrowserWindow.created[0]!;
    win.focus.mockClear();
    app.emit('second-instance');
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('quits when the window closes, after the worker has been terminated', async () => {
    await ready();
    const worker = vi.mocked(startCoreWorker).mock.results[0]!.value as { terminate: ReturnType<typeof vi.fn> };
    app.quit.mockClear();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
    const willQuit = electronEvent();
    app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled();
    expect(worker.terminate).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    expect(ipcMain.handlers.has(CHANNELS.call)).toBe(false);
    // The second quit goes through.
    const second = electronEvent();
    app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(worker.terminate).toHaveBeenCalledOnce();
  });
});

describe('a second instance', () => {
  it('quits at once, before creating anything', async () => {
    vi.resetModules();
    app.singleInstance = false;
    app.quit.mockClear();
    const windows = BrowserWindow.created.length;
    await import('../../electron/main/main');
    expect(app.quit).toHaveBeenCalledOnce();
    expect(BrowserWindow.created).toHaveLength(windows);
    // Only the first instance's listeners exist: the second registered none.
    expect(app.listenerCount('second-instance')).toBe(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });
});
