import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEvent } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import type { Timestamp } from '../ids';
import { mustParse, type PartialDate } from '../partial-date';
import { type TimelineDocument, TimelineDocumentSchema } from '../schema';
import { dateLines, escapeText, foldLine, toICalendar } from './icalendar';

const seed = TimelineDocumentSchema.parse(JSON.parse(readDataFile('seed-timeline.json')));

/** The VEVENTs as Mozilla's ical.js (the parser of Thunderbird) reads our text. */
function readEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function property(event: ICAL.Event, name: string): unknown {
  return event.component.getFirstPropertyValue(name);
}

/** Checks the RFC 5545 line rules on the raw text: CRLF, 75 octets, whole UTF-8 characters. */
function checkLines(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = new TextEncoder().encode(text);
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0d) continue;
    const line = bytes.subarray(start, i);
    expect(line.length).toBeLessThanOrEqual(75);
    // A fold that split a character would leave a line that is not valid UTF-8 on its own.
    expect(() => decoder.decode(line)).not.toThrow();
    start = i + 2;
  }
}

describe('toICalendar, read back by ical.js', () => {
  const text = toICalendar(seed);
  const events = readEvents(text);

  it('writes a calendar with one VEVENT per event', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Timeline Desk//Timeline Desk//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    // ical.js keeps X- properties as written: the name is escaped TEXT, as calendar apps read it.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(escapeText(seed.timeline.title));
    expect(events.map((e) => e.uid)).toEqual(seed.events.map((e) => `${e.id}@timeline-desk`));
    expect(events.map((e) => e.summary)).toEqual(seed.events.map((e) => e.title));
    checkLines(text);
  });

  it('gives each event its place, tags, status and stamp', () => {
    const visit = events[3]!;
    const ours = seed.events[3]!;
    expect(visit.location).toBe(ours.location);
    expect(visit.component.getFirstProperty('categories')?.getValues()).toEqual(ours.tags);
    expect(property(visit, 'status')).toBe('TENTATIVE'); // scheduled
    expect(property(events[0]!, 'status')).toBe('CONFIRMED'); // occurred
    expect(String(property(visit, 'dtstamp'))).toBe('2026-11-25T00:00:00Z');
  });

  it('puts description, actors, certainty and sources in DESCRIPTION', () => {
    const ours = seed.events[0]!;
    expect(events[0]!.description).toBe(
      `${ours.description}\n\nActors: Russia, Ukraine\n\nCertainty: confirmed\n\nSources:\n- ${ours.sources[0]!.title}`,
    );
  });

  it('makes month and day dates all-day events over their whole period', () => {
    const war = events[0]!; // 2022-02
    expect(war.startDate.isDate).toBe(true);
    expect(war.startDate.toString()).toBe('2022-02-01');
    expect(war.endDate.toString()).toBe('2022-03-01');
    const visit = events[3]!; // 2024-06-16
    expect([visit.startDate.toString(), visit.endDate.toString()]).toEqual([
      '2024-06-16',
      '2024-06-17',
    ]);
  });
});

describe('dates', () => {
  /** What ical.js reads as the start and end, for one event with these dates. */
  function readDates(start: string, end: string | null): [string, string, boolean] {
    const doc = makeDocument({
      events: [makeEvent({ start: start as PartialDate, end: end as PartialDate | null })],
    });
    const [event] = readEvents(toICalendar(doc));
    return [event!.startDate.toString(), event!.endDate.toString(), event!.startDate.isDate];
  }

  it('spans a year, a range of days and a range of months', () => {
    expect(readDates('2024', null)).toEqual(['2024-01-01', '2025-01-01', true]);
    expect(readDates('2024-06-16', '2024-06-19')).toEqual(['2024-06-16', '2024-06-20', true]);
    expect(readDates('2024-02', '2024-03')).toEqual(['2024-02-01', '2024-04-01', true]);
    expect(readDates('2024-12-31', '2025')).toEqual(['2024-12-31', '2026-01-01', true]);
  });

  it('writes times as UTC date-times, an instant without an end', () => {
    expect(readDates('2024-06-16T01:30+09:00', null)).toEqual([
      '2024-06-15T16:30:00Z',
      '2024-06-15T16:30:00Z',
      false,
    ]);
    expect(readDates('2024-06-16T09:30:15Z', '2024-06-16T18:00Z')).toEqual([
      '2024-06-16T09:30:15Z',
      '2024-06-16T18:00:00Z',
      false,
    ]);
    // A minute end around a start to the second ends with its minute, never before the start.
    expect(readDates('2024-06-16T23:59:59Z', '2024-06-16T23:59Z')).toEqual([
      '2024-06-16T23:59:59Z',
      '2024-06-17T00:00:00Z',
      false,
    ]);
  });

  it('writes both as date-times when only one has a time, the calendar end covering its day', () => {
    expect(readDates('2024-06-16T09:30Z', '2024-06-17')).toEqual([
      '2024-06-16T09:30:00Z',
      '2024-06-18T00:00:00Z',
      false,
    ]);
    expect(dateLines('2024-06-16' as PartialDate, '2024-06-16T18:00Z' as PartialDate)).toEqual([
      'DTSTART:20240616T000000Z',
      'DTEND:20240616T180000Z',
    ]);
  });

  it('writes the lines in the basic format', () => {
    expect(dateLines('2024-06' as PartialDate, null)).toEqual([
      'DTSTART;VALUE=DATE:20240601',
      'DTEND;VALUE=DATE:20240701',
    ]);
  });
});

