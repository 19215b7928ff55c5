import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../bench/generate';
import { arbitraryTimeline } from '../../test/arbitraries';
import { makeEvent } from '../../test/builders';
import { TimelineEventSchema } from './schema';
import { jsonStringLength, LENGTH_UNKNOWN, NOT_QUICK, quickEventCheck } from './schema-fast';

const RUNS = { numRuns: 300 };

/**
 * What quickEventCheck promises: when it does not say NOT_QUICK, the schema accepts the value
 * and gives back an equal one (same keys, same values), and a length it gives is the length
 * of JSON.stringify(value).
 */
function expectPromiseKept(value: unknown): number {
  const quick = quickEventCheck(value);
  if (quick === NOT_QUICK) return quick;
  const parsed = TimelineEventSchema.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toStrictEqual(value);
  expect(Object.keys(parsed.data as object).sort()).toEqual(Object.keys(value as object).sort());
  if (quick !== LENGTH_UNKNOWN) expect(quick).toBe(JSON.stringify(value).length);
  return quick;
}

/** Values a field might hold in a file from anywhere. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    ' padded ',
    'tab\tinside',
    'line\nbreak',
    '\u0085next line',
    '\u00a0nbsp',
    '\ufeffbom',
    'right-to-left \u202e override',
    'en-abcdefgh-abcdefgh-abcdefgh-abcdefgh',
    'a'.repeat(201),
    'a'.repeat(501),
    'x'.repeat(20_001),
    '2024',
    '2024-02-30',
    '2024-06-18T25:00Z',
    '0000',
    'lane-a',
    '-lane',
    'occurred',
    'Occurred',
    'confirmed',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '6f1d6bd2-7d0c-4b8e-9c4d-0e5c5f0b8a11',
    '6F1D6BD2-7D0C-4B8E-9C4D-0E5C5F0B8A11',
    '6f1d6bd2-7d0c-9b8e-9c4d-0e5c5f0b8a11',
    '2024-06-17T08:00:00.000Z',
    '2024-06-17T08:00:00+02:00',
    '2024-06-17T08:00Z',
    '2024-02-29T08:00:00Z',
    '2023-02-29T08:00:00Z',
    'https://example.com/a',
    'javascript:alert(1)',
    'http://',
    'https:/x',
    'en',
    'pt-BR',
    'english',
    'quote " and \\ backslash',
    '\ud800 lone',
    '\u0001',
    'emoji \ud83d\ude00',
    [],
    [''],
    [' a'],
    ['a', 'b'],
    Array(101).fill('t'),
    {},
    null,
  ),
);

const EVENT_KEYS = Object.keys(makeEvent());
const SOURCE_KEYS = ['title', 'url', 'publisher', 'published', 'quote', 'language'];

type Json = Record<string, unknown>;

/** A change to an event: a field set to an odd value, taken away, or a key added. */
const eventChange = fc.oneof(
  fc.record({ kind: fc.constant('set'), key: fc.constantFrom(...EVENT_KEYS), value: oddValue }),
  fc.record({ kind: fc.constant('drop'), key: fc.constantFrom(...EVENT_KEYS) }),
  fc.record({
    kind: fc.constant('add'),
    key: fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'Title'),
    value: oddValue,
  }),
  fc.record({
    kind: fc.constant('source'),
    key: fc.constantFrom(...SOURCE_KEYS, 'extra'),
    value: fc.option(oddValue, { nil: undefined }),
  }),
);

