/**
 * Shows or hides the editor panel, so the timeline can take the whole width. A wide window opens
 * with the editor beside the timeline; a narrow one (a small screen, or a large zoom) with it
 * hidden, and when shown there it lies over the timeline's right side instead of squeezing it
 * (layout.css). Crossing that width puts the default back; the button says which state it is in.
 */
import { el, icon } from './dom';

/** Below this many CSS px the editor overlays the timeline; keep in step with layout.css. */
const NARROW = '(max-width: 760px)';

const PANEL_ICON = ['M2.5 3h11v10h-11z', 'M9.5 3v10'];

export class EditorToggle {
  readonly button: HTMLButtonElement;
  readonly #workspace: HTMLElement;

  /** `signal` ends the toggle's watch of the window's width. */
  constructor(workspace: HTMLElement, editorId: string, signal: AbortSignal) {
    this.#workspace = workspace;
    this.button = el(
      'button',
      {
        className: 'button editor-toggle',
        attrs: { type: 'button', 'aria-controls': editorId, title: 'Show or hide the editor' },
      },
      [icon(PANEL_ICON), el('span', { className: 'button-label', text: 'Editor' })],
    );
    this.button.addEventListener('click', () => this.set(!this.shown));
    const narrow = window.matchMedia(NARROW);
    narrow.addEventListener('change', () => this.set(!narrow.matches), { signal });
    this.set(!narrow.matches);
  }

  get shown(): boolean {
    return !this.#workspace.classList.contains('workspace--editor-hidden');
  }

  set(shown: boolean): void {
    this.#workspace.classList.toggle('workspace--editor-hidden', !shown);
    this.button.setAttribute('aria-pressed', String(shown));
  }
}
