/**
 * The vis-timeline peer: the same events in vis-timeline with its default options, as its
 * documentation shows it (bench/peers/vis-timeline.html). Each event becomes the item a vis
 * user would write: its title as content, its lane as group, and the instants our app draws
 * (a day or finer as a point; a month or year as a range over it; an end as a range).
 */
import { mustParse } from '../../src/shared/partial-date';
import type { TimelineDocument } from '../../src/shared/schema';
import type { Tool } from '../session';
import { ITEMS_PANEL, visSteps } from '../vis-steps';
import type { PeerServer } from './server';

export const VIS_PEER = 'vis-timeline (defaults)';

interface VisItem {
  readonly id: string;
  readonly group: string;
  readonly content: string;
  readonly start: number;
  readonly end?: number;
}

export function toVisData(doc: TimelineDocument) {
  const groups = doc.lanes.map((lane) => ({ id: lane.id, content: lane.title }));
  const items = doc.events.map((event): VisItem => {
    const start = mustParse(event.start);
    const item = { id: event.id, group: event.laneId, content: event.title, start: start.earliest };
    if (event.end !== null) return { ...item, end: mustParse(event.end).latestExclusive };
    const isPeriod = start.precision === 'year' || start.precision === 'month';
    return isPeriod ? { ...item, end: start.latestExclusive } : item;
  });
  return { groups, items };
}

export function visPeer(server: PeerServer, doc: TimelineDocument): Tool {
  const name = `vis-${doc.events.length}.json`;
  server.setData(name, JSON.stringify(toVisData(doc)));
  return {
    name: VIS_PEER,
    slug: 'vis-timeline',
    itemSelector: '.vis-item',
    readyAttribute: null,
    steps: visSteps(`${server.origin}/pages/vis-timeline.html?data=${name}`, ITEMS_PANEL, {
      zoomInBy: 'setWindow',
    }),
    notApplicable: { 'drag.saved': 'vis-timeline keeps items in memory; saving is the app’s job' },
  };
}
