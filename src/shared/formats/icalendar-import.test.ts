/**
 * iCalendar import, on real calendar files (Google Calendar and Zimbra exports from ical.js's
 * samples) and on files written for each rule (test/fixtures/icalendar/SOURCE.md): what the
 * preview says and what the timeline then shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { importContext, makeDocument, makeLane } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import { icalendarFiles } from '../../../test/fixtures/icalendar';
import type { LaneId } from '../ids';
import { mustParse } from '../partial-date';
import { type TimelineDocument, TimelineDocumentSchema, type TimelineEvent } from '../schema';
import { stripBom } from './bom';
import { toICalendar } from './icalendar';
import { detectImportFormat, parseImport } from './index';
import { uuidFromString } from './stable-uuid';
import { oneLine } from './timelinejs-read';

type FileName = keyof typeof icalendarFiles;

function read(name: FileName, current?: TimelineDocument) {
  const result = parseImport(icalendarFiles[name], name, importContext(current));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.format).toBe('ics');
  return { document: result.value.document, notes: result.value.notes ?? [] };
}

function refusal(text: string, fileName = 'calendar.ics'): string {
  const result = parseImport(text, fileName, importContext());
  if (result.ok) throw new Error('imported');
  return result.error.message;
}

/** Title, start and end of each event, as the timeline lists them. */
function dates(events: readonly TimelineEvent[]): [string, string, string | null][] {
  return events.map((event) => [event.title, event.start, event.end]);
}

function laneTitle(document: TimelineDocument, event: TimelineEvent | undefined): string {
  return document.lanes.find((lane) => lane.id === event?.laneId)?.title ?? '';
}

function byTitle(document: TimelineDocument, title: string): TimelineEvent[] {
  return document.events.filter((event) => event.title === title);
}

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join(
    '\r\n',
  );

describe('all-day events', () => {
  it('are days: DTEND the next day, equal to DTSTART or missing is one day; longer ends on its last', () => {
    const { document, notes } = read('newsroom-all-day.ics');
    expect(dates(document.events)).toEqual([
      ['Putin arrives in Pyongyang', '2024-06-16', null],
      ['Summit talks', '2024-06-18', '2024-06-20'],
      ['Press conference day', '2024-06-22', null],
      ['Putin flies on to Hanoi', '2024-06-23', null],
      ['Entered backwards', '2024-06-25', null],
      ['Cancelled briefing', '2024-07-01', null],
      ['Untitled event', '2024-07-02', null],
      ['Anniversary of the treaty', '2027-01-15', null],
    ]);
    expect(notes).toEqual([
      '1 event whose end (DTEND) is before its start is kept without an end',
      '1 event without a title (SUMMARY) is called "Untitled event"',
    ]);
  });

  it('takes the status from STATUS, else from the date: past events occurred, later ones are scheduled', () => {
    const { document } = read('newsroom-all-day.ics');
    const status = (title: string) => byTitle(document, title)[0]?.status;
    expect(status('Cancelled briefing')).toBe('cancelled');
    expect(status('Putin flies on to Hanoi')).toBe('scheduled'); // TENTATIVE
    expect(status('Summit talks')).toBe('occurred'); // before the import (2026-12-01)
    expect(status('Anniversary of the treaty')).toBe('scheduled'); // after it
  });

  it('names the timeline and its one lane after the calendar (X-WR-CALNAME), unescaped', () => {
    const { document } = read('newsroom-all-day.ics');
    expect(document.timeline.title).toBe('Korea desk, 2024');
    expect(document.timeline.description).toBe(
      'Planning calendar of the Korea desk.\nDates as agreed.',
    );
    // The timeline's own lanes stay; the calendar's lane is added, and holds every event.
    expect(document.lanes.map((lane) => lane.title)).toEqual([
      'Diplomacy',
      'War',
      'Korea desk, 2024',
    ]);
    expect(new Set(document.events.map((event) => laneTitle(document, event)))).toEqual(
      new Set(['Korea desk, 2024']),
    );
  });

  it('puts the events in the lane of that name when the timeline has one', () => {
    const current = makeDocument({
      lanes: [makeLane(), makeLane({ id: 'korea' as LaneId, title: 'Korea desk, 2024' })],
    });
    const { document } = read('newsroom-all-day.ics', current);
    expect(document.lanes).toEqual(current.lanes);
    expect(document.events.every((event) => event.laneId === 'korea')).toBe(true);
  });

  it('names the timeline after the file when the calendar has no name', () => {
    const { document } = read('left-out.ics');
    expect(document.timeline.title).toBe('left-out');
    expect(laneTitle(document, document.events[0])).toBe('left-out');
  });
});

