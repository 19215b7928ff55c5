/**
 * Another program (a sync client, an editor) replaced the timeline file while the window was
 * open. The app has saved nothing since, so both versions exist; this asks which one to keep and
 * says where the other one went. Escape leaves the choice open: the status line's "Choose
 * version…" asks again, and nothing is saved until the user answers.
 */
import type { Change, TimelineApi } from '../../../shared/contract';
import { isolated } from './bidi';
import { el } from './dom';
import { Modal } from './modal';
import type { StatusLine } from './status-line';

export interface ExternalChangeDeps {
  readonly api: TimelineApi;
  readonly status: StatusLine;
  readonly storePath: string;
  /** Saves or keeps the editor's edits first; false when the user stayed. */
  readonly leaveEditor: () => Promise<boolean>;
  readonly onLoaded: (change: Change, message: string) => void;
}

export class ExternalChangeFlow {
  readonly #dialog = new Modal('external-change-dialog');
  readonly #deps: ExternalChangeDeps;
  /** The detection already asked about: each one opens the dialog once by itself. */
  #asked: string | null = null;

  constructor(deps: ExternalChangeDeps) {
    this.#deps = deps;
  }

  get element(): HTMLDialogElement {
    return this.#dialog.element;
  }

  /** Called with each status: a new detection opens the dialog. */
  noticed(detectedAt: string | null): void {
    if (detectedAt === null || detectedAt === this.#asked) return;
    this.#asked = detectedAt;
    void this.ask();
  }

  async ask(): Promise<void> {
    if (this.#dialog.open) return;
    const answer = await this.#dialog.show({
      heading: 'Another program changed your timeline file',
      body: [
        el('p', { className: 'dialog-body' }, [
          isolated(this.#deps.storePath),
          ' was replaced on disk by another program, such as a sync client or an editor. ',
          'Timeline Desk has saved nothing since, so neither version is lost.',
        ]),
        el('p', {
          className: 'dialog-body',
          text:
            'Load the file from disk: the timeline becomes the other version, and yours is ' +
            'kept as a copy in the data folder (Undo brings it back). Keep my version: yours is ' +
            'saved, and the other file is kept beside it.',
        }),
      ],
      actions: [
        { value: 'mine', label: 'Keep my version' },
        { value: 'disk', label: 'Load the file from disk', className: 'button button--primary' },
      ],
      focus: 'disk',
    });
    if (answer !== 'disk' && answer !== 'mine') return;
    if (answer === 'disk' && !(await this.#deps.leaveEditor())) return;
    const { status } = this.#deps;
    const resolved = await this.#deps.api.resolveExternalChange({ keep: answer });
    if (!resolved.ok) {
      status.error(resolved.error.message);
      return;
    }
    const keptAt = isolated(resolved.value.keptAt);
    if (answer === 'disk') {
      this.#deps.onLoaded(resolved.value.change, 'Loaded the file from disk');
      status.info(['Loaded the file from disk; your version was kept at ', keptAt]);
    } else {
      status.info(['Kept your version; the other file was kept at ', keptAt]);
    }
  }
}
