import type { BrowserWindow, Dialog } from 'electron';
import type { HostHandlers } from '../../shared/api';

// The methods the main process answers itself: they need native UI the core cannot have.

const CASE_FILTERS = [{ name: 'Cordon case', extensions: ['cordon'] }];

export function createHostHandlers(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, getWindow: () => BrowserWindow | null): HostHandlers {
  return {
    async 'dialog.pickCaseFile'({ mode }) {
      const win = getWindow();
      if (mode === 'create') {
        const options = { title: 'New case file', filters: CASE_FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (r.canceled || !r.filePath) return { path: null };
        // The save dialog does not always append the extension the filter implies.
        return { path: r.filePath.toLowerCase().endsWith('.cordon') ? r.filePath : `${r.filePath}.cordon` };
      }
      const options = { title: 'Open case file', filters: CASE_FILTERS, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return { path: r.canceled ? null : (r.filePaths[0] ?? null) };
    },
  };
}