describe('times', () => {
  it("keeps a TZID's offset (from the VTIMEZONE, else the zone database), UTC as Z, seconds when given", () => {
    const { document } = read('jakarta-times.ics');
    expect(dates(document.events)).toEqual([
      ['Foreign ministry briefing', '2024-06-16T09:30+07:00', '2024-06-16T11:00+07:00'],
      ['Plane lands', '2024-06-18T15:30:15Z', null],
      ['Breakfast meeting', '2024-06-19T08:00Z', '2024-06-19T09:00Z'],
      ['Call with the Paris desk', '2024-06-20T14:00+02:00', '2024-06-20T14:30+02:00'],
      ['Call in an unknown time zone', '2024-06-21T12:00Z', null],
    ]);
    // The same instants the calendar means: 09:30 in Jakarta is 02:30 UTC.
    expect(mustParse(document.events[0]!.start).earliest).toBe(Date.UTC(2024, 5, 16, 2, 30));
    expect(mustParse(document.events[3]!.start).earliest).toBe(Date.UTC(2024, 5, 20, 12, 0));
  });

  it('says which times it read as UTC because the file gives no zone it knows', () => {
    const { notes } = read('jakarta-times.ics');
    expect(notes).toContain('2 times without a time zone (floating) are read as UTC');
    expect(notes).toContain(
      '1 time in the time zone "Mars/Olympus_Mons", which the file does not define, is read as UTC',
    );
  });

  it("reads a VTIMEZONE's own offset, and DURATION in place of DTEND (real files)", () => {
    expect(dates(read('timezone_from_file.ics').document.events)).toEqual([
      ['A test event', '2023-03-06T13:42-07:41', '2023-03-06T14:42-07:41'],
    ]);
    expect(dates(read('duration_instead_of_dtend.ics').document.events)).toEqual([
      ['Really long event name thing', '2012-06-30T06:00-07:00', '2012-07-01T06:00-07:00'],
    ]);
    expect(dates(read('only_dtstart_date.ics').document.events)).toEqual([
      ['Really long event name thing', '2012-06-30', null],
    ]);
  });
});

describe('event text', () => {
  it('keeps DESCRIPTION, LOCATION with GEO, URL as a source and CATEGORIES as tags', () => {
    const { document, notes } = read('jakarta-times.ics');
    const briefing = byTitle(document, 'Foreign ministry briefing')[0]!;
    expect(briefing.description).toBe(
      'The spokesperson takes questions on the visit.\nSecond line, with a comma; and a semicolon.',
    );
    expect(briefing.location).toBe('Ministry of Foreign Affairs, Jakarta (-6.1754, 106.8272)');
    expect(briefing.tags).toEqual(['diplomacy', 'briefing', 'Indonesia']);
    expect(briefing.sources).toEqual([
      {
        title: 'example.org',
        url: 'https://example.org/briefing?day=16',
        publisher: '',
        published: null,
        quote: '',
        language: '',
      },
    ]);
    // A mailto: link is no web address: left out, and said.
    expect(byTitle(document, 'Breakfast meeting')[0]!.sources).toEqual([]);
    expect(notes).toContain('1 link (URL) that is not a web address (http or https) is not kept');
  });

  it('counts what it does not keep: people, attachments, comments, alarms, to-dos, journals', () => {
    const { document, notes } = read('left-out.ics');
    expect(dates(document.events)).toEqual([
      ['Editorial meeting', '2024-06-16T01:00Z', '2024-06-16T02:00Z'],
    ]);
    expect(notes).toEqual([
      '2 attendees (ATTENDEE) are not kept',
      '1 organizer (ORGANIZER) is not kept',
      '1 attachment (ATTACH) is not kept',
      '1 comment (COMMENT) is not kept',
      '1 alarm (VALARM) is not kept',
      '1 to-do (VTODO) is not kept',
      '2 journal entries (VJOURNAL) are not kept',
    ]);
  });
});

