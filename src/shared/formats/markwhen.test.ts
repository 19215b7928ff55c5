import { type Event, type EventGroup, parse } from '@markwhen/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEvent, makeLane } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import type { LaneId } from '../ids';
import { comparePartialDates, mustParse, type PartialDate } from '../partial-date';
import { type TimelineDocument, TimelineDocumentSchema, type TimelineEvent } from '../schema';
import { markwhenRange, markwhenTags, toMarkwhen } from './markwhen';

const seed = TimelineDocumentSchema.parse(JSON.parse(readDataFile('seed-timeline.json')));
const BREAK = /\u200B/g;

interface ReadEvent {
  readonly lane: string;
  readonly title: string;
  readonly from: number;
  readonly to: number;
  readonly tags: readonly string[];
  readonly properties: Record<string, unknown>;
  /** The description lines as Markwhen holds them, zero-width spaces taken out. */
  readonly text: readonly string[];
}

/** What Markwhen's own parser reads from our text: the events with their section. */
function readBack(text: string): { header: Record<string, unknown>; events: ReadEvent[] } {
  const parsed = parse(text);
  expect(parsed.parseMessages).toEqual([]);
  const events: ReadEvent[] = [];
  const walk = (group: EventGroup, lane: string) => {
    for (const child of group.children) {
      if ('children' in child) {
        walk(child, child.title.replace(BREAK, ''));
        continue;
      }
      const event: Event = child;
      events.push({
        lane,
        title: event.firstLine.restTrimmed.replace(BREAK, '').trim(),
        from: Date.parse(event.dateRangeIso.fromDateTimeIso),
        to: Date.parse(event.dateRangeIso.toDateTimeIso),
        tags: event.tags,
        properties: event.properties as Record<string, unknown>,
        text: event.supplemental.map((block) =>
          'raw' in block ? String(block.raw).replace(BREAK, '') : '',
        ),
      });
    }
  };
  walk(parsed.events, '');
  return { header: parsed.header as Record<string, unknown>, events };
}

/** Our event's period as Markwhen reads it: calendar dates whole, times as instants. */
function expectedRange(event: TimelineEvent): [number, number] {
  const start = mustParse(event.start);
  const end = mustParse(event.end ?? event.start);
  const instant = end.precision === 'minute' || end.precision === 'second';
  if (!instant) return [start.earliest, end.latestExclusive];
  // A minute end around a start to the second ends with its minute, not before the start.
  return [start.earliest, end.earliest >= start.earliest ? end.earliest : end.latestExclusive];
}

function inLaneOrder(doc: TimelineDocument): TimelineEvent[] {
  return doc.lanes.flatMap((lane) =>
    doc.events
      .filter((e) => e.laneId === lane.id)
      .sort((a, b) => comparePartialDates(a.start, b.start)),
  );
}

function checkReadBack(doc: TimelineDocument): ReturnType<typeof readBack> {
  const read = readBack(toMarkwhen(doc));
  const ours = inLaneOrder(doc);
  // A Unicode line separator would end Markwhen's line: the export writes a space instead, in
  // an event's title and in a lane's (its section's heading) alike.
  const oneLine = (text: string): string => text.replace(/[\u2028\u2029]/g, ' ').trim();
  const lanes = new Map(doc.lanes.map((lane) => [lane.id, oneLine(lane.title)]));
  expect(read.events).toHaveLength(doc.events.length);
  const titles = ours.map((e) => oneLine(e.title));
  expect(read.events.map((e) => e.title)).toEqual(titles);
  expect(read.events.map((e) => [e.from, e.to])).toEqual(ours.map(expectedRange));
  expect(read.events.map((e) => e.lane)).toEqual(ours.map((e) => lanes.get(e.laneId)));
  return read;
}

