import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { startCoreWorker, type CoreClient } from '../core/client';
import { createHostHandlers } from './host';
import { forwardCoreEvents, registerIpc } from './ipc';
import { registerAppScheme, serveApp } from './protocol';
import { hardenContents, hardenSession } from './security';
import { createMainWindow } from './window';

// Lifecycle of the Electron main process: one instance, one hardened session, one window, one
// core worker. Paths are relative to this file's bundle, dist/main/main.js.

/** In memory: nothing the renderer stores (cache, storage, cookies) ever lands on disk. */
const PARTITION = 'cordon';
const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const WORKER = new URL('../core/worker.js', import.meta.url);

// Both must happen before 'ready'.
app.enableSandbox();
registerAppScheme();

let win: BrowserWindow | null = null;
let core: CoreClient | null = null;
let stopIpc: (() => void) | null = null;
let stopEvents: (() => void) | null = null;

function start(): void {
  // The default menu links to electronjs.org (shell.openExternal) and offers reload/devtools.
  Menu.setApplicationMenu(null);
  const ses = session.fromPartition(PARTITION);
  hardenSession(ses);
  serveApp(ses.protocol, RENDERER_ROOT);
  const worker = startCoreWorker(WORKER, { dataDir: app.getPath('userData') });
  core = worker;
  const getWindow = () => win;
  // Before the window loads, so the renderer's first call finds its handler.
  stopIpc = registerIpc(ipcMain, { core: worker, host: createHostHandlers(dialog, getWindow), getWindow });
  stopEvents = forwardCoreEvents(worker, getWindow);
  win = createMainWindow(PRELOAD, ses, app.isPackaged);
  win.on('closed', () => {
    win = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second Cordon would open a second writer on the same case files: hand over and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());

  // Quit waits for the worker to close the case (dropping its key) before the process exits.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    stopEvents?.();
    stopIpc?.();
    const closing = core ? core.terminate() : Promise.resolve();
    core = null;
    void closing.finally(() => {
      disposed = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[cordon main] start failed', (err as Error)?.name);
      app.exit(1);
    });
}
