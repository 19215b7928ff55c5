import { describe, expect, it } from 'vitest';

import seedJson from '../../../../data/seed-timeline.json' with { type: 'json' };
import { makeDocument, makeEvent } from '../../../../test/builders';
import type { PartialDate } from '../../../shared/partial-date';
import { TimelineDocumentSchema } from '../../../shared/schema';
import { NO_FILTER } from './event-filter';
import { EventSearch, searchWords } from './event-search';
import { EventSlots } from './event-slots';
import { EventStore } from './event-store';
import { ShownEvents } from './shown-events';

const seedEvents = () => TimelineDocumentSchema.parse(seedJson).events;

async function searching(events = seedEvents()) {
  const store = new EventStore(makeDocument({ events: [...events] }));
  const slots = new EventSlots();
  const search = new EventSearch([...store.all()], slots);
  await search.ready;
  const view = new ShownEvents(store, search, slots);
  const titles = (query: string) =>
    (search.match(query) ?? []).map((slot) => store.get(slots.idOf(slot)!)?.title).sort();
  /** The ids the views would draw: each event they hold, asked of the test. */
  const drawn = () => {
    const test = view.test;
    return [...store.all()]
      .filter((event) => test === null || test.has(slots.of(event.id)))
      .map((event) => event.id)
      .sort();
  };
  /** A change made to the story, as the window follows it. */
  const edit = (change: Parameters<EventStore['apply']>[0]) => {
    store.apply(change);
    view.follow(change);
  };
  return { store, search, slots, view, titles, drawn, edit };
}

const idsOf = (events: readonly { id: string }[]) => events.map((event) => event.id).sort();

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
    const slots = new EventSlots();
    const search = new EventSearch(events, slots);
    const late = makeEvent({ title: 'Late breaking news' });
    search.apply({
      upserted: [late, { ...events[0]!, title: 'Renamed' }],
      removed: [events[1]!.id],
    });
    await search.ready;
    expect(search.match('late')).toEqual([slots.of(late.id)]);
    expect(search.match('renamed')).toEqual([slots.of(events[0]!.id)]);
    expect(search.match('report')).toHaveLength(2500 - 2);
  });

  it('indexes nothing more once stopped, not even the chunk it was waiting to index', async () => {
    const events = Array.from({ length: 500 }, (_, i) => makeEvent({ title: `Report ${i}` }));
    let begin = (): void => undefined;
    const search = new EventSearch(events, new EventSlots(), new Promise((go) => (begin = go)));
    begin();
    // The build has begun: it waits for the page's idle time before its first chunk.
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    search.stop();
    await search.ready;
    expect(search.match('report')).toEqual([]);
  });

  it('judges one event as the index does, for every prefix of every word in the story', async () => {
    const { store, search, slots } = await searching();
    const words = new Set<string>();
    for (const event of store.all()) {
      const text = `${event.title} ${event.description} ${event.location} ${event.actors.join(' ')}`;
      for (const word of searchWords(text)) {
        for (let length = 1; length <= word.length; length++) {
          words.add(word.slice(0, length));
        }
      }
    }
    const queries = [...words, 'putin kim', 'ÉTAT', 'kunj moskow', 'nothing-like-it'];
    expect(queries.length).toBeGreaterThan(300);
    for (const query of queries) {
      const byIndex = (search.match(query) ?? []).map((slot) => slots.idOf(slot)!).sort();
      const byEvent = idsOf([...store.all()].filter((event) => EventSearch.matches(query, event)));
      expect(byEvent, query).toEqual(byIndex);
    }
  });
});

