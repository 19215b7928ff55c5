import { describe, expect, it } from 'vitest';

import { readDataFile } from '../../test/data-files';
import { mustParse } from './partial-date';
import { TimelineDocumentSchema, type TimelineEvent } from './schema';

const seed = TimelineDocumentSchema.parse(JSON.parse(readDataFile('seed-timeline.json')));
const article = readDataFile('seed-article.id.txt');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function eventTitled(start: string): TimelineEvent {
  const found = seed.events.filter((event) => event.title.startsWith(start));
  expect(found, `one seed event titled "${start}…"`).toHaveLength(1);
  return found[0]!;
}

describe('the seed timeline', () => {
  it('has at least five events', () => {
    expect(seed.events.length).toBeGreaterThanOrEqual(5);
  });

  it('dates the start of the war in Ukraine to February 2022, at month precision', () => {
    const war = eventTitled("Russia's military campaign in Ukraine begins");
    expect(war.start).toBe('2022-02');
    expect(mustParse(war.start).precision).toBe('month');
    expect(war.end).toBeNull();
  });

  it("dates Kim's visit to the Far East to September 2023 and says the month is inferred", () => {
    const farEast = eventTitled("Putin hosts Kim Jong Un in Russia's Far East");
    expect(farEast.start).toBe('2023-09');
    expect(farEast.description).toMatch(/month is inferred/i);
  });

  it('dates the UN Security Council veto to March 2024', () => {
    const veto = eventTitled('Russia vetoes continued UN monitoring of North Korea sanctions');
    expect(veto.start).toBe('2024-03');
    expect(veto.description).toMatch(/UN Security Council/);
  });

  it('has the state visit on 16 June 2024, scheduled, noting that the day was a Sunday', () => {
    const visit = eventTitled("Putin's state visit to North Korea");
    expect(visit.start).toBe('2024-06-16');
    expect(visit.status).toBe('scheduled');
    expect(visit.description).toMatch(/16 June 2024 was a Sunday/);
    expect(new Date(Date.UTC(2024, 5, 16)).getUTCDay()).toBe(0); // 0 is Sunday
  });

  it('has the trip on to Vietnam in June 2024, scheduled, as a follow-up of the visit', () => {
    const visit = eventTitled("Putin's state visit to North Korea");
    const vietnam = eventTitled('Putin travels on to Vietnam');
    expect(vietnam.start).toBe('2024-06');
    expect(vietnam.status).toBe('scheduled');
    expect(vietnam.followUpOf).toBe(visit.id);
  });

  it.each(seed.events.map((event) => [event.title, event] as const))(
    '"%s" cites the article with a verbatim Indonesian quote',
    (_, event) => {
      const citations = event.sources.filter((source) => source.language === 'id');
      expect(citations.length).toBeGreaterThan(0);
      for (const citation of citations) {
        expect(citation.quote.length).toBeGreaterThan(20);
        expect(article).toContain(citation.quote);
      }
    },
  );

  it('puts every event in a lane that exists', () => {
    const laneIds = new Set(seed.lanes.map((lane) => lane.id));
    for (const event of seed.events) expect(laneIds).toContain(event.laneId);
  });

  it('gives every event a unique UUID', () => {
    const ids = seed.events.map((event) => event.id);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seed.timeline.id).toMatch(UUID);
  });
});
