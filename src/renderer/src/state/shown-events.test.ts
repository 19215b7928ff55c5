import { describe, expect, it } from 'vitest';

import seedJson from '../../../../data/seed-timeline.json' with { type: 'json' };
import { makeDocument, makeEvent } from '../../../../test/builders';
import type { PartialDate } from '../../../shared/partial-date';
import { TimelineDocumentSchema } from '../../../shared/schema';
import { NO_FILTER } from './event-filter';
import { EventSearch } from './event-search';
import { EventStore } from './event-store';
import { ShownEvents } from './shown-events';

const seedEvents = () => TimelineDocumentSchema.parse(seedJson).events;

async function searching(events = seedEvents()) {
  const store = new EventStore(makeDocument({ events: [...events] }));
  const search = new EventSearch([...store.all()]);
  await search.ready;
  const view = new ShownEvents(store, search);
  const titles = (query: string) =>
    [...(search.match(query) ?? [])].map((id) => store.get(id)?.title).sort();
  return { store, search, view, titles };
}

describe('EventSearch', () => {
  it('finds words by prefix in any field, every word required, case and accents ignored', async () => {
    const { titles } = await searching();
    // Title, by prefix.
    expect(titles('vet')).toEqual([
      'Russia vetoes continued UN monitoring of North Korea sanctions violations',
    ]);
    // Location, and an Indonesian source quote ("Kunjungan tersebut dilakukan saat Putin …").
    expect(titles('far east')).toEqual(["Putin hosts Kim Jong Un in Russia's Far East"]);
    expect(titles('KUNJUNGAN moskow')).toEqual(["Russia's military campaign in Ukraine begins"]);
    // Actors and tags.
    expect(titles('kim summit')).toEqual(["Putin hosts Kim Jong Un in Russia's Far East"]);
    // All words required.
    expect(titles('vietnam veto')).toEqual([]);
    expect(titles('  ')).toEqual([]);
  });

  it('ignores diacritics both ways and follows every change', async () => {
    const cafe = makeEvent({ title: 'Meeting at the Café Müller' });
    const { store, search, titles } = await searching([cafe]);
    const change = (made: Parameters<EventStore['apply']>[0]) => {
      store.apply(made);
      search.apply(made);
    };
    expect(titles('cafe muller')).toEqual(['Meeting at the Café Müller']);
    expect(titles('müll')).toEqual(['Meeting at the Café Müller']);

    change({ upserted: [{ ...cafe, title: 'Talks in Hanoi' }], removed: [] });
    expect(titles('cafe')).toEqual([]);
    expect(titles('hanoi')).toEqual(['Talks in Hanoi']);
    change({ upserted: [], removed: [cafe.id] });
    expect(titles('hanoi')).toEqual([]);
  });

  it('queues changes made while the index is still being built', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => makeEvent({ title: `Report ${i}` }));
    const search = new EventSearch(events);
    const late = makeEvent({ title: 'Late breaking news' });
    search.apply({
      upserted: [late, { ...events[0]!, title: 'Renamed' }],
      removed: [events[1]!.id],
    });
    await search.ready;
    expect(search.match('late')?.has(late.id)).toBe(true);
    expect(search.match('renamed')?.has(events[0]!.id)).toBe(true);
    expect(search.match('report')?.size).toBe(2500 - 2);
  });
});

