/**
 * Markwhen import, on the examples Markwhen's documentation and app publish, on a file written
 * for each rule (test/fixtures/markwhen/SOURCE.md) and on our own export read back: what the
 * preview says and what the timeline then shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { importContext, makeDocument } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import { markwhenFiles } from '../../../test/fixtures/markwhen';
import { mustParse } from '../partial-date';
import { type TimelineDocument, TimelineDocumentSchema, type TimelineEvent } from '../schema';
import { detectImportFormat, parseImport } from './index';
import { markwhenTags, toMarkwhen } from './markwhen';
import { endInstant } from './period-end';
import { oneLine } from './timelinejs-read';

function readText(text: string, fileName: string, current?: TimelineDocument) {
  const result = parseImport(text, fileName, importContext(current));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.format).toBe('markwhen');
  return { document: result.value.document, notes: result.value.notes ?? [] };
}

function read(name: keyof typeof markwhenFiles, current?: TimelineDocument) {
  return readText(markwhenFiles[name], name, current);
}

function refusal(text: string): string {
  const result = parseImport(text, 'story.mw', importContext());
  if (result.ok) throw new Error('imported');
  return result.error.message;
}

function laneOf(document: TimelineDocument, event: TimelineEvent): string {
  return document.lanes.find((lane) => lane.id === event.laneId)?.title ?? '';
}

/** Title, start, end and lane of each event, as the timeline shows them. */
function rows(document: TimelineDocument): [string, string, string | null, string][] {
  return document.events.map((e) => [e.title, e.start, e.end, laneOf(document, e)]);
}

/** The start and end Markwhen's one event reads from this date, in a file in UTC. */
function datesOf(date: string): [string, string | null] {
  const { document } = readText(
    `---\ntimezone: UTC\n---\n2020-01-01: Anchor\n${date}: Event\n`,
    'a.mw',
  );
  const event = document.events[1];
  return [event?.start ?? '', event?.end ?? null];
}

