import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEvent } from '../../../test/builders';
import type { Timestamp } from '../ids';
import { type Source, type TimelineDocument, TimelineDocumentSchema } from '../schema';
import { CSV_COLUMNS } from './csv';
import { exportTimeline, type ImportContext, parseImport } from './index';

const NOW = '2024-06-20T12:00:00.000Z' as Timestamp;

function contextFor(current: TimelineDocument): ImportContext {
  return {
    now: NOW,
    newId: () => {
      throw new Error('an export always has ids');
    },
    current,
  };
}

const anyContext = contextFor(makeDocument({ events: [makeEvent()] }));
const RUNS = { numRuns: 100 };

function isValidDocument(value: unknown): boolean {
  return TimelineDocumentSchema.safeParse(value).success;
}

afterEach(() => {
  // No input may reach Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseImport of any input', () => {
  it('never throws on any JSON value, and accepts only valid documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseImport(JSON.stringify(value), 'file.json', anyContext);
        if (result.ok) expect(isValidDocument(result.value.document)).toBe(true);
        else expect(result.error.message).not.toBe('');
      }),
      RUNS,
    );
  });

  it('never throws on anything stringified, or on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything().map((value) => String(JSON.stringify(value))),
          fc.string(),
        ),
        fc.constantFrom('a.json', 'a.csv', 'a.txt', ''),
        (text, fileName) => {
          const result = parseImport(text, fileName, anyContext);
          if (result.ok) expect(isValidDocument(result.value.document)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('parseImport of CSV-shaped text', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('', '2024', '2024-13-01', 'lane-a', '[]', '["x"]', '[{"title":"t"}]', "'=1"),
    fc.uuid({ version: 4 }),
  );
  const columns = fc.uniqueArray(fc.constantFrom(...CSV_COLUMNS, 'notes', '__proto__'), {
    maxLength: 8,
  });

  it('never throws on any cells under any header, and accepts only valid documents', () => {
    fc.assert(
      fc.property(
        columns,
        fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 6 }),
        (header, rows) => {
          const text = Papa.unparse([['id', 'title', 'start', ...header], ...rows]);
          const result = parseImport(text, 'a.csv', anyContext);
          if (result.ok) expect(isValidDocument(result.value.document)).toBe(true);
          else expect(result.error.message).toMatch(/^(row \d+[:,] |This file )/);
        },
      ),
      RUNS,
    );
  });
});

describe('export then import', () => {
  it.each(['json', 'csv'] as const)('gives back the same document (%s)', (format) => {
    fc.assert(
      // Only our JSON carries eras; a CSV holds events.
      fc.property(arbitraryTimeline({ eras: format === 'json' }), (doc) => {
        const file = exportTimeline(format, doc);
        const result = parseImport(file.text, `story${file.extension}`, contextFor(doc));
        expect(result).toEqual({ ok: true, value: { format, document: doc } });
      }),
      RUNS,
    );
  });
});

type Breakage = 'start' | 'title' | 'url';
const BAD_DATES = ['2024-13-01', '2024-02-30', 'yesterday', '', '24-06-18', '2024-06-18T25:00Z'];

/** The document with one field of event i broken, and that field's path under the event. */
function breakOne(
  doc: TimelineDocument,
  i: number,
  kind: Breakage,
  badDate: string,
): { broken: TimelineDocument; path: string } {
  const events = doc.events.map((event, k) => {
    if (k !== i) return event;
    if (kind === 'start') return { ...event, start: badDate };
    if (kind === 'title') return { ...event, title: '' };
    const sources = event.sources.length > 0 ? event.sources : [makeSource()];
    return { ...event, sources: sources.map((s, j) => (j === 0 ? { ...s, url: BAD_URL } : s)) };
  });
  const path = kind === 'url' ? 'sources[0].url' : kind;
  return { broken: { ...doc, events } as TimelineDocument, path };
}

const BAD_URL = 'javascript:alert(document.cookie)';

function makeSource(): Source {
  return {
    title: 'Yonhap',
    url: null,
    publisher: '',
    published: null,
    quote: '',
    language: '',
  };
}