describe('text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b; c, d\r\ne\rf\ng')).toBe('a\\\\b\\; c\\, d\\ne\\nf\\ng');
  });

  it('leaves out control characters other than tab', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'😀'.repeat(20)}${'漢'.repeat(30)}`;
    const folded = foldLine(line);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    checkLines(`${folded}\r\n`);
    expect(foldLine('SHORT:text')).toBe('SHORT:text');
  });

  it('reads hostile and long text back exactly', () => {
    const title = `Kim, Putin; "talks" \\ <b>#1</b> ${'漢字'.repeat(40)} 😀`;
    const description = `Line one, with; separators\\\n\nLine three\r\nand ${'é'.repeat(100)}`;
    const doc = makeDocument({
      timeline: { title: 'Calendar, with; everything\\', description: 'Two\nlines' },
      events: [
        makeEvent({
          title,
          description,
          location: 'Pyongyang; Kim Il Sung Square, North Korea',
          tags: ['state visit', 'a,b', 'c;d'],
          status: 'cancelled',
          sources: [
            {
              title: 'KCNA',
              url: 'https://example.org/a?b=1,2;3',
              publisher: '',
              published: null,
              quote: '',
              language: '',
            },
          ],
        }),
      ],
    });
    const text = toICalendar(doc);
    checkLines(text);
    const [event] = readEvents(text);
    expect(event!.summary).toBe(title);
    expect(event!.description.startsWith(description.replace('\r\n', '\n'))).toBe(true);
    expect(event!.location).toBe('Pyongyang; Kim Il Sung Square, North Korea');
    expect(event!.component.getFirstProperty('categories')?.getValues()).toEqual([
      'state visit',
      'a,b',
      'c;d',
    ]);
    expect(property(event!, 'status')).toBe('CANCELLED');
    expect(property(event!, 'url')).toBe('https://example.org/a?b=1,2;3');
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Calendar\\, with\\; everything\\\\',
    );
  });

  it('keeps a web address with a line break in it on one line', () => {
    const doc = makeDocument({
      events: [
        makeEvent({
          sources: [
            {
              title: 'T',
              url: 'https://example.org/a\nBEGIN:VALARM',
              publisher: '',
              published: null,
              quote: '',
              language: '',
            },
          ],
        }),
      ],
    });
    const text = toICalendar(doc);
    expect(text).not.toMatch(/^BEGIN:VALARM/m);
    expect(readEvents(text)).toHaveLength(1);
  });

  it('writes any valid timeline as a calendar ical.js reads, one event each', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), (doc) => {
        const text = toICalendar(doc);
        checkLines(text);
        const read = readEvents(text);
        expect(read.map((e) => e.uid)).toEqual(doc.events.map((e) => `${e.id}@timeline-desk`));
        expect(read.map((e) => e.summary)).toEqual(doc.events.map((e) => e.title));
        expect(read.map((e) => e.location || '')).toEqual(doc.events.map((e) => e.location));
        expect(read.map((e) => e.startDate.toUnixTime() * 1000)).toEqual(
          doc.events.map((e) => Math.floor(mustParse(e.start).earliest / 1000) * 1000),
        );
        for (const event of read) {
          expect(event.endDate.compare(event.startDate)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads any titles, descriptions and dates back exactly', () => {
    const anyText = fc.string({ unit: 'grapheme', maxLength: 120 });
    const event = fc
      .record({
        title: anyText.map((t) => t.replace(/\p{Cc}/gu, '').trim() || 'x'),
        description: anyText.map((t) => t.replace(/(?![\t\r\n])\p{Cc}/gu, '')),
        day: fc.integer({ min: 0, max: 3_000_000 }),
      })
      .map(({ title, description, day }) =>
        makeEvent({
          title,
          description,
          start: new Date(Date.UTC(1000, 0, 1) + day * 86_400_000)
            .toISOString()
            .slice(0, 10) as PartialDate,
          updatedAt: '2024-06-17T08:00:00.000+02:00' as Timestamp,
        }),
      );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 5 }), (events) => {
        const doc: TimelineDocument = makeDocument({ events });
        const text = toICalendar(doc);
        checkLines(text);
        const read = readEvents(text);
        expect(read.map((e) => e.summary)).toEqual(events.map((e) => e.title));
        expect(read.map((e) => e.description)).toEqual(
          events.map((e) =>
            [e.description.replace(/\r\n?/g, '\n'), 'Certainty: reported']
              .filter((part) => part !== '')
              .join('\n\n'),
          ),
        );
        expect(read.map((e) => e.startDate.toString())).toEqual(events.map((e) => e.start));
        expect(read.map((e) => Date.parse(`${e.endDate.toString()}T00:00Z`))).toEqual(
          events.map((e) => mustParse(e.start).latestExclusive),
        );
        expect(read.map((e) => String(e.component.getFirstPropertyValue('dtstamp')))).toEqual(
          events.map(() => '2024-06-17T06:00:00Z'),
        );
      }),
      { numRuns: 200 },
    );
  });
});
