/** The services' Host in Electron: the native save dialog. */
import { join } from 'node:path';

import { type BrowserWindow, dialog, type SaveDialogOptions } from 'electron';

import type { Host } from '../service/host';

export interface DialogHostOptions {
  /** The window the dialog belongs to (sheet on macOS); null shows a free-standing dialog. */
  readonly window: () => BrowserWindow | null;
  /** Where the dialog starts: the user's Documents folder. */
  readonly documentsDir: string;
}

export function createDialogHost(options: DialogHostOptions): Host {
  return {
    async chooseExportPath(suggestedName) {
      const dialogOptions: SaveDialogOptions = {
        title: 'Export JSON',
        buttonLabel: 'Export',
        defaultPath: join(options.documentsDir, suggestedName),
        filters: [{ name: 'JSON', extensions: ['json'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = options.window();
      // Looked up at call time, so a test can stand in for the dialog (app.evaluate).
      const { canceled, filePath } = window
        ? await dialog.showSaveDialog(window, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      return canceled || !filePath ? null : filePath;
    },
  };
}
