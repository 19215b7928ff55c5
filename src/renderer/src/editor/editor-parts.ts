/** Small pieces of the editor panel: the empty state and timestamps. */
import { el } from '../ui/dom';

export function emptyState(): HTMLElement {
  return el('div', { className: 'editor-empty' }, [
    el('h2', { className: 'editor-empty-title', text: 'No event selected' }),
    el('p', { text: 'To start:' }),
    el('ul', {}, [
      el('li', { text: 'select an event on the timeline to edit it,' }),
      el('li', { text: 'double-click empty space in a lane to add an event on that date,' }),
      el('li', { text: 'or use Add event in the toolbar.' }),
    ]),
  ]);
}

const TIMESTAMP = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${TIMESTAMP.format(time)} UTC`;
}
