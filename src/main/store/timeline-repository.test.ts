import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeEvent, makeLane } from '../../../test/builders';
import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { useTempDirs } from '../../../test/temp-dir';
import type { EventId, LaneId, TimelineId } from '../../shared/ids';
import { seedDocument } from '../app-services';
import type { WriteOps } from './atomic-write';
import {
  openTimelineRepository,
  STORE_FILE_NAME,
  type TimelineRepository,
} from './timeline-repository';

const tempDir = useTempDirs();
const FIXED_NOW = new Date('2026-01-02T03:04:05.678Z');
const opened: TimelineRepository[] = [];
// Runs before the temp folders go: pending writes finish first.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((repository) => repository.close().catch(() => {})));
});

async function open(dataDir: string, writeDelayMs = 25, ops?: WriteOps) {
  const result = await openTimelineRepository({
    dataDir,
    seed: seedDocument,
    writeDelayMs,
    now: () => FIXED_NOW,
    write: ops ? { ops, retryDelaysMs: [1, 2] } : undefined,
    log: () => {},
  });
  opened.push(result.repository);
  return result;
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
  it('writes a change after a quiet spell at once, and later ones when the spacing allows', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir, 10_000);
    const [first, second] = [...repository.events()];
    const writesBefore = repository.writeCount;
    repository.apply({ upserted: [{ ...first!, title: 'At once' }], removed: [] });
    await repository.whenSaved();
    expect(repository.writeCount - writesBefore).toBe(1);
    expect((await storeOnDisk(dir)).events.find((e) => e.id === first!.id)?.title).toBe('At once');

    repository.apply({ upserted: [{ ...second!, title: 'Later' }], removed: [] });
    await new Promise((wait) => setTimeout(wait, 50));
    expect(repository.writeCount - writesBefore).toBe(1);
    await repository.flush();
    expect(repository.writeCount - writesBefore).toBe(2);
    expect((await storeOnDisk(dir)).events.find((e) => e.id === second!.id)?.title).toBe('Later');
  });

  it('coalesces a burst of changes into few atomic writes, all of them kept', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir, 40);
    const writesBefore = repository.writeCount;
    const event = [...repository.events()][0]!;
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      const wait = started + i - performance.now();
      if (wait >= 1) await new Promise((done) => setTimeout(done, wait));
      repository.apply({ upserted: [{ ...event, title: `Edit ${i}` }], removed: [] });
    }
    const spanMs = performance.now() - started;
    await repository.whenSaved();
    // The first change is written at once, then one write per 40 ms at most.
    expect(repository.writeCount - writesBefore).toBeLessThanOrEqual(Math.ceil(spanMs / 40) + 1);
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.events.find((e) => e.id === event.id)?.title).toBe('Edit 99');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes exactly the document it holds, after many changes', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir, 1);
    const events = [...repository.events()];
    for (const [i, event] of events.entries()) {
      repository.apply({ upserted: [{ ...event, title: `Title ${i}` }], removed: [] });
      if (i % 2 === 0) await repository.whenSaved();
    }
    repository.apply({ upserted: [makeEvent({ laneId: events[0]!.laneId })], removed: [] });
    await repository.whenSaved();
    // The snapshot with the journal replayed: the same events, in the store's order.
    expect(await storeOnDisk(dir)).toEqual(repository.document());
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

describe('changes and their inverses', () => {
  it('returns the change that puts back exactly what was there', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir);
    const before = repository.document();
    const visit = [...repository.events()].find((e) => e.title.startsWith("Putin's state visit"))!;
    const vietnam = [...repository.events()].find((e) => e.followUpOf === visit.id)!;
    const added = makeEvent({ laneId: 'war' as LaneId });
    const inverse = repository.apply({
      upserted: [{ ...vietnam, followUpOf: null }, added],
      removed: [visit.id],
      lanes: [...before.lanes, makeLane({ id: 'new-lane' as LaneId })],
      timeline: { ...before.timeline, title: 'Renamed' },
    });
    expect(repository.info.title).toBe('Renamed');
    expect(repository.hasLane('new-lane' as LaneId)).toBe(true);
    expect(repository.followUpsOf(visit.id)).toEqual([]);

    expect(inverse.removed).toEqual([added.id]);
    expect(inverse.upserted).toEqual(expect.arrayContaining([visit, vietnam]));
    expect(inverse.upserted).toHaveLength(2);
    const redo = repository.apply(inverse);
    // Exactly, order included: a removed event comes back in its place.
    expect(repository.document()).toEqual(before);
    expect(repository.hasLane('new-lane' as LaneId)).toBe(false);
    expect(repository.followUpsOf(visit.id)).toEqual([vietnam.id]);

    repository.apply(redo);
    expect(repository.info.title).toBe('Renamed');
    expect(repository.get(added.id)).toEqual(added);
    expect(repository.get(visit.id)).toBeUndefined();
  });

  it('leaves lanes and timeline info out of the inverse when the change did not set them', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir);
    const inverse = repository.apply({
      upserted: [],
      removed: ['00000000-0000-4000-8000-000000000000' as EventId],
    });
    expect(inverse).toEqual({ upserted: [], removed: [] });
  });

  it('writes lanes and timeline info that a change sets', async () => {
    const dir = await tempDir();
    const { repository } = await open(dir);
    const timeline = { id: crypto.randomUUID() as TimelineId, title: 'Other', description: 'd' };
    const lanes = [makeLane({ id: 'only' as LaneId })];
    const removed = [...repository.events()].map((e) => e.id);
    repository.apply({ upserted: [], removed, lanes, timeline });
    await repository.flush();
    expect(await storeOnDisk(dir)).toMatchObject({ timeline, lanes, events: [] });
  });
});

describe('a write that fails', () => {
  it('keeps the change in memory, reports it on flush, and writes it with the next change', async () => {
    const dir = await tempDir();
    const ops = lockedFileOps(STORE_FILE_NAME);
    const { repository } = await open(dir, 5, ops);
    const [first, second] = [...repository.events()];
    ops.lockForever();
    repository.apply({ upserted: [{ ...first!, title: 'Kept in memory' }], removed: [] });
    await expect(repository.flush()).rejects.toMatchObject({ code: 'EPERM' });
    expect(repository.unsavedError()).toMatchObject({ code: 'EPERM' });
    expect(repository.get(first!.id)?.title).toBe('Kept in memory');
    expect((await storeOnDisk(dir)).events.find((e) => e.id === first!.id)?.title).toBe(
      first!.title,
    );
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    ops.unlock();
    repository.apply({ upserted: [{ ...second!, title: 'Next change' }], removed: [] });
    await repository.flush();
    expect(repository.unsavedError()).toBeNull();
    const onDisk = await storeOnDisk(dir);
    expect(onDisk.events.find((e) => e.id === first!.id)?.title).toBe('Kept in memory');
    expect(onDisk.events.find((e) => e.id === second!.id)?.title).toBe('Next change');
  });

  it('rides out a lock that lasts a few attempts without reporting anything', async () => {
    const dir = await tempDir();
    const ops = lockedFileOps(STORE_FILE_NAME);
    const { repository } = await open(dir, 5, ops);
    const [first] = [...repository.events()];
    ops.failuresLeft = 2;
    repository.apply({ upserted: [{ ...first!, title: 'After a lock' }], removed: [] });
    await repository.flush();
    expect(repository.unsavedError()).toBeNull();
    expect((await storeOnDisk(dir)).events.find((e) => e.id === first!.id)?.title).toBe(
      'After a lock',
    );
  });
});
