import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent } from '../../../test/builders';
import { FORMAT_VERSION, TimelineDocumentSchema } from '../schema';
import { type JsonObject, migrateDocument, MIGRATIONS, type MigrationStep } from './migrate';

const current = () =>
  JSON.parse(JSON.stringify(makeDocument({ events: [makeEvent()] }))) as JsonObject;

/** A made-up version 0 that called lanes "tracks": what a real step will look like. */
const tracksToLanes: MigrationStep = {
  from: 0,
  migrate: ({ tracks, ...rest }) => ({ ...rest, lanes: tracks }),
};

describe('migrateDocument', () => {
  it('has no steps yet: version 1 is the first released format', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });

  it('returns a current document as it is', () => {
    const doc = current();
    expect(migrateDocument(doc)).toEqual({ ok: true, value: doc });
  });

  it('passes what is not a Timeline Desk document to the schema, which names the problem', () => {
    for (const value of [null, 3, 'text', [], { format: 'other' }, { events: [] }]) {
      expect(migrateDocument(value)).toEqual({ ok: true, value });
    }
  });

  it('runs an older document through the registered steps and sets the version', () => {
    const doc = current();
    const { lanes, ...rest } = doc;
    const old = { ...rest, version: 0, tracks: lanes };
    const result = migrateDocument(old, [tracksToLanes]);
    expect(result).toEqual({ ok: true, value: doc });
    expect(TimelineDocumentSchema.safeParse(result.ok && result.value).success).toBe(true);
  });

  it('chains steps one version at a time', () => {
    const seen: number[] = [];
    const step = (from: number): MigrationStep => ({
      from,
      migrate: (doc) => {
        seen.push(from);
        return { ...doc, [`step${from}`]: doc.version };
      },
    });
    const result = migrateDocument({ format: 'timeline-desk', version: 1 }, [step(2), step(1)], 3);
    expect(seen).toEqual([1, 2]);
    expect(result).toEqual({
      ok: true,
      value: { format: 'timeline-desk', version: 3, step1: 1, step2: 2 },
    });
  });

  it('refuses a document from a newer Timeline Desk', () => {
    expect(migrateDocument({ ...current(), version: 7 })).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message:
          'This file was made by a newer version of Timeline Desk (format version 7); this version reads up to 1',
        path: 'version',
      },
    });
  });

  it.each([
    [undefined, 'version: is missing'],
    [1.5, 'version: 1.5 is not a format version (a whole number)'],
    ['1', 'version: "1" is not a format version (a whole number)'],
    [-1, 'version: -1 is not a format version (a whole number)'],
    [null, 'version: null is not a format version (a whole number)'],
  ])('refuses version %j, naming it', (version, message) => {
    const doc: Record<string, unknown> = { ...current(), version };
    if (version === undefined) delete doc.version;
    expect(migrateDocument(doc)).toEqual({
      ok: false,
      error: { code: 'invalid', message, path: 'version' },
    });
  });

  it('refuses an old version no step reads', () => {
    const result = migrateDocument({ ...current(), version: 0 });
    expect(result.ok || result.error.message).toBe('version: format version 0 cannot be read');
  });

  it('turns a step that throws on a strange old file into a refusal', () => {
    const fragile: MigrationStep = {
      from: 0,
      migrate: () => {
        throw new TypeError('tracks is not iterable');
      },
    };
    const result = migrateDocument({ format: 'timeline-desk', version: 0 }, [fragile]);
    expect(result.ok || result.error.message).toBe(
      'Could not upgrade from format version 0: tracks is not iterable',
    );
  });

  it('reads only its own version key, not one inherited', () => {
    const doc = Object.create({ version: 1 }) as Record<string, unknown>;
    doc.format = 'timeline-desk';
    expect(migrateDocument(doc).ok).toBe(false);
  });
});