function withoutKey(value: Json, key: string): Json {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

function applyChange(event: Json, change: { kind: string; key: string; value?: unknown }): Json {
  const copy: Json = JSON.parse(JSON.stringify(event)) as Json;
  switch (change.kind) {
    case 'set':
      copy[change.key] = change.value;
      return copy;
    case 'drop':
      return withoutKey(copy, change.key);
    case 'add':
      // As JSON.parse makes it: an own key, whatever its name. (A function, not a string, as
      // the replacement: a value may hold `$'`, which a replacement string would expand.)
      return JSON.parse(
        JSON.stringify(copy).replace(
          /^\{/,
          () => `{${JSON.stringify(change.key)}:${JSON.stringify(change.value ?? null)},`,
        ),
      ) as Json;
    default: {
      const sources = Array.isArray(copy.sources) ? (copy.sources as Json[]) : [];
      const first = sources[0];
      const source: Json =
        typeof first === 'object' && first !== null
          ? first
          : {
              title: 'Reuters',
              url: null,
              publisher: '',
              published: null,
              quote: '',
              language: '',
            };
      const edited =
        change.value === undefined
          ? withoutKey(source, change.key)
          : { ...source, [change.key]: change.value };
      copy.sources = [edited, ...sources.slice(1)];
      return copy;
    }
  }
}

describe('quickEventCheck', () => {
  it('takes every event of a generated story, giving the length of its JSON', () => {
    for (const event of generateTimeline(2000).events) {
      const value: unknown = JSON.parse(JSON.stringify(event));
      expect(expectPromiseKept(value)).toBe(JSON.stringify(event).length);
    }
  });

  it('takes events in the schema form, and the schema agrees', () => {
    fc.assert(
      fc.property(arbitraryTimeline({ minEvents: 1 }), (doc) => {
        for (const event of doc.events) {
          const value: unknown = JSON.parse(JSON.stringify(event));
          expect(expectPromiseKept(value)).not.toBe(NOT_QUICK);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('takes nothing the schema would refuse or change', () => {
    fc.assert(
      fc.property(
        arbitraryTimeline({ minEvents: 1, maxEvents: 3 }),
        fc.array(eventChange, { minLength: 1, maxLength: 3 }),
        (doc, changes) => {
          let event: Json = doc.events[0] as unknown as Json;
          for (const change of changes) event = applyChange(event, change);
          expectPromiseKept(event);
        },
      ),
      RUNS,
    );
  });

  it('leaves to the schema what it must fill in, trim or refuse', () => {
    const event = JSON.parse(JSON.stringify(makeEvent())) as Json;
    const source = {
      title: 'Reuters',
      url: 'https://example.com/a',
      publisher: 'Reuters',
      published: '2024-06',
      quote: 'Said so.',
      language: 'en',
    };
    expect(expectPromiseKept({ ...event, sources: [source, source] })).not.toBe(NOT_QUICK);
    expect(expectPromiseKept({ ...event, sources: Array(100).fill(source) })).not.toBe(NOT_QUICK);
    expect(expectPromiseKept({ ...event, tags: Array(100).fill('t') })).not.toBe(NOT_QUICK);
    const cases: unknown[] = [
      { ...event, tags: undefined },
      (({ tags: _, ...rest }) => rest)(event),
      { ...event, title: ' Padded' },
      { ...event, tags: ['ok', 'padded '] },
      { ...event, title: '' },
      { ...event, title: 'a\u0007b' },
      { ...event, location: 'a\nb' },
      { ...event, title: 'a\u0085b' },
      { ...event, location: 'delete \u007f' },
      { ...event, actors: ['c1 \u009f'] },
      { ...event, title: 'a'.repeat(201) },
      { ...event, description: 'a'.repeat(20_001) },
      { ...event, location: 'a'.repeat(501) },
      { ...event, tags: ['a'.repeat(101)] },
      { ...event, actors: ['a'.repeat(201)] },
      { ...event, tags: Array(101).fill('t') },
      { ...event, sources: Array(101).fill(source) },
      { ...event, sources: [{ ...source, title: 'a'.repeat(501) }] },
      { ...event, sources: [{ ...source, publisher: 'a\u0080' }] },
      { ...event, title: 'a\u202eb' },
      { ...event, tags: ['isolate \u2066'] },
      { ...event, sources: [{ ...source, url: 'https://example.com/\u202e' }] },
      { ...event, sources: [{ ...source, language: `en-${'abcdefgh-'.repeat(4)}x` }] },
      { ...event, sources: [{ ...source, quote: 'a'.repeat(20_001) }] },
      { ...event, sources: [{ ...source, url: `https://example.com/${'a'.repeat(2000)}` }] },
      { ...event, sources: [{ ...source, published: '2024-13' }] },
      { ...event, sources: [{ ...source, language: 'english' }] },
      { ...event, end: '2024-06-17' },
      { ...event, start: '2024-02-30' },
      { ...event, extra: 1 },
      { ...event, id: 'not-a-uuid' },
      { ...event, status: 'happened' },
      { ...event, createdAt: '2024-06-17' },
      { ...event, sources: [{ title: 'x', url: 'javascript:alert(1)' }] },
      {
        ...event,
        sources: [
          { title: '', url: null, publisher: '', published: null, quote: '', language: '' },
        ],
      },
      Object.assign(Object.create({ inherited: true }) as Json, event),
      [event],
      null,
      'event',
    ];
    for (const value of cases) {
      expect(quickEventCheck(value)).toBe(NOT_QUICK);
      expectPromiseKept(value);
    }
  });

  it('says the length is unknown for text JSON writes as \\u escapes', () => {
    const event = JSON.parse(JSON.stringify(makeEvent())) as Json;
    expect(quickEventCheck({ ...event, description: 'bell \u0007' })).toBe(LENGTH_UNKNOWN);
    expect(quickEventCheck({ ...event, description: 'lone \udc00' })).toBe(LENGTH_UNKNOWN);
    const escaped = { ...event, description: 'a "quote", \\ and\nlines\r\n\t', title: 'x "y"' };
    expect(expectPromiseKept(escaped)).toBe(JSON.stringify(escaped).length);
    const emoji = { ...event, title: 'Summit \ud83d\ude00' };
    expect(expectPromiseKept(emoji)).toBe(JSON.stringify(emoji).length);
  });
});

/**
 * Another JSON text for the same value: spaces between tokens, characters written as \u
 * escapes (either case of hex digit), "\/" for "/". `choices` decides at each place.
 */
function reencode(value: unknown, choices: () => number): string {
  const gap = () => [' ', '', '', '', '\n', '\t'][choices() % 6] as string;
  const string = (text: string) => {
    let out = '"';
    for (const char of text) {
      const plain = JSON.stringify(char).slice(1, -1);
      const roll = choices() % 12;
      if (roll === 0) {
        out += [...char]
          .map((_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`)
          .join('');
      } else if (roll === 1) {
        out += [...char]
          .map((_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()}`)
          .join('');
      } else if (roll === 2 && char === '/') out += '\\/';
      else out += plain;
    }
    return `${out}"`;
  };
  const write = (item: unknown): string => {
    if (typeof item === 'string') return string(item);
    if (item === null || typeof item !== 'object') return JSON.stringify(item);
    if (Array.isArray(item))
      return `[${gap()}${item.map((x) => write(x)).join(`${gap()},`)}${gap()}]`;
    const entries = Object.entries(item).map(
      ([key, inner]) => `${gap()}${string(key)}${gap()}:${gap()}${write(inner)}`,
    );
    return `{${entries.join(',')}${gap()}}`;
  };
  return `${gap()}${write(value)}${gap()}`;
}

describe('a text as long as quickEventCheck says', () => {
  it('is exactly the JSON.stringify text of the event it parses to', () => {
    const tricky = fc.constantFrom(
      'plain',
      'a/b',
      'quote " here',
      'back \\ slash',
      'line\nbreak',
      'tab\there',
      'é and ü',
      '\ud83d\ude00',
      '\u2028',
    );
    fc.assert(
      fc.property(
        arbitraryTimeline({ minEvents: 1, maxEvents: 2 }),
        tricky,
        fc.infiniteStream(fc.nat()),
        fc.integer({ min: 0, max: 20 }),
        (doc, extra, stream, rare) => {
          const event = { ...doc.events[0]!, description: `${doc.events[0]!.description}${extra}` };
          const iterator = stream[Symbol.iterator]();
          // Mostly the plain choice, so that many texts are as long as the JSON.
          const choices = () => {
            const n = iterator.next().value as number;
            return n % (rare + 1) === 0 ? n : 3;
          };
          const text = reencode(event, choices);
          const value: unknown = JSON.parse(text);
          const quick = quickEventCheck(value);
          if (quick >= 0 && text.length === quick) expect(text).toBe(JSON.stringify(value));
          // A text as JSON.stringify writes it has its length known, or said to be unknown.
          if (text === JSON.stringify(value))
            expect([text.length, LENGTH_UNKNOWN]).toContain(quick);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('of a string, is what JSON.stringify writes, or is said to be unknown', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const length = jsonStringLength(text);
        if (length !== LENGTH_UNKNOWN) expect(length).toBe(JSON.stringify(text).length);
      }),
      { numRuns: 1000 },
    );
    expect(jsonStringLength('\u001f')).toBe(LENGTH_UNKNOWN);
    expect(jsonStringLength('\ud800')).toBe(LENGTH_UNKNOWN);
    expect(jsonStringLength('\ud83d\ude00')).toBe(4);
  });
});
