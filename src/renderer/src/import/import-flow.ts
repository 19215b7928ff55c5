/**
 * Import: the Import button, File > Import… and a dropped file all end here. The file is read
 * in the page (refused above 50 MB before reading; decoded as formats/decode-text says), previewed
 * by the main process, and merged or swapped in only when the user says which.
 */
import {
  type Change,
  type ImportPreview,
  MAX_IMPORT_BYTES,
  type OpenedFile,
  type TimelineApi,
} from '../../../shared/contract';
import { type DecodedText, decodeText } from '../../../shared/formats/decode-text';
import type { SaveTracker } from '../state/save-state';
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
import { mappingStep, rememberedMapping, rememberMapping } from './table-mapping';

export interface ImportDeps {
  readonly api: TimelineApi;
  readonly status: StatusLine;
  readonly saves: SaveTracker;
  /** Saves the editor's edits first; false when they cannot be saved and the import must wait. */
  leaveEditor(): Promise<boolean>;
  eventCount(): number;
  onImported(change: Change, message: string): void;
  /** The file became a story of its own, now open in the main process: load it. */
  onNewStory(): void;
  /** Ends the flow's watch of files dragged over the window (the app is taken down). */
  readonly signal: AbortSignal;
}

/** What the preview needs of a file's text: the text, and what to say about how it was read. */
type ReadText = Pick<DecodedText, 'text' | 'note'>;

/** A chosen or dropped file, or one the main process read for the system. */
interface ImportSource {
  readonly name: string;
  readonly size: number;
  read(): Promise<ReadText>;
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
    const overlay = installDropTarget(
      win,
      {
        onFile: (file) => void this.importFile(file),
        onRefused: (message) => deps.status.error(message),
      },
      deps.signal,
    );
    this.elements = [this.#input, overlay, this.#dialog.element];
  }

  /**
   * Opens the file chooser. A browser opens it only within a user gesture: a key or a click in
   * the window is one; a native menu click (`askFirst`) is not, so it always asks first with a
   * "Choose file…" button, whose click is.
   */
  async choose(askFirst = false): Promise<void> {
    if (this.#busy) return;
    if (!(await this.#deps.leaveEditor())) return;
    // Asked after the await, just before the click: a gesture that ran out meanwhile would let
    // the click open nothing, with no word to the user.
    if (!askFirst && navigator.userActivation.isActive) {
      this.#input.click();
      return;
    }
    if ((await this.#dialog.show(chooseContent())) === 'choose') this.#input.click();
  }

  async importFile(file: File): Promise<void> {
    await this.#importSource({
      name: file.name,
      size: file.size,
      read: async () => decodeText(new Uint8Array(await file.arrayBuffer())),
    });
  }

  /** A file the system asked the app to open (command line, second launch, open-file). */
  async importOpened(opened: OpenedFile): Promise<void> {
    if ('error' in opened) return this.#refuse(opened.name, opened.error);
    // The main process decoded it already; the note it made is shown as for a chosen file.
    const decoded = { text: opened.text, note: opened.encodingNote };
    await this.#importSource({
      name: opened.name,
      size: opened.text.length,
      read: () => Promise.resolve(decoded),
    });
  }

  async #importSource(source: ImportSource): Promise<void> {
    if (this.#busy || document.querySelector('dialog[open]')) {
      this.#deps.status.error('Finish the open dialog first, then import.');
      return;
    }
    this.#busy = true;
    try {
      await this.#import(source);
    } finally {
      this.#busy = false;
    }
  }

  async #import(file: ImportSource): Promise<void> {
    const { api, status } = this.#deps;
    if (file.size > MAX_IMPORT_BYTES) return this.#refuse(file.name, tooLargeMessage(file.size));
    if (!(await this.#deps.leaveEditor())) return;
    status.info(['Reading ', isolated(file.name), '…']);
    let read: ReadText;
    try {
      read = await file.read();
    } catch {
      return this.#refuse(file.name, 'The file could not be read.');
    }
    const previewed = await api.previewImport({ fileName: file.name, text: read.text });
    if (!previewed.ok) return this.#refuse(file.name, previewed.error.message);
    const preview = previewed.value.table
      ? await this.#mapped(file.name, read.text, previewed.value)
      : previewed.value;
    if (preview === null) return;
    status.info(['Import ', isolated(file.name), ': choose Merge or Replace']);
    const content = previewContent(preview, this.#deps.eventCount(), read.note);
    const answer = await this.#dialog.show(content);
    if (answer === 'new-story') {
      const made = await this.#deps.saves.track(api.importAsNewStory({ token: preview.token }));
      if (!made.ok) {
        status.info('Not imported');
        status.error(`Import failed: ${made.error.message}`);
        return;
      }
      return this.#deps.onNewStory();
    }
    if (answer !== 'merge' && answer !== 'replace') {
      await api.cancelImport({ token: preview.token });
      status.info('Import cancelled');
      return;
    }
    const mode: ImportMode = answer;
    const applied = await this.#deps.saves.track(api.applyImport({ token: preview.token, mode }));
    if (!applied.ok) {
      status.info('Not imported');
      status.error(`Import failed: ${applied.error.message}`);
      return;
    }
    this.#deps.onImported(applied.value, importedMessage(preview, mode));
  }

  /**
   * A table of the user's own: asks which column holds what (until the date and title have one
   * and the file reads by it), then previews the file read that way. Null when cancelled.
   */
  async #mapped(
    fileName: string,
    text: string,
    first: ImportPreview,
  ): Promise<ImportPreview | null> {
    const { api, status } = this.#deps;
    await api.cancelImport({ token: first.token });
    const columns = first.table?.columns ?? [];
    let mapping = rememberedMapping(columns) ?? first.table?.mapping ?? null;
    let problem: string | null = null;
    for (;;) {
      status.info(['Import ', isolated(fileName), ': say which column holds what']);
      const step = mappingStep(fileName, columns, mapping, problem);
      if ((await this.#dialog.show(step.content)) !== 'continue') {
        status.info('Import cancelled');
        return null;
      }
      const chosen = step.read();
      if (chosen === null) {
        problem = 'Choose the columns of the date and of the title.';
        continue;
      }
      mapping = chosen;
      const previewed = await api.previewImport({ fileName, text, mapping: chosen });
      if (previewed.ok) {
        rememberMapping(columns, chosen);
        return previewed.value;
      }
      problem = previewed.error.message;
    }
  }

  async #refuse(fileName: string, reason: string): Promise<void> {
    this.#deps.status.info('Not imported');
    await this.#dialog.show(refusalContent(fileName, reason));
  }
}
