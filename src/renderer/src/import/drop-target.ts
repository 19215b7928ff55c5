/**
 * Dropping a file anywhere on the window imports it. While a file is dragged over the window an
 * overlay says so. Listeners run in the capture phase and keep file drags from vis-timeline,
 * whose own drop handler would read the file's text as an item.
 */
import { el } from '../ui/dom';
import { IMPORT_HINT } from './import-preview';

export interface DropHandlers {
  onFile(file: File): void;
  /** More than one file was dropped. */
  onRefused(message: string): void;
}

/** Returns the overlay; `signal` takes the window's listeners away again. */
export function installDropTarget(
  win: Window,
  handlers: DropHandlers,
  signal: AbortSignal,
): HTMLElement {
  const overlay = el('div', { className: 'drop-overlay', attrs: { 'aria-hidden': 'true' } }, [
    el('div', { className: 'drop-overlay-box' }, [
      el('p', { className: 'drop-overlay-title', text: 'Drop the file to import it' }),
      el('p', { className: 'drop-overlay-hint', text: IMPORT_HINT }),
    ]),
  ]);
  overlay.hidden = true;
  // dragenter and dragleave fire for every element crossed: count them to know when it left.
  let depth = 0;
  const show = (visible: boolean): void => {
    overlay.hidden = !visible;
  };
  const listen = (type: string, handler: (event: DragEvent) => void): void =>
    win.addEventListener(
      type,
      (event) => {
        if (!(event instanceof DragEvent) || !carriesFiles(event)) return;
        event.preventDefault(); // a dropped file must never be opened as a page
        event.stopPropagation();
        handler(event);
      },
      { capture: true, signal },
    );
  listen('dragenter', () => {
    depth += 1;
    show(true);
  });
  listen('dragover', (event) => {
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    show(true);
  });
  listen('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) show(false);
  });
  listen('drop', (event) => {
    depth = 0;
    show(false);
    const files = event.dataTransfer?.files;
    const file = files?.item(0);
    if (!files || !file) return;
    if (files.length > 1) handlers.onRefused('Drop one file at a time.');
    else handlers.onFile(file);
  });
  return overlay;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}
