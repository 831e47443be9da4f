import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, FrameDouble, ipcMain, WebContentsDouble } from './electron-double';
import { createCore } from '../../electron/core/runtime';
import { createHostHandlers } from '../../electron/main/host';
import { createCallHandler, forwardCoreEvents, registerIpc, type IpcDeps } from '../../electron/main/ipc';
import { CHANNELS } from '../../shared/api';

vi.mock('electron', () => import('./electron-double'));

let win: BrowserWindow;
let core: { call: ReturnType<typeof vi.fn> };
let handle: ReturnType<typeof createCallHandler>;
let deps: IpcDeps;

beforeEach(() => {
  win = new BrowserWindow({});
  core = { call: vi.fn(async () => ({ ok: true, value: { answered: true } })) };
  dialog.showOpenDialog.mockClear();
  dialog.showSaveDialog.mockClear();
  deps = { core: core as never, host: createHostHandlers(dialog as never, () => win as never), getWindow: () => win as never };
  handle = createCallHandler(deps);
});

/** The IPC event of a call from our window's top frame (optionally with another frame). */
const fromWindow = (frame: FrameDouble | null = win.webContents.mainFrame) => ({ sender: win.webContents, senderFrame: frame }) as never;

describe('the sender check', () => {
  it('lets the top frame of our window on app://cordon through', async () => {
    expect(await handle(fromWindow(), 'case.info', {})).toEqual({ ok: true, value: { answered: true } });
    expect(core.call).toHaveBeenCalledExactlyOnceWith('case.info', {});
  });

  it('recognises our main frame by its ids, not by its JS wrapper', async () => {
    const main = win.webContents.mainFrame;
    const sameFrame = { url: 'app://cordon/index.html', parent: null, processId: main.processId, routingId: main.routingId };
    expect(await handle(fromWindow(sameFrame as never), 'case.info', {})).toMatchObject({ ok: true });
    const otherProcess = { ...sameFrame, processId: main.processId + 1 };
    expect(await handle(fromWindow(otherProcess as never), 'case.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  const refusals: Array<[string, () => never]> = [
    ['a subframe on app://cordon', () => fromWindow(new FrameDouble('app://cordon/index.html', win.webContents.mainFrame))],
    ['a subframe on https://evil.example', () => fromWindow(new FrameDouble('https://evil.example/', win.webContents.mainFrame))],
    ['a frame that is gone (senderFrame null)', () => fromWindow(null)],
    ['another window', () => ({ sender: new WebContentsDouble(), senderFrame: new WebContentsDouble().mainFrame }) as never],
    ['a frame not our main frame, claiming the app URL', () => fromWindow(new FrameDouble('app://cordon/index.html'))],
  ];
  for (const url of ['file:///home/analyst/evil.html', 'https://evil.example/', 'app://other/index.html', 'app://cordon.evil/index.html', 'app://cordon:1/index.html', 'about:blank', 'data:text/html,<script>', '']) {
    refusals.push([`the main frame navigated to ${url || '(empty)'}`, () => {
      win.webContents.mainFrame.url = url;
      return fromWindow();
    }]);
  }

  it.each(refusals)('refuses %s with FORBIDDEN_SENDER and never calls the core', async (_name, event) => {
    for (const [method, input] of [['case.info', {}], ['case.open', { path: '/x.cordon', passphrase: 'p' }], ['dialog.pickCaseFile', { mode: 'open' }]] as const) {
      const r = await handle(event(), method, input);
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
    }
    expect(core.call).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is destroyed or gone', async () => {
    win.destroyed = true;
    expect((await handle(fromWindow(), 'case.info', {})).ok).toBe(false);
    deps.getWindow = () => null;
    const r = await createCallHandler(deps)(fromWindow(), 'case.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(core.call).not.toHaveBeenCalled();
  });
});

describe('the contract check', () => {
  it.each(['fs.readFile', 'shell.openExternal', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, undefined, { toString: () => 'case.info' }])(
    'refuses the method %s with UNKNOWN_METHOD',
    async (method) => {
      const r = await handle(fromWindow(), method, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(core.call).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['case.open', { path: '', passphrase: 'x' }],
    ['case.open', { path: '/x.cordon' }],
    ['case.open', 'not an object'],
    ['case.create', { path: '/x.cordon', passphrase: 'p', name: 'A', bureau: '../etc' }],
    ['entity.get', { id: 42 }],
    ['entity.get', { id: 'x'.repeat(201) }],
    ['search', { query: 'q'.repeat(501) }],
    ['entity.list', { limit: 1_000_000 }],
    ['case.setIdleLock', { minutes: -1 }],
  ] as const)('refuses %s %j with INVALID_INPUT and never calls the core', async (method, input) => {
    const r = await handle(fromWindow(), method, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('forwards the parsed input (defaults applied, unknown keys stripped)', async () => {
    await handle(fromWindow(), 'entity.list', { offset: 5, __proto__: { polluted: true }, extra: 'dropped' });
    expect(core.call).toHaveBeenCalledExactlyOnceWith('entity.list', { offset: 5, limit: 200 });
  });
});

describe('errors crossing to the renderer', () => {
  it('keep the code and message of a core error, nothing else', async () => {
    core.call.mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.', stack: 'Error: at /home/x.ts:1', cause: new Error('x') } });
    const r = await handle(fromWindow(), 'case.open', { path: '/x.cordon', passphrase: 'p' });
    expect(r).toEqual({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.' } });
  });

  it('turn an unknown code or a thrown error into INTERNAL without its message or stack', async () => {
    core.call.mockResolvedValueOnce({ ok: false, error: { code: 'EACCES', message: 'open /secret/case.cordon' } });
    expect(await handle(fromWindow(), 'case.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'An internal error occurred.' } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    core.call.mockRejectedValueOnce(new Error('SQLITE_CORRUPT near "Alice Smith"'));
    const r = await handle(fromWindow(), 'case.info', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'An internal error occurred.' } });
    expect(JSON.stringify(spy.mock.calls)).not.toContain('Alice Smith');
    spy.mockRestore();
  });

  describe('with the real core', () => {
    let dataDir: string;
    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'cordon-glue-core-'));
    });
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('answers through the router and returns its error codes', async () => {
      const real = createCore({ dataDir, emit: () => undefined });
      const calls = vi.fn(real.call);
      const route = createCallHandler({ ...deps, core: { call: calls } });
      try {
        expect(await route(fromWindow(), 'case.info', {})).toEqual({ ok: true, value: null });
        expect(await route(fromWindow(), 'entity.get', { id: 'e1' })).toEqual({ ok: false, error: { code: 'NO_CASE_OPEN', message: expect.any(String) } });
        expect(await route(fromWindow(), 'entity.get', { id: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(calls).toHaveBeenCalledTimes(2);
      } finally {
        real.dispose();
      }
    });
  });
});

describe('host methods', () => {
  it('picks a case file to open with the *.cordon filter, parented to our window', async () => {
    const r = await handle(fromWindow(), 'dialog.pickCaseFile', { mode: 'open' });
    expect(r).toEqual({ ok: true, value: { path: '/cases/alpha.cordon' } });
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(win);
    expect(options).toMatchObject({ filters: [{ name: 'Cordon case', extensions: ['cordon'] }], properties: ['openFile'] });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('picks a new case file with the save dialog and adds the extension', async () => {
    expect(await handle(fromWindow(), 'dialog.pickCaseFile', { mode: 'create' })).toEqual({ ok: true, value: { path: '/cases/new-case.cordon' } });
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({ filters: [{ name: 'Cordon case', extensions: ['cordon'] }] });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/cases/b.CORDON' });
    expect(await handle(fromWindow(), 'dialog.pickCaseFile', { mode: 'create' })).toEqual({ ok: true, value: { path: '/cases/b.CORDON' } });
  });

  it('returns null when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handle(fromWindow(), 'dialog.pickCaseFile', { mode: 'open' })).toEqual({ ok: true, value: { path: null } });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await handle(fromWindow(), 'dialog.pickCaseFile', { mode: 'create' })).toEqual({ ok: true, value: { path: null } });
  });

  it('validates its input too: INVALID_INPUT, no dialog', async () => {
    for (const input of [{ mode: 'delete' }, {}, 'open', { mode: ['open'] }]) {
      expect(await handle(fromWindow(), 'dialog.pickCaseFile', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('turns a failing dialog into INTERNAL', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    dialog.showOpenDialog.mockRejectedValueOnce(new Error('portal /home/analyst failed'));
    expect(await handle(fromWindow(), 'dialog.pickCaseFile', { mode: 'open' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'An internal error occurred.' } });
    spy.mockRestore();
  });
});

describe('registration and events', () => {
  it('registers exactly one handler, on the contract channel, and removes it', async () => {
    const remove = registerIpc(ipcMain as never, deps);
    expect(ipcMain.handle).toHaveBeenCalledExactlyOnceWith(CHANNELS.call, expect.any(Function));
    const registered = ipcMain.handlers.get(CHANNELS.call)!;
    expect(await registered(fromWindow(), 'case.info', {})).toEqual({ ok: true, value: { answered: true } });
    expect(await registered({ sender: win.webContents, senderFrame: new FrameDouble('https://evil.example/') }, 'case.info', {})).toMatchObject({ error: { code: 'FORBIDDEN_SENDER' } });
    remove();
    expect(ipcMain.handlers.has(CHANNELS.call)).toBe(false);
  });

  it('forwards every contract event to the window as {event, payload}', () => {
    const subscribed = new Map<string, (payload: unknown) => void>();
    const off = vi.fn();
    const source = { on: vi.fn((event: string, listener: (p: unknown) => void) => (subscribed.set(event, listener), off)) };
    const stop = forwardCoreEvents(source as never, () => win as never);
    expect([...subscribed.keys()].sort()).toEqual(['closed', 'locked', 'progress']);
    subscribed.get('locked')!({ reason: 'idle' });
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(CHANNELS.event, { event: 'locked', payload: { reason: 'idle' } });
    win.destroyed = true;
    subscribed.get('closed')!({});
    expect(win.webContents.send).toHaveBeenCalledOnce();
    stop();
    expect(off).toHaveBeenCalledTimes(3);
  });
});
