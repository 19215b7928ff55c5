import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../test/temp-dir';
import type { EventId } from '../../shared/ids';
import { TimelineDocumentSchema } from '../../shared/schema';
import { seedDocument } from '../app-services';
import { openTimelineRepository, STORE_FILE_NAME } from './timeline-repository';

const tempDir = useTempDirs();
const FIXED_NOW = new Date('2026-01-02T03:04:05.678Z');

async function open(dataDir: string, writeDelayMs = 25) {
  return openTimelineRepository({
    dataDir,
    seed: seedDocument,
    writeDelayMs,
    now: () => FIXED_NOW,
  });
}

async function storeOnDisk(dataDir: string) {
  return TimelineDocumentSchema.parse(
    JSON.parse(await readFile(join(dataDir, STORE_FILE_NAME), 'utf8')),
  );
}

describe('opening the store', () => {
  it('writes the seed on first run, in the document format', async () => {
    const dir = await tempDir();
    const { repository, notices } = await open(dir);
    expect(notices).toEqual([]);
    expect(repository.eventCount()).toBe(seedDocument().events.length);
    expect(await storeOnDisk(dir)).toEqual(seedDocument());
  });

  it("never overwrites a user's store with the seed", async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const [event] = [...first.repository.events()];
    first.repository.apply({ upserted: [{ ...event!, title: 'My own title' }], removed: [] });
    await first.repository.close();

    const second = await open(dir);
    expect(second.notices).toEqual([]);
    expect(second.repository.get(event!.id)?.title).toBe('My own title');
  });

  it.each([
    ['not JSON at all', '{"format": "timeline-desk", "events": [', /not valid JSON/],
    ['an empty file', '', /it is empty/],
    [
      'JSON that is not a timeline',
      '{"format":"something-else"}',
      /not a valid timeline \(format:/,
    ],
  ])(
    'moves a store that is %s aside, keeps it byte for byte, and says where',
    async (_, text, reason) => {
      const dir = await tempDir();
      await writeFile(join(dir, STORE_FILE_NAME), text);
      const { repository, notices } = await open(dir);

      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(reason);
      const movedTo = /kept, unchanged, at (.+?)\. Timeline Desk/.exec(notices[0]!)?.[1];
      expect(movedTo).toBeDefined();
      expect(await readFile(movedTo!, 'utf8')).toBe(text);
      expect(repository.eventCount()).toBe(seedDocument().events.length);
      expect(await storeOnDisk(dir)).toEqual(seedDocument());
    },
  );

  it('never overwrites an earlier damaged file when another one is moved aside', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE_FILE_NAME), 'first damage');
    await open(dir);
    await writeFile(join(dir, STORE_FILE_NAME), 'second damage');
    await open(dir);
    const damaged = (await readdir(dir)).filter((name) => name.includes('.damaged-'));
    expect(damaged).toHaveLength(2);
    const contents = await Promise.all(damaged.map((name) => readFile(join(dir, name), 'utf8')));
    expect(contents.sort()).toEqual(['first damage', 'second damage']);
  });
});

describe('writing', () => {
  it('coalesces a burst of changes into few atomic writes, all of them kept', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir, 40);
    const writesBefore = repository.writeCount;
    const event = [...repository.events()][0]!;
    for (let i = 0; i < 100; i++) {
      repository.apply({ upserted: [{ ...event, title: `Edit ${i}` }], removed: [] });
    }
    await repository.flush();
    expect(repository.writeCount - writesBefore).toBeLessThanOrEqual(2);
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.events.find((e) => e.id === event.id)?.title).toBe('Edit 99');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps follow-up links indexed as events change and go', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir);
    const visit = [...repository.events()].find((e) => e.title.startsWith("Putin's state visit"))!;
    const vietnam = [...repository.events()].find((e) => e.followUpOf === visit.id)!;
    expect(repository.followUpsOf(visit.id)).toEqual([vietnam.id]);

    repository.apply({ upserted: [{ ...vietnam, followUpOf: null }], removed: [] });
    expect(repository.followUpsOf(visit.id)).toEqual([]);
    repository.apply({ upserted: [{ ...vietnam, followUpOf: visit.id }], removed: [] });
    repository.apply({ upserted: [], removed: [vietnam.id] });
    expect(repository.followUpsOf(visit.id)).toEqual([]);
    expect(repository.get('00000000-0000-4000-8000-000000000000' as EventId)).toBeUndefined();
  });
});
