/**
 * Import: the Import button, File > Import… and a dropped file all end here. The file is read
 * in the page (refused above 50 MB before reading), previewed by the main process, and merged
 * or swapped in only when the user says which.
 */
import {
  type Change,
  MAX_IMPORT_BYTES,
  type OpenedFile,
  type TimelineApi,
} from '../../../shared/contract';
import { isolated } from '../ui/bidi';
import { el } from '../ui/dom';
import { Modal } from '../ui/modal';
import type { StatusLine } from '../ui/status-line';
import { installDropTarget } from './drop-target';
import {
  chooseContent,
  IMPORT_ACCEPT,
  importedMessage,
  type ImportMode,
  previewContent,
  refusalContent,
  tooLargeMessage,
} from './import-preview';

export interface ImportDeps {
  readonly api: TimelineApi;
  readonly status: StatusLine;
  /** Saves the editor's edits first; false when they cannot be saved and the import must wait. */
  leaveEditor(): Promise<boolean>;
  eventCount(): number;
  onImported(change: Change, message: string): void;
}

export class ImportFlow {
  /** The hidden file input, the drop overlay and the dialog, to add to the page. */
  readonly elements: readonly HTMLElement[];
  readonly #deps: ImportDeps;
  readonly #input: HTMLInputElement;
  readonly #dialog = new Modal('import-dialog');
  #busy = false;

  constructor(deps: ImportDeps, win: Window = window) {
    this.#deps = deps;
    this.#input = el('input', {
      className: 'import-input',
      attrs: { type: 'file', accept: IMPORT_ACCEPT, hidden: true, tabindex: '-1' },
    });
    this.#input.addEventListener('change', () => {
      const file = this.#input.files?.item(0);
      this.#input.value = ''; // the same file can be chosen again
      if (file) void this.importFile(file);
    });
    const overlay = installDropTarget(win, {
      onFile: (file) => void this.importFile(file),
      onRefused: (message) => deps.status.error(message),
    });
    this.elements = [this.#input, overlay, this.#dialog.element];
  }

  /**
   * Opens the file chooser. A page may only do that right after a click or key press; after a
   * native menu click it may not, so a dialog offers a button that can.
   */
  async choose(): Promise<void> {
    if (this.#busy) return;
    const mayOpen = navigator.userActivation.isActive;
    if (!(await this.#deps.leaveEditor())) return;
    if (mayOpen) {
      this.#input.click();
      return;
    }
    if ((await this.#dialog.show(chooseContent())) === 'choose') this.#input.click();
  }

  async importFile(file: File): Promise<void> {
    if (this.#busy || document.querySelector('dialog[open]')) {
      this.#deps.status.error('Finish the open dialog first, then import.');
      return;
    }
    this.#busy = true;
    try {
      await this.#import(file);
    } finally {
      this.#busy = false;
    }
  }

  /** A file the system asked the app to open (command line, second launch, open-file). */
  async importOpened(opened: OpenedFile): Promise<void> {
    if ('error' in opened) return this.#refuse(opened.name, opened.error);
    await this.importFile(new File([opened.text], opened.name));
  }

  async #import(file: File): Promise<void> {
    const { api, status } = this.#deps;
    if (file.size > MAX_IMPORT_BYTES) return this.#refuse(file.name, tooLargeMessage(file.size));
    if (!(await this.#deps.leaveEditor())) return;
    status.info(['Reading ', isolated(file.name), '…']);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return this.#refuse(file.name, 'The file could not be read.');
    }
    const previewed = await api.previewImport({ fileName: file.name, text });
    if (!previewed.ok) return this.#refuse(file.name, previewed.error.message);
    const preview = previewed.value;
    status.info(['Import ', isolated(file.name), ': choose Merge or Replace']);
    const answer = await this.#dialog.show(previewContent(preview, this.#deps.eventCount()));
    if (answer !== 'merge' && answer !== 'replace') {
      await api.cancelImport({ token: preview.token });
      status.info('Import cancelled');
      return;
    }
    const mode: ImportMode = answer;
    status.saving();
    const applied = await api.applyImport({ token: preview.token, mode });
    if (!applied.ok) {
      status.info('Not imported');
      status.error(`Import failed: ${applied.error.message}`);
      return;
    }
    this.#deps.onImported(applied.value, importedMessage(preview, mode));
  }

  async #refuse(fileName: string, reason: string): Promise<void> {
    this.#deps.status.info('Not imported');
    await this.#dialog.show(refusalContent(fileName, reason));
  }
}
