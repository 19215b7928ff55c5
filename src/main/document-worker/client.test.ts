import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import { useTempDirs } from '../../../test/temp-dir';
import { exportTimeline, type ImportContext, parseImport } from '../../shared/formats';
import type { EventId, Timestamp } from '../../shared/ids';
import { readStoreFile, readStoreFileAside } from '../store/store-file';
import { parseImportInWorker, WORKER_MIN_BYTES } from './client';

const tempDir = useTempDirs();
// About 1.4 MB of JSON: large enough to be read in the worker.
const large = generateTimeline(3000);
const largeText = JSON.stringify(large);

/** The same read in this thread. */
const readHere = (path: string) => readStoreFile(path);

describe('reading a large store file in the document worker', () => {
  it('gives the same document as reading it here', async () => {
    expect(largeText.length).toBeGreaterThan(WORKER_MIN_BYTES);
    const path = join(await tempDir(), 'timeline.json');
    await writeFile(path, largeText);
    const inWorker = await readStoreFileAside(path);
    expect(inWorker).toEqual(await readHere(path));
    expect(inWorker).toMatchObject({ kind: 'valid', document: large, upgradedFrom: null });
  }, 60_000);

  it.each([
    [
      'a bad date late in the file',
      (text: string) => text.replace(/"start":"2023-/g, '"start":"2023-13-'),
    ],
    ['broken JSON', (text: string) => text.slice(0, -10)],
    ['a newer format version', (text: string) => text.replace('"version":1', '"version":9')],
  ])(
    'says why a file with %s is damaged, as reading it here does',
    async (_, damage) => {
      const path = join(await tempDir(), 'timeline.json');
      await writeFile(path, damage(largeText));
      const inWorker = await readStoreFileAside(path);
      expect(inWorker.kind).toBe('damaged');
      expect(inWorker).toEqual(await readHere(path));
    },
    60_000,
  );
});

describe('reading a large imported file in the document worker', () => {
  const context: ImportContext = {
    now: '2026-01-02T03:04:05.678Z' as Timestamp,
    newId: () => '00000000-0000-4000-8000-000000000000' as EventId,
    current: generateTimeline(3),
  };

  it.each([
    ['Timeline Desk JSON', exportTimeline('json', large).text],
    ['CSV', exportTimeline('csv', large).text],
    ['TimelineJS', exportTimeline('timelinejs', large).text],
    ['JSON with a bad event', largeText.replace(/"laneId":"media"/, '"laneId":"no-such-lane"')],
    ['JSON that is no timeline', JSON.stringify({ items: large.events })],
    ['too many events', JSON.stringify({ ...large, events: Array(100_001).fill(1) })],
  ])(
    'reads %s as parseImport does here',
    async (_, text) => {
      const inWorker = await parseImportInWorker(text, 'story.json', context);
      expect(inWorker).toEqual(parseImport(text, 'story.json', context));
    },
    60_000,
  );
});
