import { BrowserWindow, type Session } from 'electron';
import { APP_ENTRY } from './origin';

// The one window. Its preferences are Electron's security checklist in full (DESIGN.md §7); the
// glue tests check each one, so a change here must be a deliberate one. They stay written out
// inside `new BrowserWindow({...})` so that Electronegativity (which reads the literal) sees them.

export function createMainWindow(preload: string, session: Session, packaged: boolean): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Cordon',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#1c2127',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      session,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click on a link opens a new window through a path of its own: switched off, on
      // top of the window-open handler that denies everything (security.ts).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries and can send typed words to a service:
      // neither belongs in an offline tool that holds case data.
      spellcheck: false,
      // DevTools can read anything in the renderer: development only.
      devTools: !packaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
