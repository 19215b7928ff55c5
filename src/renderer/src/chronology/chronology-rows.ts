/**
 * One row of the chronology as DOM: a year or month heading (seen, not read: each event's own
 * name says its date), or an event as an option of the list box, with its date in words, title,
 * lane, status, certainty, sources and follow-up links, which are also its accessible name (read
 * in the order they are seen). User text goes in as text, isolated.
 */
import { datesInWords } from '../../../shared/date-words';
import type { EventId } from '../../../shared/ids';
import type { Lane, TimelineEvent } from '../../../shared/schema';
import { isolated, USER_TEXT } from '../ui/bidi';
import { el } from '../ui/dom';
import type { ChronologyEntry, ChronologyRow } from './chronology-model';

export interface RowContext {
  readonly lane: (id: TimelineEvent['laneId']) => Lane | undefined;
  /** The event a follow-up follows up (shown or not). */
  readonly parent: (id: EventId) => TimelineEvent | undefined;
  readonly followUpCount: (id: EventId) => number;
  readonly shownCount: number;
  /** The zone times are given in (calendar dates read the same in every zone). */
  readonly zone: string;
}

/** The option's id: the list's aria-activedescendant names it. */
export function rowId(id: EventId): string {
  return `chronology-${id}`;
}

/** A row's element; `index` is an event's place among the shown events (see eventIndex). */
export function buildRow(
  row: ChronologyRow,
  top: number,
  index: number,
  context: RowContext,
): HTMLElement {
  const element =
    row.kind === 'event'
      ? eventRow(row, index, context)
      : el('div', {
          className: `chronology-heading chronology-heading--${row.kind}`,
          text: row.label,
          attrs: { 'aria-hidden': 'true' },
        });
  // Through the CSSOM: the CSP allows no style attributes.
  element.style.top = `${top}px`;
  return element;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function eventRow(entry: ChronologyEntry, index: number, context: RowContext): HTMLElement {
  const { event } = entry;
  const lane = context.lane(event.laneId);
  const when = datesInWords(event.start, event.end, context.zone);
  const parent = event.followUpOf === null ? undefined : context.parent(event.followUpOf);
  const followUps = context.followUpCount(event.id);
  const sources = count(event.sources.length, 'source', 'sources');
  const laneName = lane?.title ?? 'No lane';
  const facts: string[] = [event.status, event.certainty, sources];
  const links: (string | HTMLElement)[] = [];
  if (parent) links.push('Follow-up of “', isolated(parent.title), '”');
  if (followUps > 0) {
    if (links.length > 0) links.push(' · ');
    links.push(count(followUps, 'follow-up', 'follow-ups'));
  }
  return el(
    'div',
    {
      className: `chronology-row chronology-row--${event.status} chronology-row--${event.certainty}`,
      attrs: {
        id: rowId(event.id),
        role: 'option',
        'aria-selected': 'false',
        'aria-setsize': String(context.shownCount),
        'aria-posinset': String(index + 1),
        'data-id': event.id,
      },
    },
    [
      el('span', { className: 'chronology-date', text: when }),
      el('span', { className: 'chronology-main' }, [
        el('span', { className: 'chronology-title', text: event.title, attrs: USER_TEXT }),
        el('span', { className: 'chronology-facts' }, [
          el('span', { className: 'chronology-lane' }, [
            swatch(lane?.color ?? '#6b7280'),
            isolated(laneName),
          ]),
          ...facts.flatMap((fact) => [
            el('span', { className: 'chronology-sep', text: ' · ' }),
            el('span', { className: 'chronology-fact', text: fact }),
          ]),
          ...(links.length > 0
            ? [
                el('span', { className: 'chronology-sep', text: ' · ' }),
                el('span', { className: 'chronology-links' }, links),
              ]
            : []),
        ]),
      ]),
    ],
  );
}

/** The lane's colour (a schema-checked #rrggbb). */
function swatch(color: string): HTMLElement {
  const element = el('span', { className: 'chronology-swatch' });
  element.style.setProperty('--lane', color);
  return element;
}