describe('a document with one field broken', () => {
  const broken = fc.record({
    doc: arbitraryTimeline({ minEvents: 1 }),
    pick: fc.nat(),
    kind: fc.constantFrom<Breakage>('start', 'title', 'url'),
    badDate: fc.constantFrom(...BAD_DATES),
  });

  it('is refused as JSON, naming events[i] and the field', () => {
    fc.assert(
      fc.property(broken, ({ doc, pick, kind, badDate }) => {
        const i = pick % doc.events.length;
        const { broken: bad, path } = breakOne(doc, i, kind, badDate);
        const result = parseImport(exportTimeline('json', bad).text, 'a.json', anyContext);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.path).toBe(`events[${i}].${path}`);
        expect(result.error.message).toMatch(new RegExp(`^events\\[${i}\\]\\.${escape(path)}: `));
      }),
      RUNS,
    );
  });

  it('is listed as a bad row of the CSV, naming the row and the column, and left out', () => {
    fc.assert(
      fc.property(broken, ({ doc, pick, kind, badDate }) => {
        const i = pick % doc.events.length;
        const { broken: bad, path } = breakOne(doc, i, kind, badDate);
        const result = parseImport(exportTimeline('csv', bad).text, 'a.csv', contextFor(doc));
        // The file is refused only when no row is good; else the bad row is listed first.
        const first = result.ok ? result.value.badRows?.listed[0] : result.error.message;
        expect(first).toMatch(new RegExp(`^row ${i + 2}, ${escape(path)}: `));
        if (result.ok) {
          const ids = result.value.document.events.map((event) => event.id);
          expect(ids).not.toContain(doc.events[i]?.id);
        }
      }),
      RUNS,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.[\]]/g, '\\$&');
}

describe('CSV into another timeline', () => {
  it('gives the same events, and new lanes with the exported titles and colours', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), (doc) => {
        const other = makeDocument();
        const result = parseImport(exportTimeline('csv', doc).text, 'a.csv', contextFor(other));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const imported = result.value.document;
        expect(imported.events).toEqual(doc.events);
        expect(imported.timeline).toEqual(other.timeline);
        const used = new Set(doc.events.map((event) => event.laneId));
        for (const lane of doc.lanes.filter((lane) => used.has(lane.id))) {
          const known = other.lanes.find((candidate) => candidate.id === lane.id);
          expect(imported.lanes).toContainEqual(known ?? lane);
        }
      }),
      RUNS,
    );
  });
});

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

describe('keys __proto__, constructor and prototype', () => {
  const places = ['document', 'timeline', 'lane', 'event', 'source'] as const;

  it('in a JSON document are refused by name and reach no prototype', () => {
    fc.assert(
      fc.property(
        arbitraryTimeline({ minEvents: 1 }),
        fc.constantFrom(...PROTO_KEYS),
        fc.constantFrom(...places),
        (doc, key, place) => {
          const json = JSON.parse(exportTimeline('json', doc).text) as JsonDocument;
          const event = json.events[0]!;
          event.sources = [...event.sources, { title: 'Yonhap' }];
          const target = {
            document: json,
            timeline: json.timeline,
            lane: json.lanes[0]!,
            event,
            source: event.sources[0]!,
          }[place];
          // defineProperty, as JSON.parse does: assigning __proto__ would set the prototype.
          Object.defineProperty(target, key, {
            value: { polluted: true },
            enumerable: true,
            writable: true,
            configurable: true,
          });
          const result = parseImport(JSON.stringify(json), 'a.json', anyContext);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.message).toContain(key);
        },
      ),
      RUNS,
    );
  });

  it('as CSV columns are ignored: the import is the same', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), fc.constantFrom(...PROTO_KEYS), (doc, key) => {
        const table = Papa.parse<string[]>(exportTimeline('csv', doc).text.slice(1), {
          skipEmptyLines: true,
        }).data;
        const text = Papa.unparse(
          table.map((row, i) => [...row, i === 0 ? key : '{"polluted": true}']),
        );
        const result = parseImport(text, 'a.csv', contextFor(doc));
        expect(result).toEqual({ ok: true, value: { format: 'csv', document: doc } });
      }),
      RUNS,
    );
  });
});

interface JsonDocument {
  timeline: object;
  lanes: object[];
  events: { sources: object[] }[];
}
