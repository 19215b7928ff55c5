import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent } from '../../../test/builders';
import { hostileFiles } from '../../../test/fixtures/hostile';
import { MAX_IMPORT_BYTES } from '../contract';
import type { EventId, Timestamp } from '../ids';
import type { Result } from '../result';
import { isHttpUrl, LIMITS } from '../schema';
import { formatPath } from '../validation';
import { exportTimeline, type ImportContext, type ParsedImport, parseImport } from './index';

const context: ImportContext = {
  now: '2024-06-20T12:00:00.000Z' as Timestamp,
  newId: () => globalThis.crypto.randomUUID() as EventId,
  current: makeDocument(),
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function fixture(name: keyof typeof hostileFiles): { [key: string]: Json } {
  return JSON.parse(hostileFiles[name]) as { [key: string]: Json };
}

function importJson(json: Json, fileName = 'hostile.json'): Result<ParsedImport> {
  return parseImport(JSON.stringify(json), fileName, context);
}

/** Every string in a value, with its path. */
function strings(value: unknown, path: PropertyKey[] = []): [string, string][] {
  if (typeof value === 'string') return [[formatPath(path), value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    strings(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

/** Runs an import and says how long it took. */
function timed(run: () => Result<ParsedImport>): { result: Result<ParsedImport>; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('script-tags.json', () => {
  it('is refused for its javascript: source address, naming it', () => {
    expect(parseImport(hostileFiles['script-tags.json'], 'script-tags.json', context)).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'events[1].sources[0].url: is not a web address (http or https)',
        path: 'events[1].sources[0].url',
      },
    });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'https://',
  ])('refuses the source address %j', (url) => {
    const doc = fixture('script-tags.json');
    const event = (doc.events as { sources: { url: Json }[] }[])[1]!;
    event.sources[0]!.url = url;
    const result = importJson(doc);
    expect(result.ok || result.error.path).toBe('events[1].sources[0].url');
  });

  it('keeps the markup as inert text, character for character, once the address is a web one', () => {
    const doc = fixture('script-tags.json');
    const event = (doc.events as { sources: { url: Json }[] }[])[1]!;
    event.sources[0]!.url = 'https://example.com/';
    const result = importJson(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(strings(result.value.document).sort()).toEqual(strings(doc).sort());
    expect(strings(result.value.document).map(([, text]) => text)).toContain(
      '<script>alert(document.cookie)</script>',
    );
  });
});

// eslint-disable-next-line no-control-regex -- the characters the schema refuses in one line
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

describe('control-chars.json', () => {
  // Each of these one-line fields holds a control character; fixing one shows the next.
  const places: (string | number)[][] = [
    ['timeline', 'title'],
    ['lanes', 1, 'title'],
    ['events', 0, 'title'],
    ['events', 1, 'location'],
    ['events', 2, 'actors', 0],
    ['events', 3, 'sources', 0, 'publisher'],
  ];

  it('is refused at each one-line field with a control character, in order', () => {
    const doc = fixture('control-chars.json');
    for (const place of places) {
      const result = importJson(doc);
      expect(result).toMatchObject({
        ok: false,
        error: { message: `${formatPath(place)}: contains control characters` },
      });
      cleanAt(doc, place, CONTROL_CHARACTERS);
    }
    const result = importJson(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Multi-line text keeps what it holds: it is shown as text, never run.
    expect(result.value.document.events[0]!.description).toBe(
      'NUL \u0000, escape \u001b[0m and CR\r are kept as text here',
    );
  });
});

const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

describe('direction-controls.json', () => {
  // Each of these one-line fields holds a character that sets the direction of the text after
  // it (U+202E makes "invoice\u202efdp.exe" read "invoiceexe.pdf"); fixing one shows the next.
  const places: [(string | number)[], string][] = [
    [['timeline', 'title'], 'U+2067'],
    [['lanes', 1, 'title'], 'U+202D'],
    [['events', 0, 'title'], 'U+202E'],
    [['events', 1, 'tags', 1], 'U+202A'],
    [['events', 1, 'actors', 0], 'U+2066'],
    [['events', 2, 'location'], 'U+202B'],
    [['events', 2, 'sources', 0, 'title'], 'U+202C'],
    [['events', 2, 'sources', 0, 'url'], 'U+202E'],
  ];

  it('is refused at each one-line field with a direction character, naming it, in order', () => {
    const doc = fixture('direction-controls.json');
    for (const [place, character] of places) {
      expect(importJson(doc)).toMatchObject({
        ok: false,
        error: {
          message: `${formatPath(place)}: contains a hidden text-direction character (${character}), which can make text read in a misleading order: remove it`,
          path: formatPath(place),
        },
      });
      cleanAt(doc, place, DIRECTION_CONTROLS);
    }
    const result = importJson(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Multi-line text keeps them: it is shown on its own, isolated from the app's words.
    const { timeline, events } = result.value.document;
    expect(timeline.description).toContain('\u202b embedded \u202c');
    expect(events[0]!.description).toContain('\u202e');
    expect(events[2]!.sources[0]!.quote).toBe('Quotes keep them: \u202e \u2067');
  });
});

/** Replaces what a pattern finds in the string at a place of a parsed file with spaces. */
function cleanAt(doc: Json, place: (string | number)[], pattern: RegExp): void {
  const parent = place.slice(0, -1).reduce<Json>((at, key) => (at as never)[key], doc);
  const key = place[place.length - 1]!;
  const value = (parent as never)[key] as string;
  (parent as Record<string | number, Json>)[key] = value.replace(pattern, ' ');
}

describe('html-in-timelinejs.json', () => {
  it('is refused, or imported as plain text with only web addresses', () => {
    const result = parseImport(hostileFiles['html-in-timelinejs.json'], 'slides.json', context);
    if (!result.ok) {
      expect(result.error.message).not.toBe('');
      return;
    }
    expect(result.value.format).toBe('timelinejs');
    const doc = result.value.document;
    for (const source of doc.events.flatMap((event) => event.sources)) {
      if (source.url !== null) expect(isHttpUrl(source.url), source.url).toBe(true);
    }
    for (const [path, text] of strings(doc)) {
      expect(text, path).not.toMatch(/<script|onerror|onload|javascript:|data:text/i);
    }
    expect(doc.events.map((event) => event.title)).toContain('Putin arrives');
  });
});

describe('huge files', () => {
  // Generous, so a busy test machine does not fail it; a slow path takes minutes.
  const QUICKLY_MS = 5000;

  it('refuses text over the size limit before parsing it', () => {
    const text = `{"format":"timeline-desk","x":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    const { result, ms } = timed(() => parseImport(text, 'big.json', context));
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'This file is larger than 50 MB' },
    });
    expect(ms).toBeLessThan(100);
  });

  it.each([
    ['Timeline Desk', '{"format":"timeline-desk","version":1,"events":[', '{}'],
    ['TimelineJS', '{"events":[', '{"start_date":{"year":"2024"}}'],
  ])('refuses a %s file with a million events quickly, by their number', (_, head, event) => {
    const text = `${head}${Array.from({ length: 1_000_000 }, () => event).join(',')}]}`;
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const { result, ms } = timed(() => parseImport(text, 'many.json', context));
    expect(result).toMatchObject({
      ok: false,
      error: { message: `events: has more than ${LIMITS.maxEvents} events` },
    });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it('refuses a CSV file with a million rows quickly, by their number', () => {
    const text = `id,title,start\r\n${',Event,2024\r\n'.repeat(1_000_000)}`;
    const { result, ms } = timed(() => parseImport(text, 'many.csv', context));
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^This file has more than 101000 rows; a timeline/) },
    });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  it('counts up to the limit: at exactly that many, the events themselves are checked', () => {
    const at = (n: number) => ({
      ...makeDocument(),
      events: Array.from({ length: n }, () => null),
    });
    expect(importJson(at(LIMITS.maxEvents))).toMatchObject({
      error: { message: 'events[0]: Invalid input: expected object, received null' },
    });
    expect(importJson(at(LIMITS.maxEvents + 1))).toMatchObject({
      error: { message: `events: has more than ${LIMITS.maxEvents} events` },
    });
  });

  it.each(['json', 'csv'] as const)(
    'refuses a 10 MB title quickly, by its length (%s)',
    (format) => {
      const doc = makeDocument({ events: [makeEvent({ title: 'x'.repeat(10 * 1024 * 1024) })] });
      const { text, extension } = exportTimeline(format, doc);
      const { result, ms } = timed(() =>
        parseImport(text, `long${extension}`, { ...context, current: doc }),
      );
      const place = format === 'json' ? 'events[0].title' : 'row 2, title';
      expect(result).toMatchObject({
        ok: false,
        error: { message: `${place}: is longer than ${LIMITS.title} characters` },
      });
      expect(ms).toBeLessThan(QUICKLY_MS);
    },
  );

  it('refuses deep nesting without overflowing the stack', () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    for (const text of [deep, `{"format":"timeline-desk","version":1,"timeline":${deep}}`]) {
      const result = parseImport(text, 'deep.json', context);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid');
    }
  });
});
