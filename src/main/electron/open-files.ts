/**
 * Hands the window the files the system asked to open (command line, a second launch, macOS's
 * open-file): read in the main process, sent once the window's page has loaded, in order.
 * Paths that arrive before there is a loaded window wait.
 */
import type { BrowserWindow } from 'electron';

import { OPEN_FILE_CHANNEL } from '../../shared/command-names';
import { readOpenedFile } from '../open-files';

export class OpenFileDelivery {
  readonly #waiting: string[] = [];
  readonly #loaded = new WeakSet<BrowserWindow>();
  #sending: Promise<void> = Promise.resolve();

  constructor(private readonly window: () => BrowserWindow | null) {}

  /** Queues paths for the window; they are sent as soon as it can take them. */
  open(paths: readonly string[]): void {
    this.#waiting.push(...paths);
    this.#send();
  }

  /** Follows a window's page: files are sent after each load (the first, and reloads). */
  watch(window: BrowserWindow): void {
    window.webContents.on('did-finish-load', () => {
      this.#loaded.add(window);
      this.#send();
    });
  }

  #send(): void {
    this.#sending = this.#sending.then(async () => {
      for (let path = this.#waiting[0]; path !== undefined; path = this.#waiting[0]) {
        const window = this.window();
        if (!window || !this.#loaded.has(window)) return;
        this.#waiting.shift();
        window.webContents.send(OPEN_FILE_CHANNEL, await readOpenedFile(path));
      }
    });
  }
}
