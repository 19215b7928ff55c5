import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent, makeEvents, makeLane } from '../../../test/builders';
import { useTempDirs } from '../../../test/temp-dir';
import type { Change } from '../../shared/contract';
import type { LaneId } from '../../shared/ids';
import {
  appendDurably,
  createJournal,
  journalLine,
  journalPath,
  listJournals,
  readJournal,
  removeJournalsBefore,
  replayChanges,
} from './journal';

const tempDir = useTempDirs();
const AT = new Date('2026-01-02T03:04:05.678Z');

function upsert(...events: Change['upserted']): Change {
  return { upserted: events, removed: [] };
}

describe('listJournals', () => {
  it('lists journals by generation as a number, and nothing else in the folder', async () => {
    const dir = await tempDir();
    for (const name of [
      'timeline.10.journal',
      'timeline.2.journal',
      'timeline.json',
      'timeline.1.journal.damaged-2026',
      'timeline.x.journal',
      'other.3.journal',
      'timeline.9.journal',
    ]) {
      await writeFile(join(dir, name), '');
    }
    expect(await listJournals(dir)).toEqual([
      { generation: 2, path: join(dir, 'timeline.2.journal') },
      { generation: 9, path: join(dir, 'timeline.9.journal') },
      { generation: 10, path: join(dir, 'timeline.10.journal') },
    ]);
  });

  it('finds none in a folder that is not there', async () => {
    const dir = await tempDir();
    expect(await listJournals(join(dir, 'gone'))).toEqual([]);
  });
});

describe('readJournal', () => {
  it('skips a torn last line (a crash mid-append) without calling it damaged', async () => {
    const dir = await tempDir();
    const [first, second, third] = makeEvents(3);
    const path = join(dir, 'timeline.1.journal');
    const torn = journalLine([upsert(third!)], AT).slice(0, -20);
    await writeFile(
      path,
      journalLine([upsert(first!)], AT) + journalLine([upsert(second!)], AT) + torn,
    );

    const read = await readJournal(path);
    expect(read.changes).toEqual([upsert(first!), upsert(second!)]);
    expect(read.damagedLines).toBe(0);
    expect(read.bytes).toBe((await readFile(path)).length);
  });

  it('counts a damaged complete line and keeps the changes of the lines around it', async () => {
    const dir = await tempDir();
    const [first, second, third] = makeEvents(3);
    const path = join(dir, 'timeline.1.journal');
    await writeFile(
      path,
      journalLine([upsert(first!)], AT) +
        '{"at":"2026-01-02T03:04:05.678Z","chan\n' +
        // JSON, but not a journal line: damaged too.
        '{"at":"x","changes":[{"upserted":"nope"}]}\n' +
        journalLine([upsert(second!), upsert(third!)], AT),
    );

    const read = await readJournal(path);
    expect(read.changes).toEqual([upsert(first!), upsert(second!), upsert(third!)]);
    expect(read.damagedLines).toBe(2);
  });

  it('checks each event as the schema does: an invalid one damages its line, lanes are checked too', async () => {
    const dir = await tempDir();
    const [first, second] = makeEvents(2);
    const path = join(dir, 'timeline.1.journal');
    const lanes = [makeLane({ id: 'diplomacy' as LaneId })];
    await writeFile(
      path,
      journalLine([upsert({ ...first!, start: 'next Tuesday' as never })], AT) +
        journalLine([upsert(second!)], AT).replace(second!.id, 'not-an-id') +
        journalLine([{ upserted: [], removed: ['not-an-id' as never] }], AT) +
        journalLine([{ upserted: [], removed: [], lanes: [{ id: 'Bad Id' } as never] }], AT) +
        journalLine([{ upserted: [second!], removed: [first!.id], lanes }], AT),
    );

    const read = await readJournal(path);
    expect(read.damagedLines).toBe(4);
    expect(read.changes).toEqual([{ upserted: [second!], removed: [first!.id], lanes }]);
  });
});

