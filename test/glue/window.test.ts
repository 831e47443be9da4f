import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow, SessionDouble } from './electron-double';
import { createMainWindow } from '../../electron/main/window';

vi.mock('electron', () => import('./electron-double'));

const ses = new SessionDouble() as never;
const PRELOAD = '/app/dist/preload/preload.cjs';
const open = (packaged: boolean) => createMainWindow(PRELOAD, ses, packaged) as unknown as BrowserWindow;

describe('the main window', () => {
  it('has every webPreference of the security checklist, and nothing else', () => {
    expect(open(true).options.webPreferences).toStrictEqual({
      preload: PRELOAD,
      session: ses,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('turns devtools off when packaged and on only in development', () => {
    expect(open(true).options.webPreferences!.devTools).toBe(false);
    expect(open(false).options.webPreferences!.devTools).toBe(true);
  });

  it('stays hidden until ready and loads app://cordon/index.html, nothing else', () => {
    const win = open(true);
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://cordon/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });
});
