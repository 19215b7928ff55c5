/** Small pieces of the editor panel: the empty state and timestamps. */
import { zoneName } from '../../../shared/time-zone';
import { displayZone } from '../state/display-zone';
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

const timestamps = new Map<string, Intl.DateTimeFormat>();

/** "16 Jun 2024, 16:30 Asia/Jakarta (UTC+7)": when the event was made or changed, in the zone. */
export function formatTimestamp(iso: string, zone = displayZone.zone): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  let format = timestamps.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    });
    timestamps.set(zone, format);
  }
  return `${format.format(time)} ${zoneName(zone, time)}`;
}
