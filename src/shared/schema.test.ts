import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent, makeEvents, makeLane } from '../../test/builders';
import { readDataFile } from '../../test/data-files';
import type { EventId } from './ids';
import { isPartialDate, type PartialDate } from './partial-date';
import {
  EventFieldsSchema,
  followUpCycle,
  followUpLoops,
  isHttpUrl,
  LIMITS,
  referenceIssues,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
} from './schema';
import { runToEnd } from './steps';
import { formatPath, parseWith } from './validation';

const seedText = readDataFile('seed-timeline.json');
const date = (text: string) => text as PartialDate;

/** The message a user sees for a document, or 'ok' when it is accepted. */
function verdict(document: unknown): string {
  const result = parseWith(TimelineDocumentSchema, document);
  return result.ok ? 'ok' : result.error.message;
}

/** A valid document of five events, one of them changed as the test needs. */
function documentWithEvent(change: Partial<TimelineEvent> | Record<string, unknown>, at = 0) {
  const events = makeEvents(5);
  events[at] = { ...events[at]!, ...change } as TimelineEvent;
  return makeDocument({ events });
}

describe('TimelineDocumentSchema', () => {
  it('accepts the seed document as it is', () => {
    const seed: unknown = JSON.parse(seedText);
    const result = parseWith(TimelineDocumentSchema, seed);
    expect(result).toEqual({ ok: true, value: seed });
  });

  it('accepts a builder document with many events', () => {
    expect(verdict(makeDocument({ events: makeEvents(50) }))).toBe('ok');
  });

  it('names the first bad place of a broken document, as the user reads it', () => {
    const result = parseWith(TimelineDocumentSchema, documentWithEvent({ start: '2024-13-01' }, 3));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'events[3].start: "2024-13-01" is not a date',
        path: 'events[3].start',
      },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty title', { title: '' }, 'events[2].title: is empty'],
    ['a title of spaces', { title: '   ' }, 'events[2].title: is empty'],
    [
      'a title over 200 characters',
      { title: 'x'.repeat(201) },
      'events[2].title: is longer than 200 characters',
    ],
    [
      'a bell in the title',
      { title: 'Putin\u0007 arrives' },
      'events[2].title: contains control characters',
    ],
    [
      'a newline in the title',
      { title: 'Putin\narrives' },
      'events[2].title: contains control characters',
    ],
    [
      'a C1 next-line in the title',
      { title: 'Putin\u0085arrives' },
      'events[2].title: contains control characters',
    ],
    [
      'a DEL in the location',
      { location: 'Pyong\u007fyang' },
      'events[2].location: contains control characters',
    ],
    [
      'an end before the start',
      { start: '2024-06-16', end: '2024-06-15' },
      'events[2].end: is before the start',
    ],
    [
      'an end month before the start day',
      { start: '2024-06-16', end: '2024-05' },
      'events[2].end: is before the start',
    ],
    ['an unknown lane', { laneId: 'lane-z' }, 'events[2].laneId: names no lane'],
    [
      'a follow-up of no event',
      { followUpOf: '8f0c1d52-3a8e-4b0a-9d51-5c0b7e6f2a11' },
      'events[2].followUpOf: names no event',
    ],
    ['an id that is not a UUID', { id: 'event-1' }, 'events[2].id: is not an event id (a UUID)'],
    [
      'an unknown status',
      { status: 'rumoured' },
      'events[2].status: Invalid option: expected one of "scheduled"|"occurred"|"postponed"|"cancelled"',
    ],
    ['an unknown key', { importance: 'high' }, 'events[2]: Unrecognized key: "importance"'],
    [
      'a start that is a number',
      { start: 2024 },
      'events[2].start: Invalid input: expected string, received number',
    ],
    [
      'a missing title',
      { title: undefined },
      'events[2].title: Invalid input: expected string, received undefined',
    ],
    [
      '101 tags',
      { tags: Array.from({ length: 101 }, (_, i) => `tag ${i}`) },
      'events[2].tags: has more than 100 entries',
    ],
    ['an empty tag', { tags: ['war', ' '] }, 'events[2].tags[1]: is empty'],
  ])('refuses %s', (_, change, message) => {
    expect(verdict(documentWithEvent(change, 2))).toBe(message);
  });

  it('accepts an end on the same day, and a day inside a month-precision start', () => {
    expect(verdict(documentWithEvent({ start: date('2024-06-16'), end: date('2024-06-16') }))).toBe(
      'ok',
    );
    expect(verdict(documentWithEvent({ start: date('2024-06'), end: date('2024-06-10') }))).toBe(
      'ok',
    );
  });

  it('accepts 100 tags', () => {
    const tags = Array.from({ length: 100 }, (_, i) => `tag ${i}`);
    expect(verdict(documentWithEvent({ tags }))).toBe('ok');
  });

  it('accepts a 200-character title and trims spaces around a title', () => {
    expect(verdict(documentWithEvent({ title: 'x'.repeat(200) }))).toBe('ok');
    const result = parseWith(
      TimelineDocumentSchema,
      documentWithEvent({ title: '  Talks resume ' }),
    );
    expect(result.ok && result.value.events[0]!.title).toBe('Talks resume');
  });

  it('refuses an event id used twice, naming the second', () => {
    const [first, second] = makeEvents(2);
    const twin = { ...second!, id: first!.id };
    expect(verdict(makeDocument({ events: [first!, twin] }))).toBe('events[1].id: is used twice');
  });

  it('refuses a lane id used twice, and a document with no lane', () => {
    expect(verdict(makeDocument({ lanes: [makeLane(), makeLane({ title: 'Again' })] }))).toBe(
      'lanes[1].id: is used twice',
    );
    expect(verdict(makeDocument({ lanes: [] }))).toBe(
      'lanes: Too small: expected array to have >=1 items',
    );
  });

  it('refuses a loop of follow-ups (A follows B follows A)', () => {
    const a = makeEvent({ title: 'A' });
    const b = makeEvent({ title: 'B', followUpOf: a.id });
    const loop = [{ ...a, followUpOf: b.id }, b];
    expect(verdict(makeDocument({ events: loop }))).toBe(
      'events[0].followUpOf: makes a loop of follow-ups',
    );
  });

  it('refuses an event that follows up itself', () => {
    const a = makeEvent();
    expect(verdict(makeDocument({ events: [{ ...a, followUpOf: a.id }] }))).toBe(
      'events[0].followUpOf: makes a loop of follow-ups',
    );
  });

  it('accepts a chain of follow-ups', () => {
    const a = makeEvent({ title: 'A' });
    const b = makeEvent({ title: 'B', followUpOf: a.id });
    const c = makeEvent({ title: 'C', followUpOf: b.id });
    expect(verdict(makeDocument({ events: [c, b, a] }))).toBe('ok');
  });

  it('refuses an unknown key at the top, in the timeline, a lane and a source', () => {
    expect(verdict({ ...makeDocument(), comments: [] })).toBe('Unrecognized key: "comments"');
    expect(verdict(makeDocument({ timeline: { owner: 'me' } as never }))).toBe(
      'timeline: Unrecognized key: "owner"',
    );
    const lanes = [{ ...makeLane(), hidden: true }];
    expect(verdict(makeDocument({ lanes }))).toBe('lanes[0]: Unrecognized key: "hidden"');
    const source = { title: 'Kremlin', html: '<b>' };
    expect(verdict(documentWithEvent({ sources: [source] }))).toBe(
      'events[0].sources[0]: Unrecognized key: "html"',
    );
  });

  it('refuses another format or version', () => {
    expect(verdict({ ...makeDocument(), format: 'other' })).toBe(
      'format: Invalid input: expected "timeline-desk"',
    );
    expect(verdict({ ...makeDocument(), version: 2 })).toBe('version: Invalid input: expected 1');
  });

  it('leaves Object.prototype alone when a parsed file holds __proto__ or constructor keys', () => {
    const text = JSON.stringify(makeDocument({ events: makeEvents(1) }))
      .replace('{', '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"c"}},')
      .replace('"title":"Event 1"', '"__proto__":{"polluted":"event"},"title":"Event 1"');
    const hostile: unknown = JSON.parse(text);

    const result = TimelineDocumentSchema.safeParse(hostile);

    expect(result.success).toBe(false);
    const problems = result.error!.issues.map(
      (issue) => `${formatPath(issue.path)} ${issue.message}`,
    );
    expect(problems).toEqual([
      'events[0] Unrecognized key: "__proto__"',
      ' Unrecognized keys: "__proto__", "constructor"',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('prototype');
  });

  it('gives back a copy: editing the result leaves the input as it was', () => {
    const input = makeDocument({ events: makeEvents(2) });
    const before = structuredClone(input);
    const result = TimelineDocumentSchema.parse(input);
    (result.events as TimelineEvent[]).pop();
    expect(input).toEqual(before);
  });
});

describe('text-direction characters', () => {
  /** The embeddings and overrides, then the isolates: each can reorder the text after it. */
  const DIRECTION_CHARACTERS = [
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
  ];
  const refusal = (place: string, code: string) =>
    `${place}: contains a hidden text-direction character (U+${code}), which can make text read in a misleading order: remove it`;
  const source = { title: 'Kremlin statement', url: null, publisher: 'Kremlin' };

  it.each(DIRECTION_CHARACTERS)('refuses %j in a title, naming it', (character) => {
    const code = character.charCodeAt(0).toString(16).toUpperCase();
    expect(verdict(documentWithEvent({ title: `Invoice ${character}fdp.exe` }, 2))).toBe(
      refusal('events[2].title', code),
    );
  });

  it.each(DIRECTION_CHARACTERS)('keeps %j in a description and a quote', (character) => {
    const text = `Said ${character}so${character} twice`;
    const document = documentWithEvent({
      description: text,
      sources: [{ ...source, quote: text }],
    } as Record<string, unknown>);
    expect(verdict({ ...document, timeline: { ...document.timeline, description: text } })).toBe(
      'ok',
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['location', { location: 'Pyong\u202eyang' }],
    ['tags[1]', { tags: ['war', 'sum\u202emit'] }],
    ['actors[0]', { actors: ['Kim\u202e Jong Un'] }],
    ['sources[0].title', { sources: [{ ...source, title: 'Kremlin\u202e statement' }] }],
    ['sources[0].publisher', { sources: [{ ...source, publisher: 'Krem\u202elin' }] }],
    ['sources[0].url', { sources: [{ ...source, url: 'https://example.com/\u202efdp.exe' }] }],
  ])('refuses one in the one-line field %s', (place, change) => {
    expect(verdict(documentWithEvent(change, 2))).toBe(refusal(`events[2].${place}`, '202E'));
  });

  it('refuses one in a lane title and in the timeline title', () => {
    const document = makeDocument();
    const [first, ...rest] = document.lanes;
    const lanes = [{ ...first!, title: 'Dip\u2067lomacy' }, ...rest];
    expect(verdict({ ...document, lanes })).toBe(refusal('lanes[0].title', '2067'));
    const timeline = { ...document.timeline, title: 'Story \u202b' };
    expect(verdict({ ...document, timeline })).toBe(refusal('timeline.title', '202B'));
  });

  it('writes one out where a message quotes what was typed, so it cannot reorder the message', () => {
    expect(verdict(documentWithEvent({ start: '2024\u202e-06' }, 2))).toBe(
      'events[2].start: "2024\\u202E-06" is not a date',
    );
  });
});

describe('limits', () => {
  it('names the length of the longest date', () => {
    const longest = '2024-06-16T09:30:00+09:00';
    expect(isPartialDate(longest)).toBe(true);
    expect(longest).toHaveLength(LIMITS.date);
  });

  it('refuses a language tag over its limit', () => {
    const language = `en-${'abcdefgh-'.repeat(4)}x`;
    expect(language.length).toBeGreaterThan(LIMITS.language);
    expect(verdict(documentWithEvent({ sources: [{ title: 'Statement', language }] }, 1))).toBe(
      `events[1].sources[0].language: is longer than ${LIMITS.language} characters`,
    );
  });
});

describe('source URLs', () => {
  const withUrl = (url: string): TimelineDocument =>
    documentWithEvent({ sources: [{ title: 'Kremlin statement', url }] });

  it.each([
    'https://www.kremlin.ru/events/president/news/74299',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/a?b=c#d',
  ])('accepts %s', (url) => {
    expect(verdict(withUrl(url))).toBe('ok');
  });

  it.each([
    'javascript:alert(1)',
    'ftp://x',
    'not a url',
    'data:text/html,<script>1</script>',
    'file:///etc/passwd',
    'http://',
    '//example.com',
  ])('refuses %s', (url) => {
    expect(verdict(withUrl(url))).toBe(
      'events[0].sources[0].url: is not a web address (http or https)',
    );
  });

  it('refuses an address over 2000 characters', () => {
    expect(verdict(withUrl(`https://example.com/${'a'.repeat(2000)}`))).toBe(
      'events[0].sources[0].url: is longer than 2000 characters',
    );
  });

  it('isHttpUrl agrees with the schema', () => {
    expect(isHttpUrl('https://example.com')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('EventFieldsSchema', () => {
  it('fills in the defaults of a minimal event', () => {
    expect(
      EventFieldsSchema.parse({ title: 'Talks resume', start: '2024-07', laneId: 'lane-a' }),
    ).toEqual({
      title: 'Talks resume',
      start: '2024-07',
      end: null,
      description: '',
      laneId: 'lane-a',
      status: 'occurred',
      certainty: 'reported',
      tags: [],
      actors: [],
      location: '',
      sources: [],
      followUpOf: null,
    });
  });

  it('fills in the defaults of a minimal source', () => {
    const fields = EventFieldsSchema.parse({
      title: 'Talks resume',
      start: '2024-07',
      laneId: 'lane-a',
      sources: [{ title: 'Kremlin statement' }],
    });
    expect(fields.sources).toEqual([
      {
        title: 'Kremlin statement',
        url: null,
        publisher: '',
        published: null,
        quote: '',
        language: '',
      },
    ]);
  });

  it('refuses an end before the start, naming the end', () => {
    const result = parseWith(EventFieldsSchema, {
      title: 'Talks',
      start: '2024-06-16',
      end: '2024-06-15',
      laneId: 'lane-a',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'end: is before the start', path: 'end' },
    });
  });
});

describe('followUpCycle', () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}` as EventId;

  it('finds a loop through several events and ignores a chain', () => {
    const loop = new Map([
      [id(1), id(2)],
      [id(2), id(3)],
      [id(3), id(1)],
    ]);
    expect(followUpCycle(id(1), loop)).toBe(true);
    const chain = new Map<string, string | null>([
      [id(1), id(2)],
      [id(2), id(3)],
      [id(3), null],
    ]);
    expect(followUpCycle(id(1), chain)).toBe(false);
  });

  it('stops on a loop it is not part of', () => {
    const lasso = new Map([
      [id(1), id(2)],
      [id(2), id(3)],
      [id(3), id(2)],
    ]);
    expect(followUpCycle(id(1), lasso)).toBe(false);
  });
});

describe('followUpLoops', () => {
  it('says of every event what followUpCycle says, in any order of asking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(12), { nil: null }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(11)),
        (links, order) => {
          const parents = new Map(
            links.map((link, i) => [`e${i}`, link === null ? null : `e${link}`]),
          );
          const onLoop = followUpLoops(parents);
          for (const i of [...order, ...links.keys()]) {
            const id = `e${i % links.length}`;
            expect(onLoop(id), id).toBe(followUpCycle(id, parents));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('walks a chain of 100,000 follow-ups once, not once per event', () => {
    const parents = new Map<string, string | null>();
    for (let i = 0; i < 100_000; i++) parents.set(`e${i}`, i === 0 ? null : `e${i - 1}`);
    const onLoop = followUpLoops(parents);
    const started = performance.now();
    let loops = 0;
    for (let i = 99_999; i >= 0; i--) if (onLoop(`e${i}`)) loops++;
    expect(loops).toBe(0);
    // Walking the chain again from every event would take minutes, not seconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('referenceIssues', () => {
  /** The rules as plainly as they can be written: a map of ids, each chain walked in full. */
  function plainIssues(doc: {
    lanes: { id: string }[];
    events: { id: string; laneId: string; followUpOf: string | null }[];
  }) {
    const issues: { path: (string | number)[]; message: string }[] = [];
    const laneIds = new Set<string>();
    doc.lanes.forEach((lane, i) => {
      if (laneIds.has(lane.id)) issues.push({ path: ['lanes', i, 'id'], message: 'is used twice' });
      laneIds.add(lane.id);
    });
    const parents = new Map<string, string | null>();
    doc.events.forEach((event, i) => {
      if (parents.has(event.id))
        issues.push({ path: ['events', i, 'id'], message: 'is used twice' });
      parents.set(event.id, event.followUpOf);
      if (!laneIds.has(event.laneId)) {
        issues.push({ path: ['events', i, 'laneId'], message: 'names no lane' });
      }
    });
    doc.events.forEach((event, i) => {
      if (event.followUpOf === null) return;
      if (!parents.has(event.followUpOf)) {
        issues.push({ path: ['events', i, 'followUpOf'], message: 'names no event' });
      } else if (followUpCycle(event.id, parents)) {
        issues.push({ path: ['events', i, 'followUpOf'], message: 'makes a loop of follow-ups' });
      }
    });
    return issues;
  }

  it('finds what the plain rules find, in the same order, with ids used twice and loops', () => {
    const id = fc.nat(9).map((n) => `e${n}`);
    const lane = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        fc.array(lane, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ id, laneId: lane, followUpOf: fc.option(id, { nil: null }) }), {
          maxLength: 14,
        }),
        (laneIds, events) => {
          const doc = { lanes: laneIds.map((laneId) => ({ id: laneId })), events };
          expect(runToEnd(referenceIssues(doc))).toEqual(plainIssues(doc));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
