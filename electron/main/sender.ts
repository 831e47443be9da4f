import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './origin';

/**
 * Whether an IPC call comes from the top frame of our window showing the app's own origin.
 * Refused: a destroyed or navigated-away frame (senderFrame null), any subframe (an iframe could
 * hold foreign content even inside our window), a frame whose URL is file://, https://, or
 * app://<another host>, and any webContents other than our window's.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !win || win.isDestroyed()) return false;
  // Compared by ids rather than by object identity: Electron may hand out a new JS wrapper for
  // the same frame, and an id pair names exactly one live frame.
  if (event.sender?.id !== win.webContents.id) return false;
  const main = win.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}