describe('a Markwhen file', () => {
  it('gives each event its title, dates and lane; nested sections are "Outer / Inner" lanes', () => {
    const { document } = read('korea-desk.mw');
    expect(rows(document)).toEqual([
      ['Visit announced', '2024-06', null, 'Korea desk'],
      ["Putin's state visit to North Korea", '2024-06-16', null, 'Russia'],
      ['Summit talks', '2024-06-18', '2024-06-20', 'Russia / Diplomacy'],
      ['Treaty signed at', '2024-06-19T09:30+07:00', null, 'Russia / Diplomacy'],
      [
        'Press conference',
        '2024-06-19T09:30+07:00',
        '2024-06-19T11:00+07:00',
        'Russia / Diplomacy',
      ],
      ['Motorcade leaves', '2024-06-19T10:15:30Z', null, 'Russia / Diplomacy'],
      ['Putin arrives in Hanoi', '2024-06-17', '2024-06-19', 'Russia / Diplomacy'],
      ['Talks stall', '2022', '2023', 'Ukraine / Diplomacy'],
      ['Peace summit in Switzerland', '2024', null, 'Ukraine / Diplomacy'],
      ['Sanctions review', '2024-07-01', null, 'Ukraine / Diplomacy'],
      ['50% of the aid delivered', '2024-07-08', null, 'Ukraine / Diplomacy'],
      ['Untitled event', '2024-07-09', null, 'Ukraine / Diplomacy'],
    ]);
  });

  it("takes the header's title and description; events outside a section go to a lane of that title", () => {
    const { document } = read('korea-desk.mw');
    expect(document.timeline.title).toBe('Korea desk');
    expect(document.timeline.description).toBe('What we follow this week.');
    expect(document.lanes.map((lane) => lane.title)).toEqual([
      'Diplomacy',
      'War',
      'Korea desk',
      'Russia',
      'Russia / Diplomacy',
      'Ukraine / Diplomacy',
    ]);
  });

  it('keeps tags, the description, sources and the properties our export writes', () => {
    const { document } = read('korea-desk.mw');
    const visit = document.events[1]!;
    expect(visit.tags).toEqual(['visit', 'state_visit']);
    expect(visit).toMatchObject({
      location: 'Pyongyang',
      status: 'scheduled',
      certainty: 'confirmed',
      actors: ['Vladimir Putin', 'Kim Jong Un'],
      description: 'Announced by the Kremlin.\n- a list item\n- [x] a checked item',
    });
    expect(visit.sources.map((s) => [s.title, s.url])).toEqual([
      ['KCNA report, KCNA', 'https://example.org/kcna'],
    ]);
    expect(document.events[0]?.description).toBe('The Kremlin confirms the dates.');
    // A [place](location) link is the location.
    expect(document.events[3]?.location).toBe('Kumsusan Palace');
    // Without a status, a past event occurred (the import is on 2026-12-01).
    expect(document.events[2]?.status).toBe('occurred');
  });

  it('lists what it cannot keep as written', () => {
    expect(read('korea-desk.mw').notes).toEqual([
      '1 event property Timeline Desk has no field for is not kept (priority)',
      '1 event dated relative to another event or to "now" is kept at the dates worked out on import',
      '1 repeating event (every …) is kept once, at its first date',
      '1 completion mark ([x], 50%) is kept only as text in the title',
      '1 event without a title is called "Untitled event"',
    ]);
  });

  it('gives the same ids when imported again: the id property, else the title and start', () => {
    const first = read('korea-desk.mw').document.events.map((e) => e.id);
    const again = read('korea-desk.mw', makeDocument()).document.events.map((e) => e.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
});

describe("Markwhen's own examples", () => {
  it('reads the documentation’s sections: nested ones inside their parent, a new # a new lane', () => {
    const { document, notes } = read('docs-groups-and-sections.mw');
    expect(rows(document)).toEqual([
      ['Desert Storm', '1991', null, 'The 90s'],
      ['Friends premiered', '1994', null, 'The 90s'],
      ['Series finale of Seinfeld', '1998-05-14', null, 'The 90s'],
      ['Premiere of The Office (US)', '2005-03', null, 'The 90s / The 2000s'],
      ['Pandemic', '2020', null, 'The 90s / The 2010s'],
      ['Other things happen', '2022', null, 'Other Events'],
    ]);
    expect(document.timeline.title).toBe('docs-groups-and-sections');
    expect(notes).toEqual([]);
  });

  it('reads dates relative to an event id at the dates they fall on, and says so', () => {
    const { document, notes } = read('docs-event-ids.mw');
    expect(rows(document).map(([title, start, end]) => [title, start, end])).toEqual([
      ['Phase 1', '2023-01-01', '2023-01-14'],
      ['Phase 2, in parallel with Phase 3', '2023-01-15', '2023-01-28'],
      ['Phase 3, in parallel with Phase 2', '2023-01-15', '2023-02-14'],
      ['Phase 4 - kickoff!', '2023-02-22', '2023-02-24'],
    ]);
    expect(document.events.map((e) => e.tags)).toEqual([
      ['Exploratory'],
      ['Implementation'],
      ['Implementation'],
      ['Launch'],
    ]);
    expect(notes).toEqual([
      '4 events dated relative to another event or to "now" are kept at the dates worked out on import',
    ]);
  });

  it('leaves out events whose date the parser cannot read, naming the first', () => {
    const { document, notes } = read('docs-european-dates.mw');
    expect(document.events.map((e) => e.title)).toEqual(['Phase 3', 'Phase 4 - kickoff!']);
    expect(notes).toEqual([
      "2 events whose date Markwhen could not read are not kept (line 5: Was supposed to have a slash date but couldn't parse it)",
    ]);
  });

  it("reads the Markwhen app's example in the older syntax, its title from the header", () => {
    const { document, notes } = read('markwhen-app-example.mw');
    expect(document.timeline.title).toBe('Welcome to Markwhen 👋');
    const dated = rows(document).filter(([, start]) => !start.startsWith('2026'));
    expect(dated.map(([title, start, end]) => [title, start, end])).toEqual([
      ['Sub task', '2023-01', '2023-03'],
      ['Sub task 2', '2023-03', '2023-06'],
      ['Yearly planning', '2023-07', null],
      ['Larger sub task', '2023-04', '2023-07'],
      ['Longer ongoing task', '2023-03', '2024-02'],
      ['Holiday season', '2023-10', '2023-11'],
      ['Project kickoff', '2024-01', null],
      ['Other stuff', '2024-02', '2024-04'],
      ['Biweekly meeting', '2023-01-03', null],
    ]);
    // "now:" events are dated at the import.
    expect(rows(document).filter(([, start]) => start === '2026-12-01T10:00Z')).toHaveLength(2);
    expect(notes).toEqual([
      '4 events dated relative to another event or to "now" are kept at the dates worked out on import',
      '9 lines of older Markwhen syntax (section, group, endSection, endGroup) are kept as description text',
      '1 repeating event (every …) is kept once, at its first date',
      'Markwhen could not read 1 part of the file, which is not kept (line 5: Implicit map keys need to be followed by map values at line 8, column 1:)',
    ]);
  });
});

describe('dates', () => {
  it('keep the precision written: a year, a month, a day, a time, and each end of a range', () => {
    expect(datesOf('2024')).toEqual(['2024', null]);
    expect(datesOf('2024-06')).toEqual(['2024-06', null]);
    expect(datesOf('2024-06-16')).toEqual(['2024-06-16', null]);
    expect(datesOf('2024-06-16 / 2024-06-19')).toEqual(['2024-06-16', '2024-06-19']);
    expect(datesOf('2024-06 / 2025')).toEqual(['2024-06', '2025']);
    expect(datesOf('2024-06-16 09:30')).toEqual(['2024-06-16T09:30Z', null]);
    expect(datesOf('2024-06-16 09:30 / 2024-06-16 18:00')).toEqual([
      '2024-06-16T09:30Z',
      '2024-06-16T18:00Z',
    ]);
    expect(datesOf('2024-06-16T09:30:15Z')).toEqual(['2024-06-16T09:30:15Z', null]);
    expect(datesOf('2024-06-16 / 2024-06-16 00:00')).toEqual(['2024-06-16', '2024-06-16T00:00Z']);
  });

  it('read other forms at the whole years, months or days Markwhen makes of them', () => {
    expect(datesOf('June 5, 2024')).toEqual(['2024-06-05', null]);
    expect(datesOf('Jan 2020 - Mar 2020')).toEqual(['2020-01', '2020-03']);
    expect(datesOf('03/2023 - 1 year')).toEqual(['2023-03', '2024-02']);
    expect(datesOf('2023-04/4 months')).toEqual(['2023-04', '2023-07']);
    expect(datesOf('2024 / now')).toEqual(['2024', '2026-12-01T10:00Z']);
    expect(datesOf('Nov 11 2011 2:30pm')).toEqual(['2011-11-11T14:30Z', null]);
  });

  it("take the header's timezone, else this computer's, and say so", () => {
    const { document, notes } = readText('2024-06-16 09:30: Call\n', 'call.mw');
    expect(document.events[0]?.start).toMatch(/^2024-06-16T09:30(Z|[+-]\d{2}:\d{2})$/);
    expect(notes).toEqual([
      "1 event with a time of day is read in this computer's time zone: the file's header names no timezone",
    ]);
  });

  it('leave out what a timeline cannot hold, and say so', () => {
    const { document, notes } = readText('100 BC: Ancient\n2024: Modern\n', 'a.mw');
    expect(document.events.map((e) => e.title)).toEqual(['Modern']);
    expect(notes).toEqual(['1 event dated outside the years 1 to 9999 is not kept']);
  });
});

describe('refusals and detection', () => {
  it('refuses a file without events, and an event that ends before it starts, naming its line', () => {
    expect(refusal('title: Notes\n\nJust some text.\n')).toBe(
      'This Markwhen file has no events (lines such as "2024-06-16: What happened")',
    );
    expect(refusal('2024: Fine\n\n2024-06-19 / 2024-06-16: Backwards\n')).toBe(
      'line 3: the event ends before it starts',
    );
  });

  it('names the line and field the timeline refuses', () => {
    expect(refusal('2024: Fine\n2024-06-16: Evil \u202Etxt.exe\n')).toMatch(
      /^line 2, title: contains a hidden text-direction character \(U\+202E\)/,
    );
  });

  it('is read as Markwhen by its .mw name only, after every other format', () => {
    expect(detectImportFormat('2024: An event\n', 'story.mw')).toBe('markwhen');
    expect(detectImportFormat('2024: An event\n', 'STORY.MW')).toBe('markwhen');
    expect(detectImportFormat('2024: An event\n', 'story.txt')).toBeNull();
    expect(detectImportFormat('id,title,start\n1,a,2024\n', 'story.mw')).toBe('csv');
    expect(detectImportFormat('{"format": "timeline-desk"}', 'story.mw')).toBe('json');
  });
});

describe('our own export, read back', () => {
  const seed = TimelineDocumentSchema.parse(JSON.parse(readDataFile('seed-timeline.json')));

  it('gives the seed its events again: ids, titles, dates, lanes, tags, places and people', () => {
    const { document, notes } = readText(toMarkwhen(seed), 'story.mw', seed);
    const back = new Map(document.events.map((event) => [event.id, event]));
    expect(document.events).toHaveLength(seed.events.length);
    for (const ours of seed.events) {
      const event = back.get(ours.id);
      expect(event).toMatchObject({
        title: ours.title,
        start: ours.start,
        end: ours.end,
        laneId: ours.laneId,
        tags: markwhenTags(ours.tags),
        location: ours.location,
        actors: ours.actors,
        status: ours.status,
        certainty: ours.certainty,
        description: ours.description,
      });
      expect(event?.sources.map((source) => source.title)).toEqual(
        ours.sources.map((source) => source.title),
      );
    }
    expect(document.lanes).toEqual(seed.lanes);
    expect(document.timeline).toEqual(seed.timeline);
    expect(notes).toEqual([]);
  });

  it('gives the seed’s lanes by title in another timeline', () => {
    const { document } = readText(toMarkwhen(seed), 'story.mw', makeDocument());
    const lanes = (events: readonly TimelineEvent[], doc: TimelineDocument) =>
      events.map((event) => doc.lanes.find((lane) => lane.id === event.laneId)?.title);
    const byTitle = (events: readonly TimelineEvent[]) =>
      [...events].sort((a, b) => a.title.localeCompare(b.title));
    expect(lanes(byTitle(document.events), document)).toEqual(lanes(byTitle(seed.events), seed));
  });

  it('gives any valid timeline its events again, with their titles, periods and lanes', () => {
    /** An event's period as instants: calendar dates whole, times as instants. */
    const period = (event: TimelineEvent): [number, number] => {
      const start = mustParse(event.start);
      return [start.earliest, endInstant(start, mustParse(event.end ?? event.start))];
    };
    /** Text as the export then import keeps it: zero-width spaces out, white space one space. */
    const kept = (text: string) =>
      oneLine(text.replace(/\u200B/g, '').replace(/[\u2028\u2029]/g, ' '));
    const key = (event: TimelineEvent, doc: TimelineDocument) =>
      JSON.stringify([
        kept(event.title) || 'Untitled event',
        period(event),
        kept(doc.lanes.find((lane) => lane.id === event.laneId)?.title ?? ''),
      ]);
    fc.assert(
      fc.property(
        arbitraryTimeline().filter((doc) => doc.events.length > 0),
        (doc) => {
          const { document } = readText(toMarkwhen(doc), 'story.mw', makeDocument());
          expect(document.events.map((e) => key(e, document)).sort()).toEqual(
            doc.events.map((e) => key(e, doc)).sort(),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
