/**
 * Renderer entry: asks the main process for the timeline at once, then mounts the app. The app
 * and vis-timeline, most of the renderer's script, are a chunk of their own that loads and
 * evaluates while the timeline is on its way, so opening waits for the longer of the two, not
 * both. The app's own styles are here, so the first paint has them
 * (vis-timeline's come with the chunk, before it runs).
 *
 * When the main process opens another story, the app is taken down and mounted again on it in
 * the same page: no reload, so no script, style or vis-timeline to load again.
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
import type { AppHost } from './app';
import { el } from './ui/dom';

async function start(root: HTMLElement): Promise<void> {
  const api = appApi();
  const loading = api.getTimeline();
  const app = import('./app').catch((error: unknown) => {
    throw new Error(
      `Part of Timeline Desk's own files could not be loaded (${messageOf(error)}). ` +
        'Reinstalling the app should fix this.',
    );
  });
  const [{ mountApp }, result] = await Promise.all([app, loading]);
  if (!result.ok) return showFatal(root, result.error.message);
  // One story at a time: a second switch waits for the first to be mounted.
  let switching = Promise.resolve();
  const host: AppHost = {
    storyOpened: () => {
      switching = switching.then(remount, (error: unknown) => showFatal(root, messageOf(error)));
    },
  };
  let unmount = mountApp(root, api, result.value, host);
  /** The story the main process has open now, in place of the one shown. */
  async function remount(): Promise<void> {
    // The story shown is no longer the main process's: no input reaches it meanwhile.
    root.inert = true;
    root.setAttribute('aria-busy', 'true');
    // User Timing marks: a profile (and the bench) sees the switch's parts.
    performance.mark('story-requested');
    const next = await api.getTimeline();
    performance.mark('story-received');
    unmount();
    root.inert = false;
    if (!next.ok) return showFatal(root, next.error.message);
    unmount = mountApp(root, api, next.value, host);
    performance.mark('story-mounted');
  }
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