describe('ShownEvents', () => {
  it('tells the timeline which events leave and come back, and counts them', async () => {
    const { store, view } = await searching();
    const veto = [...store.all()].find((event) => event.title.startsWith('Russia vetoes'))!;

    const narrowed = view.setQuery('vet');
    expect(narrowed.upserted).toEqual([]);
    expect(narrowed.removed).toHaveLength(store.size - 1);
    expect(narrowed.removed).not.toContain(veto.id);
    expect(view.shownCount).toBe(1);
    expect(view.active).toBe(true);

    const cleared = view.setQuery('');
    expect(cleared.removed).toEqual([]);
    expect(cleared.upserted).toHaveLength(store.size - 1);
    expect(view.shownCount).toBe(store.size);
    expect(view.active).toBe(false);
  });

  it('passes edits on filtered: an edit that stops matching hides its event, a new match shows', async () => {
    const { store, view } = await searching();
    const veto = [...store.all()].find((event) => event.title.startsWith('Russia vetoes'))!;
    view.setQuery('veto');

    // Its title, tags, description and source quote all said "veto".
    const renamed = {
      ...veto,
      title: 'Russia blocks UN monitoring',
      description: '',
      tags: [],
      sources: [],
    };
    store.apply({ upserted: [renamed], removed: [] });
    expect(view.narrow({ upserted: [renamed], removed: [] })).toEqual({
      upserted: [],
      removed: [veto.id],
    });

    const added = makeEvent({ title: 'Another veto, in May', laneId: veto.laneId });
    store.apply({ upserted: [added], removed: [] });
    expect(view.narrow({ upserted: [added], removed: [] })).toEqual({
      upserted: [added],
      removed: [],
    });
    expect(view.shownCount).toBe(1);

    // An event made while searching stays in view, matching or not, until the search changes.
    const made = makeEvent({ title: 'New event', laneId: veto.laneId });
    store.apply({ upserted: [made], removed: [] });
    expect(view.narrow({ upserted: [made], removed: [] })).toEqual({
      upserted: [made],
      removed: [],
    });
    expect(view.shownCount).toBe(2);
    expect(view.setQuery('veto').removed).toEqual([made.id]);
    expect(view.shownCount).toBe(1);
  });

  it('combines the search with the filter, and each with an edit', async () => {
    const { store, view } = await searching();
    const putin = [...store.all()].filter((event) => event.actors.includes('Vladimir Putin'));
    const occurred = putin.filter((event) => event.status === 'occurred');
    expect(putin.length).toBeGreaterThan(occurred.length);
    expect(occurred.length).toBeGreaterThan(0);

    view.setQuery('vladimir');
    expect(view.shownCount).toBe(putin.length);
    const narrowed = view.setFilter({ ...NO_FILTER, statuses: ['occurred'] });
    expect(narrowed.upserted).toEqual([]);
    expect(narrowed.removed.sort()).toEqual(
      putin
        .filter((event) => event.status !== 'occurred')
        .map((event) => event.id)
        .sort(),
    );
    expect(view.shownCount).toBe(occurred.length);
    expect(view.active).toBe(true);

    // The search cleared, the filter alone still narrows; an edit that fails it leaves the view.
    view.setQuery('');
    const everyOccurred = [...store.all()].filter((event) => event.status === 'occurred');
    expect(view.shownCount).toBe(everyOccurred.length);
    const cancelled = { ...everyOccurred[0]!, status: 'cancelled' as const };
    store.apply({ upserted: [cancelled], removed: [] });
    expect(view.narrow({ upserted: [cancelled], removed: [] })).toEqual({
      upserted: [],
      removed: [cancelled.id],
    });

    const cleared = view.setFilter(NO_FILTER);
    expect(cleared.removed).toEqual([]);
    expect(view.active).toBe(false);
    expect(view.shownCount).toBe(store.size);
  });

  it('steps through the matches in time, wrapping round', async () => {
    const late = makeEvent({ title: 'Talks, round three', start: '2024-09' as PartialDate });
    const early = makeEvent({ title: 'Talks, round one', start: '2023' as PartialDate });
    const middle = makeEvent({ title: 'Talks, round two', start: '2024-03-02' as PartialDate });
    const other = makeEvent({ title: 'Something else', start: '2024-01-01' as PartialDate });
    const { view } = await searching([late, other, early, middle]);
    view.setQuery('talks');
    expect(view.step(null, 1)).toBe(early.id);
    expect(view.step(early.id, 1)).toBe(middle.id);
    expect(view.step(middle.id, 1)).toBe(late.id);
    expect(view.step(late.id, 1)).toBe(early.id);
    expect(view.step(early.id, -1)).toBe(late.id);
    expect(view.step(other.id, -1)).toBe(late.id);
    view.setQuery('nothing like it');
    expect(view.step(null, 1)).toBeNull();
  });
});