describe('toMarkwhen, read back by @markwhen/parser', () => {
  it('gives the seed events with their titles, periods and lanes', () => {
    const read = checkReadBack(seed);
    expect(read.header).toMatchObject({ title: seed.timeline.title, timezone: 'UTC' });
    const war = read.events.find((e) => e.title.startsWith("Russia's military campaign"))!;
    expect(war.tags).toEqual(['ukraine', 'war']);
    expect(war.properties).toEqual({
      status: 'occurred',
      certainty: 'confirmed',
      location: 'Ukraine',
      actors: ['Russia', 'Ukraine'],
    });
    expect(war.text[0]).toBe(seed.events[0]!.description);
  });

  it('keeps every precision and range, times in UTC', () => {
    const dates: [string, string | null][] = [
      ['2024', null],
      ['0800-03', null],
      ['2024-06-16', '2024-06-19'],
      ['2024-06', '2025'],
      ['2024-06-16T09:30Z', null],
      ['2024-06-16T01:30+09:00', '2024-06-17'],
      ['2024-06-16', '2024-06-16T18:00-04:00'],
      ['2024-06-16T09:30:15Z', null],
      ['2024-06-16T09:30:15Z', '2024-06-20'],
      ['2024-06-16', '2024-06-16T22:00:01Z'],
      ['2024-06-16T23:59:59Z', '2024-06-16T23:59Z'],
    ];
    const events = dates.map(([start, end], i) =>
      makeEvent({
        title: `Event ${i}`,
        start: start as PartialDate,
        end: end as PartialDate | null,
      }),
    );
    checkReadBack(makeDocument({ events }));
  });

  it('writes dates as Markwhen does', () => {
    expect(markwhenRange('2024-06' as PartialDate, null)).toBe('2024-06');
    expect(markwhenRange('2024-06-16' as PartialDate, '2024-06-19' as PartialDate)).toBe(
      '2024-06-16 / 2024-06-19',
    );
    expect(markwhenRange('2024-06-16T01:30+09:00' as PartialDate, null)).toBe('2024-06-15 16:30');
    expect(markwhenRange('2024-06-16T09:30:15Z' as PartialDate, '2024-06-16' as PartialDate)).toBe(
      '2024-06-16T09:30:15Z - 2024-06-17T00:00:00Z',
    );
  });

  it('reads text that looks like Markwhen syntax as text', () => {
    const tricky = [
      '#MeToo and #2024 in the title',
      '[x] looks done',
      'Wow !important .start of it',
      'Held at [the palace](location), 50% done',
      '# Not a heading',
    ];
    const description = [
      'status: not a property',
      '2024-06-20: not an event',
      'June 21: not one either',
      '# not a heading',
      '// not a comment',
      '---',
      '![not](an image)',
      '- a list item: kept',
      'a #hashtag stays',
    ].join('\n');
    const doc = makeDocument({
      timeline: { title: 'Story #1: "quoted"', description: 'Line one\nline #two' },
      lanes: [makeLane({ title: 'Lane #one' })],
      events: tricky.map((title, i) =>
        makeEvent({
          title,
          description,
          start: `2024-06-1${i}` as PartialDate,
          tags: ['state visit', 'Россия', 'Ünïcode', '2024', 'state-visit'],
          location: 'Room #5: "East"',
          actors: ['Kim #1'],
        }),
      ),
    });
    const read = checkReadBack(doc);
    expect(read.header).toMatchObject({
      title: 'Story #1: "quoted"',
      description: 'Line one\nline #two',
    });
    for (const event of read.events) {
      expect(event.lane).toBe('Lane #one');
      expect(event.tags).toEqual(['state_visit', 'Unicode', '_2024']);
      expect(event.properties).toMatchObject({ location: 'Room #5: "East"', actors: ['Kim #1'] });
      expect(event.text.slice(0, 9)).toEqual(
        description.split('\n').map((l) => l.replace(/^- /, '')),
      );
    }
  });

  it('lists the sources after the description', () => {
    const doc = makeDocument({
      events: [
        makeEvent({
          sources: [
            {
              title: 'KCNA report',
              url: 'https://example.org/!kcna%20#part-2',
              publisher: 'KCNA',
              published: '2024-06-19' as PartialDate,
              quote: '',
              language: '',
            },
          ],
        }),
      ],
    });
    expect(toMarkwhen(doc)).toContain(' https://example.org/!kcna%20#part-2\n');
    const [event] = checkReadBack(doc).events;
    expect(event!.text).toEqual([
      'Sources',
      'KCNA report, KCNA, 2024-06-19 https://example.org/!kcna%20#part-2',
    ]);
    expect(event!.tags).toEqual([]);
  });

  it('leaves out lanes without events', () => {
    const doc = makeDocument({ events: [makeEvent({ laneId: 'lane-b' as LaneId })] });
    const text = toMarkwhen(doc);
    expect(text).toContain('# War\n');
    expect(text).not.toContain('# Diplomacy');
  });

  it('reads any titles and descriptions back as the same events', () => {
    const syntax = fc.constantFrom(
      '#',
      ':',
      '//',
      '# ',
      '---',
      '- ',
      '![a](b)',
      '[x]',
      '!id',
      '50%',
      '2024-06-16: ',
      '\n',
      '\u2028',
    );
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), syntax), { maxLength: 8 })
      .map((parts) => parts.join(''));
    const title = text.map((t) => t.replace(/\p{Cc}/gu, '').trim() || 'x');
    const event = fc
      .record({ title, description: text, tags: fc.array(text, { maxLength: 3 }), where: title })
      .map(({ title, description, tags, where }) =>
        makeEvent({
          title,
          description,
          tags: tags.map((t) => t.trim()).filter((t) => t !== ''),
          location: where,
          actors: [where],
        }),
      );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), (events) => {
        const read = checkReadBack(makeDocument({ events }));
        const where = events.map((e) => ({ location: e.location, actors: e.actors }));
        expect(read.events.map((e) => e.properties)).toMatchObject(where);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the events of any valid timeline', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), (doc) => {
        checkReadBack(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('spells tags as Markwhen does', () => {
    expect(markwhenTags(['a b', 'a-b', 'é', '漢字', '42', ' x '])).toEqual([
      'a_b',
      'e',
      '_42',
      'x',
    ]);
  });
});
