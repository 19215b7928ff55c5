/**
 * The DOM inside timeline items and lane labels, built from text only. vis-timeline would treat
 * a string `content` as HTML, so items carry empty content and these builders make the elements.
 */
import { USER_TEXT } from '../ui/bidi';
import { el } from '../ui/dom';
import { type AggregateItem, type BandItem, bandName } from './aggregate-items';
import { type EraItem, renderEra } from './era-items';
import { type EventItem, type LaneGroup, optionId } from './items';

/** Renders an item's visible text; `item` is vis's clone of the item data. */
export function renderItem(
  item:
    Partial<EventItem> | Partial<AggregateItem> | Partial<BandItem> | Partial<EraItem> | undefined,
): HTMLElement {
  // An era: a shaded span behind the lanes with its name (era-items.ts); not an event.
  if (item && 'era' in item) return renderEra(item);
  // A band only holds its counts' row (count-canvas.ts draws them): it says what they add up to.
  if (item && 'counts' in item) return renderBand(item);
  if (item && 'aggregate' in item) {
    return el('span', {
      className: 'agg-body',
      text: item.label ?? '',
      attrs: { 'data-aggregate-id': item.id, title: item.summary },
    });
  }
  const event = item as Partial<EventItem> | undefined;
  // An option of the timeline's listbox: the host's aria-activedescendant points at the selected
  // one, which the view marks aria-selected.
  const body = el('span', {
    className: 'ev-body',
    attrs: {
      'data-event-id': event?.id,
      title: event?.summary,
      id: event?.id === undefined ? undefined : optionId(event.id),
      role: 'option',
      'aria-label': event?.name,
      'aria-selected': 'false',
    },
  });
  const marker = el('span', {
    className: `ev-marker ev-marker--${event?.certainty ?? 'reported'}`,
    attrs: { 'aria-hidden': 'true' },
  });
  body.append(
    marker,
    el('span', { className: 'ev-title', text: event?.label ?? '', attrs: USER_TEXT }),
  );
  return body;
}

function renderBand(band: Partial<BandItem>): HTMLElement {
  const name = bandName({ counts: band.counts ?? [], laneTitle: band.laneTitle ?? 'this lane' });
  // data-band-id: where the view renames a band whose numbers alone changed (timeline-view.ts).
  return el('div', {
    className: 'agg-band-body',
    attrs: { role: 'img', 'aria-label': name, 'data-band-id': band.id },
  });
}

/**
 * Renders a lane label with its colour swatch. A click on it shows or hides the lane's events
 * (data-lane-toggle; timeline-view.ts passes it on). It is not a button: the timeline is one
 * listbox of events for assistive technology and one tab stop, and the Filter panel's lane boxes
 * do the same by keyboard.
 */
export function renderLane(group: Partial<LaneGroup> | undefined): HTMLElement {
  const swatch = el('span', { className: 'lane-swatch', attrs: { 'aria-hidden': 'true' } });
  // CSSOM, not a style attribute: allowed by the CSP, and the colour is schema-checked.
  if (group?.color) swatch.style.setProperty('--lane', group.color);
  const hidden = group?.eventsHidden === true;
  return el(
    'span',
    {
      className: hidden ? 'lane-label lane-label--hidden' : 'lane-label',
      attrs: {
        'data-lane-toggle': group?.id,
        'data-events-hidden': String(hidden),
        title: `${group?.laneTitle ?? ''}: click to ${hidden ? 'show' : 'hide'} its events`,
      },
    },
    [
      swatch,
      el('span', { className: 'lane-title', text: group?.laneTitle ?? '', attrs: USER_TEXT }),
    ],
  );
}