describe('repeating events', () => {
  it('gives an event per occurrence: COUNT, less the EXDATE, with the override as it has it', () => {
    const { document } = read('repeating.ics');
    expect(dates(document.events.filter((e) => e.title.startsWith('Sanctions panel')))).toEqual([
      ['Sanctions panel', '2024-01-02T02:00Z', '2024-01-02T03:00Z'],
      ['Sanctions panel (moved)', '2024-01-17T02:00Z', '2024-01-17T03:30Z'],
      ['Sanctions panel', '2024-01-23T02:00Z', '2024-01-23T03:00Z'],
    ]);
  });

  it('stops a rule without end 2 years after its start or at 500 occurrences, and says so', () => {
    const started = performance.now();
    const { document, notes } = read('repeating.ics');
    const monthly = byTitle(document, 'Monthly trade figures');
    expect(monthly).toHaveLength(25);
    expect([monthly[0]?.start, monthly.at(-1)?.start]).toEqual(['2024-01-15', '2026-01-15']);
    const daily = byTitle(document, 'Daily wire digest');
    expect(daily).toHaveLength(500);
    expect([daily[0]?.start, daily.at(-1)?.start]).toEqual(['2024-01-01', '2025-05-14']);
    // A rule no date matches would have ical.js search forever: it keeps DTSTART, and ends.
    expect(dates(byTitle(document, 'Rule no date matches'))).toEqual([
      ['Rule no date matches', '2024-01-01', null],
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(notes).toEqual([
      'Occurrences of 1 repeating event more than 2 years after the first are not kept',
      'Occurrences of 1 repeating event after the first 500 are not kept',
      'Occurrences of 1 repeating event whose rule (RRULE) finds no further date are not kept',
    ]);
  });

  it('reads a Zimbra calendar: RDATEs, EXDATEs and moved occurrences, in Los Angeles time', () => {
    const { document, notes } = read('recur_instances.ics');
    // The first Tuesday of each month for 2 years, less 3 EXDATEs, plus 3 RDATEs in that time.
    expect(document.events).toHaveLength(24);
    expect(dates(document.events.slice(0, 3))).toEqual([
      ['Crazy Event Thingy!', '2012-10-02T15:00-07:00', '2012-10-02T15:30-07:00'], // moved
      ['Crazy Event Thingy!', '2012-11-06T20:00-08:00', '2012-11-06T20:30-08:00'], // moved RDATE
      ['Crazy Event Thingy!', '2012-11-06T10:00-08:00', '2012-11-06T10:30-08:00'],
    ]);
    expect(document.events[0]?.description).toBe('I HAZ CHANGED!');
    expect(document.events[2]?.description).toBe('IAM FOO');
    const starts = document.events.map((event) => event.start);
    expect(starts).not.toContain('2012-12-04T10:00-08:00'); // an EXDATE
    expect(starts).toContain('2012-11-30T10:00-08:00'); // an RDATE
    expect(notes).toEqual([
      '3 attendees (ATTENDEE) are not kept',
      '3 organizers (ORGANIZER) are not kept',
      '3 alarms (VALARM) are not kept',
      '1 X-UNKNOWN component (X-UNKNOWN) is not kept',
      'Occurrences of 1 repeating event more than 2 years after the first are not kept',
    ]);
  });

  it('reads a Google weekday rule with no end to its first 500 days', () => {
    const { document, notes } = read('day_long_recur_yearly.ics');
    expect(document.events).toHaveLength(500);
    expect(dates(document.events.slice(0, 3))).toEqual([
      ['Day Long Event', '2012-08-03', null],
      ['Day Long Event', '2012-08-06', null], // Friday, then Monday
      ['Day Long Event', '2012-08-07', null],
    ]);
    expect(notes).toEqual([
      '2 alarms (VALARM) are not kept',
      'Occurrences of 1 repeating event after the first 500 are not kept',
    ]);
  });

  it("keeps Google's birthday overrides, whose UID is not the repeating event's, as events of their own", () => {
    const { document, notes } = read('google_birthday.ics');
    expect(document.timeline.title).toBe("Contacts' birthdays and events");
    expect(dates(document.events)).toEqual([
      ["PErson #2's birthday", '2012-12-10', null],
      ["PErson #2's birthday", '2013-12-10', null],
      ["PErson #2's birthday", '2014-12-10', null],
      ["PErson #2's birthday", '2012-12-10', null],
      ["PErson #2's birthday", '2013-12-10', null],
      ["PErson #2's birthday", '2014-12-10', null],
    ]);
    expect(document.events.map((event) => event.description).slice(3)).toEqual(
      Array(3).fill("Today is PErson #2's birthday!"),
    );
    expect(notes).toEqual(['4 attendees (ATTENDEE) are not kept']);
  });
});

describe('ids', () => {
  it('come from the UID (and the occurrence), so importing the file again updates the events', () => {
    const first = read('repeating.ics').document.events.map((event) => event.id);
    const again = read('repeating.ics', makeDocument()).document.events.map((event) => event.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    const { document } = read('newsroom-all-day.ics');
    expect(document.events[0]?.id).toBe(uuidFromString('one-day@example.org'));
  });

  it('are our own ids again for a calendar we exported', () => {
    const seed = TimelineDocumentSchema.parse(JSON.parse(readDataFile('seed-timeline.json')));
    const result = parseImport(toICalendar(seed), 'story.ics', importContext(seed));
    if (!result.ok) throw new Error(result.error.message);
    const { document } = result.value;
    expect(document.events.map((e) => e.id)).toEqual(seed.events.map((e) => e.id));
    expect(document.events.map((e) => e.title)).toEqual(seed.events.map((e) => e.title));
    expect(document.events.map((e) => e.tags)).toEqual(seed.events.map((e) => e.tags));
    expect(document.events.map((e) => e.location)).toEqual(seed.events.map((e) => e.location));
    // A month is an all-day span in iCalendar: it comes back as its days.
    expect(dates(document.events).map(([, start, end]) => [start, end])).toEqual([
      ['2022-02-01', '2022-02-28'],
      ['2023-09-01', '2023-09-30'],
      ['2024-03-01', '2024-03-31'],
      ['2024-06-16', null],
      ['2024-06-01', '2024-06-30'],
    ]);
    expect(document.timeline).toEqual(seed.timeline);
  });

  it('gives any valid timeline exported as iCalendar back with its ids, titles and starts', () => {
    fc.assert(
      // A calendar without events is refused (see below).
      fc.property(
        arbitraryTimeline().filter((doc) => doc.events.length > 0),
        (doc) => {
          const result = parseImport(toICalendar(doc), 'story.ics', importContext());
          if (!result.ok) throw new Error(result.error.message);
          const events = result.value.document.events;
          expect(events.map((e) => e.id)).toEqual(doc.events.map((e) => e.id));
          expect(events.map((e) => e.title)).toEqual(doc.events.map((e) => oneLine(e.title)));
          // Times go out as UTC to the second; calendar dates as their first day.
          expect(events.map((e) => mustParse(e.start).earliest)).toEqual(
            doc.events.map((e) => Math.floor(mustParse(e.start).earliest / 1000) * 1000),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('refusals', () => {
  it('refuses a calendar without events, saying so', () => {
    expect(refusal(icalendarFiles['no-events.ics'])).toBe(
      'This calendar has no events (VEVENT): there is nothing to import',
    );
  });

  it('refuses text ical.js cannot read, naming the line', () => {
    expect(refusal(icalendarFiles['broken.ics'])).toBe(
      'This iCalendar file cannot be read: line 8 is not a calendar line such as NAME:value ("this line has no colon")',
    );
    expect(refusal(calendar('BEGIN:VEVENT', 'UID:a', 'DTSTART:20240616T090000Z'))).toBe(
      'This iCalendar file cannot be read: line 4: BEGIN:VEVENT has no END:VEVENT',
    );
    expect(
      refusal(
        calendar(
          'BEGIN:VEVENT',
          'UID:a',
          'DTSTART:20240616T090000Z',
          'RRULE:FREQ=SOMETIMES',
          'END:VEVENT',
        ),
      ),
    ).toMatch(/^This iCalendar file cannot be read: line 7: invalid frequency "SOMETIMES"/);
  });

  it('names the event, and the property, it refuses', () => {
    const text = calendar('BEGIN:VEVENT', 'UID:a', 'DTSTART:2024-06-xx', 'END:VEVENT');
    expect(refusal(text)).toMatch(/^VEVENT at line 4: invalid date-time value/);
    const hidden = ['UID:b', 'DTSTART;VALUE=DATE:20240616', 'SUMMARY:Evil \u202Etxt.exe'];
    expect(refusal(calendar('BEGIN:VEVENT', ...hidden, 'END:VEVENT'))).toMatch(
      /^VEVENT at line 4, SUMMARY: contains a hidden text-direction character \(U\+202E\)/,
    );
  });

  it('never throws on any text after BEGIN:VCALENDAR, and keeps only valid documents', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'BEGIN:VEVENT',
        'END:VEVENT',
        'DTSTART:20240616T090000Z',
        'DTSTART;VALUE=DATE:20240616',
        'DTEND;VALUE=DATE:20240601',
        'RRULE:FREQ=DAILY',
        'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31',
        'SUMMARY:\u202Eevil',
        'UID:x',
        'RECURRENCE-ID:20240617T090000Z',
        'END:VCALENDAR',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const result = parseImport(
          ['BEGIN:VCALENDAR', ...lines].join('\r\n'),
          'a.ics',
          importContext(),
        );
        if (result.ok) {
          expect(TimelineDocumentSchema.safeParse(result.value.document).success).toBe(true);
        } else expect(result.error.message).not.toBe('');
      }),
      { numRuns: 100 },
    );
  });
});

describe('detection', () => {
  it('knows a calendar by its content, whatever the file is called', () => {
    const text = icalendarFiles['newsroom-all-day.ics'];
    expect(detectImportFormat(text, 'notes.txt')).toBe('ics');
    expect(detectImportFormat(`\uFEFF\r\n  ${stripBom(text)}`, 'story.csv')).toBe('ics');
    expect(detectImportFormat('begin:vcalendar\r\nend:vcalendar', '')).toBe('ics');
    expect(detectImportFormat('{"format": "timeline-desk"}', 'story.ics')).toBe('json');
    expect(detectImportFormat('BEGIN:VCARD\r\nEND:VCARD', 'contact.ics')).toBeNull();
  });
});