describe('replayChanges', () => {
  it('replaces an upserted event in its place and adds a new one at the end', () => {
    const [a, b, c] = makeEvents(3);
    const added = makeEvent({ title: 'Added' });
    const document = makeDocument({ events: [a!, b!, c!] });
    const replayed = replayChanges(document, [upsert({ ...b!, title: 'B again' }, added)]);
    expect(replayed.events).toEqual([a, { ...b!, title: 'B again' }, c, added]);
    // The document replayed on is not changed.
    expect(document.events).toEqual([a, b, c]);
  });

  it('removes events, and replaces the lanes and timeline info a change sets', () => {
    const [a, b, c] = makeEvents(3);
    const document = makeDocument({ events: [a!, b!, c!] });
    const lanes = [makeLane({ id: 'only' as LaneId, title: 'Only' })];
    const timeline = { ...document.timeline, title: 'Renamed', description: 'New' };
    const replayed = replayChanges(document, [
      { upserted: [], removed: [a!.id, c!.id] },
      { upserted: [], removed: [], lanes },
      { upserted: [], removed: [], timeline },
    ]);
    expect(replayed).toEqual({ ...document, timeline, lanes, events: [b] });
  });

  it('leaves lanes and timeline info alone when no change sets them', () => {
    const document = makeDocument({ events: makeEvents(2) });
    const replayed = replayChanges(document, [upsert(makeEvent())]);
    expect(replayed.lanes).toBe(document.lanes);
    expect(replayed.timeline).toBe(document.timeline);
  });

  it('gives the same document when the same changes are replayed twice', () => {
    const [a, b, c] = makeEvents(3);
    const added = makeEvent({ title: 'Added' });
    const document = makeDocument({ events: [a!, b!, c!] });
    const changes: Change[] = [
      upsert({ ...c!, title: 'C again' }, added),
      { upserted: [], removed: [a!.id] },
      { upserted: [], removed: [], lanes: [makeLane()] },
      upsert({ ...added, title: 'Added, edited' }),
    ];
    const once = replayChanges(document, changes);
    expect(once.events.map((e) => e.title)).toEqual(['Event 2', 'C again', 'Added, edited']);
    expect(replayChanges(once, changes)).toEqual(once);
  });
});

describe('writing a journal', () => {
  it('makes a new empty journal, and refuses one that exists', async () => {
    const dir = await tempDir();
    const path = journalPath(dir, 7);
    await createJournal(path, dir);
    expect(await readFile(path, 'utf8')).toBe('');

    await appendDurably(path, journalLine([upsert(makeEvent())], AT));
    await expect(createJournal(path, dir)).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await readJournal(path)).changes).toHaveLength(1);
  });

  it('appends whole lines that read back in order', async () => {
    const dir = await tempDir();
    const path = journalPath(dir, 1);
    const [first, second] = makeEvents(2);
    await createJournal(path, dir);
    await appendDurably(path, journalLine([upsert(first!)], AT));
    await appendDurably(path, journalLine([upsert(second!)], AT));
    expect(await readJournal(path)).toMatchObject({
      changes: [upsert(first!), upsert(second!)],
      damagedLines: 0,
    });
  });

  it('fails with ENOENT when the journal was deleted, and does not make it again', async () => {
    const dir = await tempDir();
    const path = journalPath(dir, 1);
    await createJournal(path, dir);
    await rm(path);
    await expect(appendDurably(path, journalLine([upsert(makeEvent())], AT))).rejects.toMatchObject(
      { code: 'ENOENT' },
    );
    expect(await listJournals(dir)).toEqual([]);
  });

  it('removes the journals before a generation and keeps the rest', async () => {
    const dir = await tempDir();
    for (const generation of [1, 2, 3, 10]) await createJournal(journalPath(dir, generation), dir);
    await writeFile(join(dir, 'timeline.json'), '{}');

    await removeJournalsBefore(dir, 3);
    expect((await listJournals(dir)).map((file) => file.generation)).toEqual([3, 10]);
    expect(await readFile(join(dir, 'timeline.json'), 'utf8')).toBe('{}');

    await removeJournalsBefore(dir, 3); // nothing left below it: nothing happens
    expect((await listJournals(dir)).map((file) => file.generation)).toEqual([3, 10]);
  });
});
