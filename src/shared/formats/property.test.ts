import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEvent } from '../../../test/builders';
import type { Timestamp } from '../ids';
import { type TimelineDocument, TimelineDocumentSchema } from '../schema';
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
const RUNS = { numRuns: 150 };

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

describe('export then import', () => {
  it.each(['json', 'csv'] as const)('gives back the same document (%s)', (format) => {
    fc.assert(
      fc.property(arbitraryTimeline(), (doc) => {
        const file = exportTimeline(format, doc);
        const result = parseImport(file.text, `story${file.extension}`, contextFor(doc));
        expect(result).toEqual({ ok: true, value: { format, document: doc } });
      }),
      RUNS,
    );
  });
});
