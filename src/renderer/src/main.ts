/** Renderer entry: loads the timeline through window.api and mounts the app. */
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/timeline.css';
import './styles/legend.css';
import './styles/overlays.css';

import { appApi } from './api';
import { mountApp } from './app';
import { el } from './ui/dom';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  const result = await appApi().getTimeline();
  if (!result.ok) {
    root.removeAttribute('aria-busy');
    root.replaceChildren(
      el('div', { className: 'fatal', attrs: { role: 'alert' } }, [
        el('h1', { text: 'The timeline could not be opened' }),
        el('p', { text: result.error.message }),
      ]),
    );
    return;
  }
  mountApp(root, appApi(), result.value);
}

void start();
