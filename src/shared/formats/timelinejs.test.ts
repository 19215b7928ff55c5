import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEvent, makeLane } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import type { EventId, LaneId, Timestamp } from '../ids';
import { mustParse, type PartialDate } from '../partial-date';
import type { Result } from '../result';
import { type TimelineDocument, TimelineDocumentSchema } from '../schema';
import type { ImportContext } from './index';
import { uuidFromString } from './stable-uuid';
import { fromTimelineJs, toTimelineJs, toTimelineJsText } from './timelinejs';

const seed = TimelineDocumentSchema.parse(JSON.parse(readDataFile('seed-timeline.json')));
const NOW = '2026-12-01T10:00:00.000Z' as Timestamp;
const HOSTILE = '<img src=x onerror=alert(1)>';

function contextFor(current: TimelineDocument = makeDocument()): ImportContext {
  let n = 0;
  return {
    now: NOW,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` as EventId,
    current,
  };
}

/** The export as a file would carry it: JSON text, parsed again. */
function exported(doc: TimelineDocument): Record<string, unknown> {
  return JSON.parse(toTimelineJsText(doc)) as Record<string, unknown>;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Our export with every `timeline_desk` key taken out: what a plain TimelineJS tool keeps. */
function withoutExtras(doc: TimelineDocument): Record<string, unknown> {
  const json = exported(doc);
  delete json.timeline_desk;
  for (const slide of json.events as Record<string, unknown>[]) delete slide.timeline_desk;
  return json;
}

type Slide = Record<string, unknown> & { text: Record<string, string> };

function slides(json: Record<string, unknown>): Slide[] {
  return json.events as Slide[];
}

describe('toTimelineJs', () => {
  it('writes one slide per event, keyed by our id, with the title slide', () => {
    const js = toTimelineJs(seed);
    expect(js.events).toHaveLength(seed.events.length);
    expect(js.events.map((slide) => slide.unique_id)).toEqual(seed.events.map((e) => e.id));
    expect(js.title.text.headline).toBe('Putin visits North Korea, June 2024');
  });

  it('writes the date parts of the precision that is known', () => {
    const doc = makeDocument({
      events: [
        makeEvent({ start: '2024' as PartialDate }),
        makeEvent({ start: '2024-03' as PartialDate }),
        makeEvent({ start: '2024-06-16' as PartialDate, end: '2024-06-19' as PartialDate }),
        makeEvent({ start: '2024-06-19T01:30+09:00' as PartialDate }),
        makeEvent({ start: '2024-06-19T00:00:05Z' as PartialDate }),
      ],
    });
    const [year, month, day, minute, second] = toTimelineJs(doc).events;
    expect(year!.start_date).toEqual({ year: 2024 });
    expect(month!.start_date).toEqual({ year: 2024, month: 3 });
    expect(day!.start_date).toEqual({ year: 2024, month: 6, day: 16 });
    expect(day!.end_date).toEqual({ year: 2024, month: 6, day: 19 });
    expect(year!.end_date).toBeUndefined();
    // 01:30 in Pyongyang is 16:30 UTC the day before: the parts are UTC, and the label says so.
    expect(minute!.start_date).toMatchObject({
      year: 2024,
      month: 6,
      day: 18,
      hour: 16,
      minute: 30,
    });
    expect(minute!.start_date.display_date).toMatch(/18 June 2024.*16:30 UTC/);
    expect(second!.start_date).toMatchObject({ day: 19, hour: 0, minute: 0, second: 5 });
  });

  it('names the group by the lane title and escapes it twice, as TimelineJS decodes it once', () => {
    const doc = makeDocument({
      lanes: [makeLane({ title: `War & <b>peace</b>` })],
      events: [makeEvent()],
    });
    expect(toTimelineJs(doc).events[0]!.group).toBe(
      'War &amp;amp; &amp;lt;b&amp;gt;peace&amp;lt;/b&amp;gt;',
    );
  });

  it('escapes text, since TimelineJS shows it as HTML, and keeps line breaks as <br>', () => {
    const doc = makeDocument({
      timeline: { title: HOSTILE },
      events: [makeEvent({ title: HOSTILE, description: `first & "second"\n<script>x</script>` })],
    });
    const js = toTimelineJs(doc);
    expect(js.title.text.headline).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(js.events[0]!.text).toEqual({
      headline: '&lt;img src=x onerror=alert(1)&gt;',
      text: '<p>first &amp; &quot;second&quot;<br>&lt;script&gt;x&lt;/script&gt;</p>',
    });
  });

  it('lists the sources after the description, linked where they have a web address', () => {
    const doc = makeDocument({
      events: [
        makeEvent({
          sources: [
            {
              title: 'KCNA <report>',
              url: 'https://example.org/kcna?a=1&b="2"',
              publisher: 'KCNA',
              published: '2024-06-19' as PartialDate,
              quote: '',
              language: '',
            },
            {
              title: 'Seed article',
              url: null,
              publisher: '',
              published: null,
              quote: '',
              language: 'id',
            },
          ],
        }),
      ],
    });
    expect(toTimelineJs(doc).events[0]!.text.text).toBe(
      '<p>Sources:</p><ul class="timeline-desk-sources">' +
        '<li><a href="https://example.org/kcna?a=1&amp;b=&quot;2&quot;">KCNA &lt;report&gt;</a>, KCNA, 2024-06-19</li>' +
        '<li>Seed article</li></ul>',
    );
  });

  it('carries the whole event, the timeline and the lanes under timeline_desk', () => {
    const js = toTimelineJs(seed);
    expect(js.events.map((slide) => slide.timeline_desk)).toEqual(seed.events);
    expect(js.timeline_desk).toEqual({
      format: 'timeline-desk',
      version: 1,
      timeline: seed.timeline,
      lanes: seed.lanes,
    });
  });

  it('writes pretty JSON of the same object', () => {
    const text = toTimelineJsText(seed);
    expect(JSON.parse(text)).toEqual(toTimelineJs(seed));
    expect(text).toMatch(/^\{\n {2}"title"/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('fromTimelineJs of our own export', () => {
  it('gives back the seed exactly', () => {
    expect(value(fromTimelineJs(exported(seed), contextFor(seed)))).toEqual(seed);
    expect(value(fromTimelineJs(exported(seed), contextFor()))).toEqual(seed);
  });

  it('gives back a timeline of awkward content exactly', () => {
    const parent = makeEvent({
      start: '2024-06-18T23:30-05:00' as PartialDate,
      laneId: 'lane-b' as LaneId,
    });
    const doc = makeDocument({
      timeline: { title: HOSTILE, description: 'line one\n\n  indented\tline  ' },
      lanes: [
        makeLane({ title: `A & <b>B</b>` }),
        makeLane({ id: 'lane-b' as LaneId, title: '  spaced  ' }),
        makeLane({ id: 'empty' as LaneId, title: 'No events here' }),
      ],
      events: [
        parent,
        makeEvent({
          title: HOSTILE,
          description: '  two  spaces\r\nand\rreturns \n',
          start: '2024' as PartialDate,
          end: '2025-01-01' as PartialDate,
          status: 'postponed',
          certainty: 'disputed',
          tags: ['a', 'b c'],
          actors: ['Kim Jong Un'],
          location: 'Pyongyang',
          followUpOf: parent.id,
          sources: [
            {
              title: 'T',
              url: 'https://example.org/',
              publisher: 'P',
              published: '2024-06' as PartialDate,
              quote: 'Q',
              language: 'en',
            },
          ],
        }),
      ],
    });
    expect(value(fromTimelineJs(exported(doc), contextFor()))).toEqual(doc);
  });

  it('is the identity for any valid timeline, into any current timeline', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), arbitraryTimeline(), (doc, current) => {
        expect(value(fromTimelineJs(exported(doc), contextFor(current)))).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps ids, titles, dates and lane titles for any timeline without the extra keys', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), (doc) => {
        const read = value(fromTimelineJs(withoutExtras(doc), contextFor(doc)));
        const laneTitle = (d: TimelineDocument, id: string) =>
          d.lanes.find((lane) => lane.id === id)?.title;
        // HTML collapses runs of white space, as TimelineJS shows them.
        const shown = (text: string) => text.replace(/\s+/g, ' ').trim();
        expect(read.events.map((e) => e.id)).toEqual(doc.events.map((e) => e.id));
        expect(read.events.map((e) => e.title)).toEqual(doc.events.map((e) => shown(e.title)));
        expect(
          read.events.map((e) => [mustParse(e.start).earliest, e.end && mustParse(e.end).earliest]),
        ).toEqual(
          doc.events.map((e) => [mustParse(e.start).earliest, e.end && mustParse(e.end).earliest]),
        );
        expect(read.events.map((e) => laneTitle(read, e.laneId))).toEqual(
          doc.events.map((e) => shown(laneTitle(doc, e.laneId) ?? '')),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('takes an edited headline, date, text or group from the slide and keeps the rest', () => {
    const json = exported(seed);
    const [first, second, third, fourth] = slides(json);
    first!.text.headline = 'Edited <i>headline</i>';
    second!.start_date = { year: '2023', month: '10' };
    const sources = third!.text.text!.slice(third!.text.text!.indexOf('<p>Sources:'));
    third!.text.text = `<p>New text</p>${sources}`;
    fourth!.group = 'United Nations';
    const doc = value(fromTimelineJs(json, contextFor(seed)));
    const [e1, e2, e3, e4, e5] = doc.events;
    expect(e1).toEqual({ ...seed.events[0], title: 'Edited headline', updatedAt: NOW });
    expect(e2).toEqual({ ...seed.events[1], start: '2023-10', updatedAt: NOW });
    expect(e3).toEqual({ ...seed.events[2], description: 'New text', updatedAt: NOW });
    expect(e4).toEqual({ ...seed.events[3], laneId: 'un', updatedAt: NOW });
    expect(e5).toEqual(seed.events[4]);
  });
});

describe('fromTimelineJs of our export without the timeline_desk keys', () => {
  const doc = value(fromTimelineJs(withoutExtras(seed), contextFor(seed)));

  it('keeps ids, titles, dates and lanes', () => {
    expect(doc.events.map((e) => e.id)).toEqual(seed.events.map((e) => e.id));
    expect(doc.events.map((e) => e.title)).toEqual(seed.events.map((e) => e.title));
    expect(doc.events.map((e) => [e.start, e.end])).toEqual(
      seed.events.map((e) => [e.start, e.end]),
    );
    expect(doc.events.map((e) => e.laneId)).toEqual(seed.events.map((e) => e.laneId));
    expect(doc.lanes).toEqual(seed.lanes);
  });

  it('reads the description back as plain text, sources list included', () => {
    const event = doc.events[0]!;
    expect(event.description).toBe(
      `${seed.events[0]!.description}\n\nSources:\n\n- ${seed.events[0]!.sources[0]!.title}`,
    );
    expect(event.createdAt).toBe(NOW);
    expect(event.status).toBe('occurred');
  });

  it('takes the timeline title from the title slide and keeps the current timeline id', () => {
    const other = makeDocument();
    const imported = value(fromTimelineJs(withoutExtras(seed), contextFor(other)));
    expect(imported.timeline).toEqual({
      id: other.timeline.id,
      title: seed.timeline.title,
      description: seed.timeline.description,
    });
  });

  it('makes lanes of the groups, with ids from their titles, next to the current lanes', () => {
    const other = makeDocument();
    const imported = value(fromTimelineJs(withoutExtras(seed), contextFor(other)));
    expect(imported.lanes.slice(0, 2)).toEqual(other.lanes);
    expect(imported.lanes.slice(2).map((lane) => [lane.id, lane.title])).toEqual([
      ['war-in-ukraine', 'War in Ukraine'],
      ['russia-north-korea-relations', 'Russia–North Korea relations'],
      ['united-nations', 'United Nations'],
    ]);
    for (const lane of imported.lanes) expect(lane.color).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('fromTimelineJs of a plain TimelineJS file', () => {
  const file = {
    title: { text: { headline: 'The <b>story</b> so far', text: '<p>Built by hand</p>' } },
    events: [
      {
        start_date: { year: '2024', month: '6', day: '16', hour: '', minute: '' },
        text: {
          headline: 'Putin&#8217;s visit &amp; <em>the</em> talks',
          text: '<p>He said:<br>&ldquo;Friends&rdquo; &#x2014; twice.</p><p>See <a href="https://example.org/a">the report</a>.</p><script>alert(1)</script>',
        },
        group: 'Diplomacy',
        unique_id: 'putin-visit',
        media: { url: 'https://example.org/photo.jpg', caption: 'Arrival', credit: 'AP' },
      },
      {
        start_date: { year: 2023, month: 9 },
        end_date: { year: 2023, month: 10 },
        text: { headline: '', text: 'First line<br>second' },
      },
      {
        start_date: { year: 2022, month: 2, day: 24, hour: 3, minute: 0 },
        text: { headline: 'Invasion' },
        group: 'Brand <i>new</i> lane',
      },
    ],
    eras: [{ start_date: { year: 2022 }, end_date: { year: 2024 }, text: { headline: 'War' } }],
  };
  const current = makeDocument();
  const doc = value(fromTimelineJs(file, contextFor(current)));
  const [visit, farEast, invasion] = doc.events;

  it('reads dates at the precision of the parts given, blank parts as absent', () => {
    expect([visit!.start, farEast!.start, farEast!.end, invasion!.start]).toEqual([
      '2024-06-16',
      '2023-09',
      '2023-10',
      '2022-02-24T03:00Z',
    ]);
  });

  it('turns HTML headlines and text into plain text', () => {
    expect(visit!.title).toBe('Putin’s visit & the talks');
    expect(visit!.description).toBe('He said:\n“Friends” — twice.\n\nSee the report.');
    expect(doc.timeline.title).toBe('The story so far');
    expect(doc.timeline.description).toBe('Built by hand');
  });

  it('gives a slide without a headline the first line of its text as title', () => {
    expect(farEast!.title).toBe('First line');
  });

  it('makes sources of the links and the media', () => {
    expect(visit!.sources.map((s) => [s.title, s.url, s.publisher])).toEqual([
      ['the report', 'https://example.org/a', ''],
      ['Arrival', 'https://example.org/photo.jpg', 'AP'],
    ]);
  });

  it('puts slides in the current lane of their group, a new lane, or "Imported"', () => {
    expect(visit!.laneId).toBe('lane-a'); // the current lane titled "Diplomacy"
    const lanes = new Map(doc.lanes.map((lane) => [lane.id, lane.title]));
    expect(lanes.get(farEast!.laneId)).toBe('Imported');
    expect(lanes.get(invasion!.laneId)).toBe('Brand new lane');
    expect(invasion!.laneId).toBe('brand-new-lane');
  });

  it('derives the id from a unique_id that is not a UUID, so a re-import updates', () => {
    expect(visit!.id).toBe(uuidFromString('putin-visit'));
    const again = value(fromTimelineJs(file, contextFor(current)));
    expect(again.events[0]!.id).toBe(visit!.id);
  });

  it('gives a slide without unique_id a new id, and stamps events with the import time', () => {
    expect(farEast!.id).toBe('00000000-0000-4000-8000-000000000001');
    expect(farEast!.createdAt).toBe(NOW);
    expect(farEast!.updatedAt).toBe(NOW);
  });

  it('keeps the current timeline id and the slides in order', () => {
    expect(doc.timeline.id).toBe(current.timeline.id);
    expect(doc.events).toHaveLength(3);
  });

  it('clips an overlong headline to the title limit', () => {
    const long = value(
      fromTimelineJs(
        { events: [{ start_date: { year: 2024 }, text: { headline: 'x'.repeat(300) } }] },
        contextFor(),
      ),
    );
    expect(long.events[0]!.title).toHaveLength(200);
    expect(long.events[0]!.title.endsWith('…')).toBe(true);
  });
});

describe('fromTimelineJs refuses a bad file, naming the first bad place', () => {
  const withSlides = (...events: unknown[]) => ({ events });
  const ok = { start_date: { year: 2024 }, text: { headline: 'ok' } };
  const cases: [string, unknown, string][] = [
    [
      'month 13',
      withSlides(ok, ok, ok, { start_date: { year: 2024, month: 13 } }),
      'events[3].start_date.month: 13 is not a month',
    ],
    [
      'a day not in the month',
      withSlides({ start_date: { year: 2023, month: 2, day: 29 } }),
      'events[0].start_date.day: 29 is not a day of 2023-02',
    ],
    [
      'a day without a month',
      withSlides({ start_date: { year: 2024, day: 3 } }),
      'events[0].start_date.day: is given without a month',
    ],
    [
      'a minute without an hour',
      withSlides({ start_date: { year: 2024, month: 1, day: 1, minute: 3 } }),
      'events[0].start_date.minute: is given without an hour',
    ],
    [
      'hour 24',
      withSlides({ start_date: { year: 2024, month: 1, day: 1, hour: 24 } }),
      'events[0].start_date.hour: 24 is not an hour',
    ],
    [
      'a year BC',
      withSlides({ start_date: { year: -44 } }),
      'events[0].start_date.year: -44 is outside the years 1 to 9999',
    ],
    [
      'a word for a year',
      withSlides({ start_date: { year: 'soon' } }),
      'events[0].start_date.year: "soon" is not a year',
    ],
    ['no year', withSlides({ start_date: { month: 3 } }), 'events[0].start_date.year: is missing'],
    ['no start date', withSlides({ text: { headline: 'x' } }), 'events[0].start_date: is missing'],
    [
      'an end before the start',
      withSlides({ start_date: { year: 2024 }, end_date: { year: 2023 } }),
      'events[0].end_date: is before the start',
    ],
    [
      'a slide that is not an object',
      withSlides(ok, 'slide'),
      'events[1]: is not a slide (an object)',
    ],
    [
      'a headline that is not text',
      withSlides({ start_date: { year: 2024 }, text: { headline: ['x'] } }),
      'events[0].text.headline: is not text',
    ],
    [
      'text too long',
      withSlides({ start_date: { year: 2024 }, text: { text: 'x'.repeat(20_001) } }),
      'events[0].text.text: is longer than 20000 characters',
    ],
    [
      'an id used twice',
      withSlides({ ...ok, unique_id: 'a' }, { ...ok, unique_id: 'a' }),
      'events[1].unique_id: is used twice',
    ],
    ['events not a list', { events: {} }, 'events: is not a list of slides'],
    [
      'a bad timeline_desk event',
      withSlides({ ...ok, timeline_desk: { ...makeEvent(), status: 'rumoured' } }),
      'events[0].timeline_desk.status',
    ],
    [
      'a bad timeline_desk document',
      { ...withSlides(ok), timeline_desk: { format: 'timeline-desk', version: 1, lanes: [] } },
      'timeline_desk.timeline',
    ],
  ];

  it.each(cases)('%s', (_name, file, message) => {
    const result = fromTimelineJs(file, contextFor());
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message.startsWith(message), result.error.message).toBe(true);
  });

  it('refuses what is not a timeline at all', () => {
    for (const json of [null, 3, 'text', [], {}]) {
      expect(fromTimelineJs(json, contextFor()).ok).toBe(false);
    }
  });

  it('never throws, whatever it is given', () => {
    const slide = fc.record(
      {
        start_date: fc.oneof(
          fc.anything(),
          fc.record({ year: fc.anything(), month: fc.anything(), day: fc.anything() }),
        ),
        end_date: fc.anything(),
        text: fc.oneof(fc.anything(), fc.record({ headline: fc.anything(), text: fc.anything() })),
        group: fc.anything(),
        unique_id: fc.anything(),
        media: fc.anything(),
        timeline_desk: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const file = fc.oneof(
      fc.anything(),
      fc.record({ title: fc.anything(), events: fc.array(slide), timeline_desk: fc.anything() }),
    );
    fc.assert(
      fc.property(file, (json) => {
        const result = fromTimelineJs(json, contextFor());
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.code).toBe('invalid');
      }),
      { numRuns: 500 },
    );
  });
});
