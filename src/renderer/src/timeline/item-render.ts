/**
 * The DOM inside timeline items and lane labels, built from text only. vis-timeline would treat
 * a string `content` as HTML, so items carry empty content and these builders make the elements.
 */
import { el } from '../ui/dom';
import type { EventItem, LaneGroup } from './items';

/** What vis passes for a cluster of items instead of one item. */
interface ClusterData {
  readonly uiItems?: readonly unknown[];
}

/** Renders an item's visible text; `item` is vis's clone of the item data. */
export function renderItem(item: (Partial<EventItem> & ClusterData) | undefined): HTMLElement {
  if (item?.uiItems) {
    const count = item.uiItems.length;
    return el('span', {
      className: 'ev-cluster',
      text: String(count),
      attrs: { title: `${count} events: double-click to zoom in` },
    });
  }
  const body = el('span', {
    className: 'ev-body',
    attrs: { 'data-event-id': item?.id, title: item?.summary },
  });
  const marker = el('span', {
    className: `ev-marker ev-marker--${item?.certainty ?? 'reported'}`,
    attrs: { 'aria-hidden': 'true' },
  });
  body.append(marker, el('span', { className: 'ev-title', text: item?.label ?? '' }));
  return body;
}

/** Renders a lane label with its colour swatch. */
export function renderLane(group: Partial<LaneGroup> | undefined): HTMLElement {
  const swatch = el('span', { className: 'lane-swatch', attrs: { 'aria-hidden': 'true' } });
  // CSSOM, not a style attribute: allowed by the CSP, and the colour is schema-checked.
  if (group?.color) swatch.style.setProperty('--lane', group.color);
  return el('span', { className: 'lane-label' }, [
    swatch,
    el('span', { className: 'lane-title', text: group?.laneTitle ?? '' }),
  ]);
}
