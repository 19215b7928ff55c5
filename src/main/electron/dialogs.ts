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

/** The file type an export is saved as, by the end of its suggested name. */
const EXPORT_TYPES: readonly { readonly ending: string; readonly name: string }[] = [
  { ending: '.csv', name: 'CSV' },
  { ending: '.mw', name: 'Markwhen' },
  { ending: '.ics', name: 'iCalendar' },
  { ending: '.md', name: 'Markdown' },
  { ending: '.html', name: 'HTML' },
  { ending: '.json', name: 'JSON' },
];

/** The dialog's filter for a suggested name: a CSV export offers CSV files, not JSON. */
export function exportFilter(suggestedName: string): { name: string; extensions: string[] } {
  const type = EXPORT_TYPES.find(({ ending }) => suggestedName.endsWith(ending));
  const extension = (type?.ending ?? '.json').slice(1);
  return { name: type?.name ?? 'JSON', extensions: [extension] };
}

export function createDialogHost(options: DialogHostOptions): Host {
  return {
    async chooseExportPath(suggestedName) {
      const filter = exportFilter(suggestedName);
      const dialogOptions: SaveDialogOptions = {
        title: `Export ${filter.name}`,
        buttonLabel: 'Export',
        defaultPath: join(options.documentsDir, suggestedName),
        filters: [filter],
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
