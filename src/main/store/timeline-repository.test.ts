import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeDocument, makeEvent, makeEvents, makeLane } from '../../../test/builders';
import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { useTempDirs } from '../../../test/temp-dir';
import type { EventId, LaneId, TimelineId } from '../../shared/ids';
import { type TimelineDocument, TimelineDocumentSchema } from '../../shared/schema';
import { seedDocument } from '../app-services';
import { nodeWriteOps, type WriteOps } from './atomic-write';
import { appendDurably, journalLine, journalPath, listJournals } from './journal';
import {
  JOURNAL_MAX_EVENTS,
  type OpenOptions,
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

/** Opens with the options a test gives; closed after the test like the others. */
async function openWith(dataDir: string, options: Partial<OpenOptions> = {}) {
  const result = await openTimelineRepository({
    dataDir,
    seed: seedDocument,
    writeDelayMs: 1,
    now: () => FIXED_NOW,
    log: () => {},
    ...options,
  });
  opened.push(result.repository);
  return result;
}

/** A timeline file alone (for the store file: without the journals replayed on it). */
async function documentInFile(path: string): Promise<TimelineDocument> {
  return TimelineDocumentSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

const snapshotOnDisk = (dir: string) => documentInFile(join(dir, STORE_FILE_NAME));

/** A document written as another program (a sync client) does: a temp file renamed over ours. */
async function replaceAsAnotherProgram(dir: string, document: TimelineDocument): Promise<string> {
  const text = JSON.stringify(document);
  const temp = join(dir, '.sync-client-download');
  await writeFile(temp, text);
  await rename(temp, join(dir, STORE_FILE_NAME));
  return text;
}

describe('opening a store with a journal', () => {
  it('replays the complete lines and skips a torn last line without a notice', async () => {
    const dir = await tempDir();
    const [first, second, third] = makeEvents(3);
    const document = makeDocument({ events: [first!] });
    await writeFile(join(dir, STORE_FILE_NAME), JSON.stringify(document));
    const torn = journalLine([{ upserted: [third!], removed: [] }], FIXED_NOW).slice(0, -30);
    await writeFile(
      journalPath(dir, 1),
      journalLine([{ upserted: [{ ...first!, title: 'Edited' }], removed: [] }], FIXED_NOW) +
        journalLine([{ upserted: [second!], removed: [] }], FIXED_NOW) +
        torn,
    );

    const { repository, notices } = await openWith(dir);
    expect(notices).toEqual([]);
    expect(repository.document()).toEqual({
      ...document,
      events: [{ ...first!, title: 'Edited' }, second],
    });
    await repository.idle();
    expect(await storeOnDisk(dir)).toEqual(repository.document());
  });

  it('leaves out a damaged line, keeps the rest, and says where the journal was copied', async () => {
    const dir = await tempDir();
    const [first, second] = makeEvents(2);
    await writeFile(join(dir, STORE_FILE_NAME), JSON.stringify(makeDocument()));
    const journal =
      journalLine([{ upserted: [first!], removed: [] }], FIXED_NOW) +
      '{"at":"2026-01-02T03:04:05.678Z","changes":[{"upse\n' +
      journalLine([{ upserted: [second!], removed: [] }], FIXED_NOW);
    await writeFile(journalPath(dir, 3), journal);

    const { repository, notices } = await openWith(dir);
    expect(repository.document().events).toEqual([first, second]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^1 saved change could not be read and was left out/);
    const keptAt = /the journal was kept at (.+)\.$/.exec(notices[0]!)?.[1];
    expect(keptAt).toBeDefined();
    expect(await readFile(keptAt!, 'utf8')).toBe(journal);
    // The copy is no journal: the next start does not replay it again.
    await repository.close();
    expect((await listJournals(dir)).map((file) => file.path)).not.toContain(keptAt);
  });
});

describe('the journal and the snapshot', () => {
  it('folds the journal into the snapshot once it passes 1 MB', async () => {
    const dir = await tempDir();
    const { repository } = await openWith(dir);
    // The first backup is made by then: a backup due would fold the journal at once.
    await repository.idle();
    const laneId = repository.lanes[0]!.id;
    const long = 'A long description. '.repeat(950); // 19,000 characters
    let change = 0;
    const writeLine = async () => {
      // About 190 kB of journal each.
      const events = makeEvents(10, { laneId, description: `${change++} ${long}` });
      repository.apply({ upserted: events, removed: [] });
      await repository.whenSaved();
    };

    await writeLine();
    await repository.idle();
    expect(await listJournals(dir)).toHaveLength(1); // under 1 MB: still a journal
    while (change < 6) await writeLine();
    await repository.idle();

    expect(await listJournals(dir)).toEqual([]);
    expect(await snapshotOnDisk(dir)).toEqual(repository.document());
  });

  it(`writes a change of more than ${JOURNAL_MAX_EVENTS} events as a snapshot, not a journal line`, async () => {
    const dir = await tempDir();
    const appended: string[] = [];
    const ops: WriteOps = {
      ...nodeWriteOps,
      append: async (path, line) => {
        appended.push(line);
        await appendDurably(path, line);
      },
    };
    const { repository } = await openWith(dir, { write: { ops } });
    const [event] = [...repository.events()];
    repository.apply({ upserted: [{ ...event!, title: 'A small change' }], removed: [] });
    await repository.whenSaved();
    expect(appended).toHaveLength(1);

    const many = makeEvents(JOURNAL_MAX_EVENTS + 1, { laneId: event!.laneId });
    repository.apply({ upserted: many, removed: [] });
    await repository.flush();

    expect(appended).toHaveLength(1);
    expect(await snapshotOnDisk(dir)).toEqual(repository.document());
    expect(await listJournals(dir)).toEqual([]);
  });
});

describe('a data folder deleted while the store is open', () => {
  it('makes it again with the next change and writes the whole timeline back', async () => {
    const dir = await tempDir();
    const { repository } = await openWith(dir, { watchIntervalMs: 60_000 });
    await repository.idle(); // no backup is being written into the folder as it goes
    const [event] = [...repository.events()];
    await rm(dir, { recursive: true, force: true });

    repository.apply({ upserted: [{ ...event!, title: 'After the folder went' }], removed: [] });
    await repository.whenSaved();

    expect(await storeOnDisk(dir)).toEqual(repository.document());
    expect(repository.get(event!.id)?.title).toBe('After the folder went');
    expect(repository.state()).toMatchObject({ saving: false, failure: null });
    expect(repository.state().notices).toEqual([
      expect.stringMatching(/^The data folder .* was deleted while Timeline Desk was open/),
    ]);
  });

  it('notices it within a second when nothing is edited, and writes the timeline back', async () => {
    const dir = await tempDir();
    const { repository } = await openWith(dir, { watchIntervalMs: 20 });
    await repository.idle(); // no backup is being written into the folder as it goes
    await rm(dir, { recursive: true, force: true });

    await expect
      .poll(() => storeOnDisk(dir).catch(() => null), { timeout: 1000, interval: 20 })
      .toEqual(repository.document());
    expect(repository.state().notices).toEqual([expect.stringMatching(/was deleted/)]);
  });
});

describe('a store file another program replaced', () => {
  async function replacedWhileOpen() {
    const dir = await tempDir();
    const { repository } = await openWith(dir);
    await repository.idle(); // the first backup is made: our change stays a journal line
    const [event] = [...repository.events()];
    repository.apply({ upserted: [{ ...event!, title: 'Saved before' }], removed: [] });
    await repository.idle();
    expect(await listJournals(dir)).toHaveLength(1);

    const theirs = makeDocument({ events: makeEvents(2) });
    const theirText = await replaceAsAnotherProgram(dir, theirs);
    await expect
      .poll(() => repository.state().externalChangeAt, { timeout: 1000, interval: 10 })
      .toEqual(FIXED_NOW);

    repository.apply({ upserted: [{ ...event!, title: 'Not saved yet' }], removed: [] });
    await expect(repository.flush()).rejects.toMatchObject({ code: 'ECHANGED' });
    expect(repository.state()).toMatchObject({ saving: true, failure: { code: 'ECHANGED' } });
    expect(await readFile(join(dir, STORE_FILE_NAME), 'utf8')).toBe(theirText);
    return { dir, repository, theirs, theirText };
  }

  it('keeps ours on request, with theirs moved aside byte for byte', async () => {
    const { dir, repository, theirText } = await replacedWhileOpen();

    const theirsAt = await repository.keepMine();
    expect(await readFile(theirsAt, 'utf8')).toBe(theirText);
    expect(await storeOnDisk(dir)).toEqual(repository.document());
    expect(repository.state()).toMatchObject({
      saving: false,
      failure: null,
      externalChangeAt: null,
    });
  });

  it('takes theirs on request, with ours written aside and our journals gone', async () => {
    const { dir, repository, theirs } = await replacedWhileOpen();
    const ours = repository.document();

    const taken = await repository.takeTheirs();
    expect(taken.document).toEqual(theirs);
    expect(await documentInFile(taken.keptAt)).toEqual(ours);
    expect(await listJournals(dir)).toEqual([]);
    expect(repository.state()).toMatchObject({ failure: null, externalChangeAt: null });

    await repository.close();
    const reopened = await openWith(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.repository.document()).toEqual(theirs);
  });
});

describe('waiting for a save that fails', () => {
  it('rejects whenSaved with the cause instead of waiting through the retries', async () => {
    const dir = await tempDir();
    const ops = lockedFileOps(STORE_FILE_NAME, 0, 'ENOSPC');
    const { repository } = await open(dir, 1, ops);
    const [event] = [...repository.events()];
    ops.lockForever();
    repository.apply({ upserted: [{ ...event!, title: 'Not on disk' }], removed: [] });
    await expect(repository.whenSaved()).rejects.toMatchObject({ code: 'ENOSPC' });

    ops.unlock();
    await repository.flush();
    expect(repository.state()).toMatchObject({ saving: false, failure: null });
    expect((await storeOnDisk(dir)).events.find((e) => e.id === event!.id)?.title).toBe(
      'Not on disk',
    );
  });

  it("rejects whenSaved while another program's file waits for the user", async () => {
    const dir = await tempDir();
    const { repository } = await openWith(dir, { watchIntervalMs: 10 });
    await repository.idle();
    await replaceAsAnotherProgram(dir, makeDocument());
    await expect
      .poll(() => repository.state().externalChangeAt, { timeout: 1000, interval: 10 })
      .not.toBeNull();
    const [event] = [...repository.events()];
    repository.apply({ upserted: [{ ...event!, title: 'Waits for the choice' }], removed: [] });
    await expect(repository.whenSaved()).rejects.toMatchObject({ code: 'ECHANGED' });
  });
});
