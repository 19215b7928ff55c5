/**
 * Renderer entry: asks the main process for the timeline at once, then mounts the app. The app
 * and vis-timeline, most of the renderer's script, are a chunk of their own that loads and
 * evaluates while the timeline is on its way, so opening waits for the longer of the two, not
 * both. The app's own styles are here, so the first paint has them
 * (vis-timeline's come with the chunk, before it runs).
 */
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/timeline.css';
import './styles/legend.css';
import './styles/overlays.css';
import './styles/filters.css';
import './styles/lanes.css';
import './styles/eras.css';
import './styles/chronology.css';

import { appApi } from './api';
import { el } from './ui/dom';

async function start(root: HTMLElement): Promise<void> {
  const loading = appApi().getTimeline();
  const app = import('./app').catch((error: unknown) => {
    throw new Error(
      `Part of Timeline Desk's own files could not be loaded (${messageOf(error)}). ` +
        'Reinstalling the app should fix this.',
    );
  });
  const [{ mountApp }, result] = await Promise.all([app, loading]);
  if (!result.ok) return showFatal(root, result.error.message);
  mountApp(root, appApi(), result.value);
}

function showFatal(root: HTMLElement, message: string): void {
  root.removeAttribute('aria-busy');
  root.replaceChildren(
    el('div', { className: 'fatal', attrs: { role: 'alert' } }, [
      el('h1', { text: 'The timeline could not be opened' }),
      el('p', { text: message }),
    ]),
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const root = document.getElementById('app');
if (!root) throw new Error('The page has no #app element');
start(root).catch((error: unknown) => showFatal(root, messageOf(error)));
