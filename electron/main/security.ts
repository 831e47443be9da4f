import type { Session, WebContents } from 'electron';
import { APP_SCHEME, isAppUrl, parseUrl } from './origin';

// What the renderer may reach beyond its own code: nothing. Cordon runs on workstations with no
// network, and a compromised renderer (a crafted import file exploiting a parser bug, say) must
// find no door: no permission, no navigation away, no new window, no webview, no request.

/**
 * Whether a request may leave the renderer. Only the app's own origin, plus data: and blob: URLs
 * (images the renderer made itself; they never reach the network). Everything else (http(s),
 * ws(s), file, ftp, other app:// hosts, devtools of a foreign page) is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return u.protocol === 'data:' || u.protocol === 'blob:';
}

/** Hardens the app's session: every permission denied, every foreign request blocked. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // The app never downloads anything; a renderer-triggered download could write to disk.
  ses.on('will-download', (event) => event.preventDefault());
}

/** Hardens one webContents (every one Electron creates, via app's 'web-contents-created'). */
export function hardenContents(contents: WebContents): void {
  const stayInApp = (event: { preventDefault(): void; url: string }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // No popups, no target=_blank, no window.open; links to the outside are never opened either
  // (no shell.openExternal anywhere in Cordon).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
