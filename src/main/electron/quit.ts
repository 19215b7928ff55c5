/**
 * Quitting never throws away a change the user made: the app quits only once every change is
 * on disk, and if a change cannot be written, the user is asked before anything is lost.
 */
import { app, type BrowserWindow, dialog } from 'electron';

export interface QuitGuardOptions {
  /** Writes what is waiting (store, window state); rejects with the reason a write failed. */
  readonly save: () => Promise<unknown>;
  readonly window: () => BrowserWindow | null;
  /** Where the open story's store is, for the question. */
  readonly storePath: () => string;
  /** Brings the window back when the user chooses to stay (it may have been closed). */
  readonly stay: () => void;
}

export function guardQuit(options: QuitGuardOptions): void {
  let saving = false;
  let mayQuit = false;
  app.on('before-quit', (event) => {
    if (mayQuit) return;
    event.preventDefault();
    if (saving) return;
    saving = true;
    options
      .save()
      .then(
        () => true,
        (error: unknown) => askToQuitUnsaved(options, error),
      )
      .then((quit) => {
        saving = false;
        if (!quit) return options.stay();
        mayQuit = true;
        app.quit();
      })
      .catch((error: unknown) => {
        // Asking itself failed: stay open rather than lose the changes.
        saving = false;
        console.error('Could not ask before quitting:', error);
      });
  });
}

/** True when the user chooses to quit although the latest changes are not on disk. */
async function askToQuitUnsaved(options: QuitGuardOptions, error: unknown): Promise<boolean> {
  console.error('Could not save before quitting:', error);
  const question = {
    type: 'warning' as const,
    message: 'Your latest changes are not saved',
    detail: `Timeline Desk could not write them to ${options.storePath()}: ${reasonOf(error)}\n\nIf you quit now, they are lost. Keep the app open to try again (free some disk space, or check the folder).`,
    buttons: ['Keep Timeline Desk Open', 'Quit Without Saving'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const window = options.window();
  const { response } = window
    ? await dialog.showMessageBox(window, question)
    : await dialog.showMessageBox(question);
  return response === 1;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