describe('ShownEvents', () => {
  it('tells the views which events to draw, and counts them', async () => {
    const { store, view, drawn } = await searching();
    const veto = [...store.all()].find((event) => event.title.startsWith('Russia vetoes'))!;
    expect(view.test).toBeNull();

    view.setQuery('vet');
    expect(drawn()).toEqual([veto.id]);
    expect(view.shownCount).toBe(1);
    expect(view.active).toBe(true);
    expect(view.isShown(veto.id)).toBe(true);

    view.setQuery('');
    expect(view.test).toBeNull();
    expect(drawn()).toHaveLength(store.size);
    expect(view.shownCount).toBe(store.size);
    expect(view.active).toBe(false);
  });

  it('judges edits while searching: one that stops matching hides its event, a new match shows', async () => {
    const { store, view, drawn, edit } = await searching();
    const veto = [...store.all()].find((event) => event.title.startsWith('Russia vetoes'))!;
    view.setQuery('veto');
    expect(drawn()).toEqual([veto.id]);

    // Its title, tags, description and source quote all said "veto".
    edit({
      upserted: [
        { ...veto, title: 'Russia blocks UN monitoring', description: '', tags: [], sources: [] },
      ],
      removed: [],
    });
    expect(drawn()).toEqual([]);
    expect(view.shownCount).toBe(0);

    const other = [...store.all()].find((event) => event.id !== veto.id)!;
    edit({ upserted: [{ ...other, title: 'Another veto, in May' }], removed: [] });
    expect(drawn()).toEqual([other.id]);
    expect(view.shownCount).toBe(1);

    // An event made while searching stays in view, matching or not, until the search changes.
    const made = makeEvent({ title: 'New event', laneId: veto.laneId });
    edit({ upserted: [made], removed: [] });
    edit({ upserted: [{ ...made, title: 'New event, renamed' }], removed: [] });
    expect(drawn()).toEqual(idsOf([other, made]));
    expect(view.shownCount).toBe(2);
    view.setQuery('veto');
    expect(drawn()).toEqual([other.id]);

    // A deleted match leaves the count.
    edit({ upserted: [], removed: [other.id] });
    expect(view.shownCount).toBe(0);
    expect(drawn()).toEqual([]);
  });

  it('combines the search with the filter, and each with an edit', async () => {
    const { store, view, drawn, edit } = await searching();
    const putin = [...store.all()].filter((event) => event.actors.includes('Vladimir Putin'));
    const occurred = putin.filter((event) => event.status === 'occurred');
    expect(putin.length).toBeGreaterThan(occurred.length);
    expect(occurred.length).toBeGreaterThan(0);

    view.setQuery('vladimir');
    expect(drawn()).toEqual(idsOf(putin));
    view.setFilter({ ...NO_FILTER, statuses: ['occurred'] });
    expect(drawn()).toEqual(idsOf(occurred));
    expect(view.shownCount).toBe(occurred.length);
    expect(view.active).toBe(true);

    // The search cleared, the filter alone still narrows; an edit that fails it leaves the view.
    view.setQuery('');
    const everyOccurred = [...store.all()].filter((event) => event.status === 'occurred');
    expect(drawn()).toEqual(idsOf(everyOccurred));
    expect(view.shownCount).toBe(everyOccurred.length);
    edit({ upserted: [{ ...everyOccurred[0]!, status: 'cancelled' }], removed: [] });
    expect(drawn()).toEqual(idsOf(everyOccurred.slice(1)));
    expect(view.shownCount).toBe(everyOccurred.length - 1);

    view.setFilter(NO_FILTER);
    expect(view.active).toBe(false);
    expect(view.shownCount).toBe(store.size);
  });

  it('filters the story as it is after edits made between preparing and filtering', async () => {
    const { store, view, drawn, edit } = await searching();
    // Prepared while idle, before any filter: the events by slot are then kept up to date.
    view.prepare();
    const [first, second] = [...store.all()].filter((event) => event.status !== 'cancelled');
    edit({ upserted: [{ ...first!, status: 'cancelled' }], removed: [second!.id] });
    const added = makeEvent({ title: 'Talks called off', status: 'cancelled' });
    edit({ upserted: [added], removed: [] });
    view.setFilter({ ...NO_FILTER, statuses: ['cancelled'] });
    const cancelled = [...store.all()].filter((event) => event.status === 'cancelled');
    expect(drawn()).toEqual(idsOf(cancelled));
    expect(drawn()).toContain(first!.id);
    expect(drawn()).toContain(added.id);
  });

  it('judges a date range again when the zone times are shown in changes', async () => {
    const late = makeEvent({ title: 'Late', start: '2024-06-16T22:00Z' as PartialDate, end: null });
    const { view, drawn } = await searching([late]);
    view.setFilter({ ...NO_FILTER, from: '2024-06-17' as PartialDate });
    expect(drawn()).toEqual([]);
    // In Jakarta it happened at 05:00 on 17 June.
    expect(view.setZone('Asia/Jakarta')).toBe(true);
    expect(drawn()).toEqual([late.id]);
    expect(view.setZone('Asia/Jakarta')).toBe(false);
    view.setFilter(NO_FILTER);
    // Without a date range a new zone changes nothing shown.
    expect(view.setZone('UTC')).toBe(false);
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
