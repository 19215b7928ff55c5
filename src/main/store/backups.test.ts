import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { manualClock } from '../../../test/fixtures/services';
import { useTempDirs } from '../../../test/temp-dir';
import type { EventId } from '../../shared/ids';
import { TimelineDocumentSchema } from '../../shared/schema';
import { seedDocument } from '../app-services';
import type { WriteOps } from './atomic-write';
import { backupName, KEEP_RECENT, legacyBackupName, parseBackupName } from './backup-schedule';
import { BACKUP_DIR_NAME, openBackups, SPACE_MARGIN_BYTES } from './backups';
import {
  type OpenedRepository,
  openTimelineRepository,
  STORE_FILE_NAME,
} from './timeline-repository';

const tempDir = useTempDirs();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MB = 1024 * 1024;
const opened: OpenedRepository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ repository }) => repository.close().catch(() => {})));
});

async function open(dataDir: string, clock = manualClock(), ops?: WriteOps) {
  const logged: unknown[] = [];
  const messages: string[] = [];
  const result = await openTimelineRepository({
    dataDir,
    seed: seedDocument,
    writeDelayMs: 1,
    now: clock.now,
    backupIntervalMs: 5 * MINUTE,
    write: ops ? { ops, retryDelaysMs: [1] } : undefined,
    log: (message, error) => {
      messages.push(message);
      logged.push(error);
    },
  });
  opened.push(result);
  await result.backups.idle();
  return { ...result, clock, logged, messages };
}

/** Changes the first event's title and waits until the store and any backup are written. */
async function edit(opened: Awaited<ReturnType<typeof open>>, title: string) {
  const { repository, backups } = opened;
  const [first] = [...repository.events()];
  repository.apply({ upserted: [{ ...first!, title }], removed: [] });
  await repository.idle();
  await backups.idle();
}

/** Everything in the backups folder, temp files too, in name order (which is number order). */
const backupFiles = async (dir: string) =>
  (await readdir(join(dir, BACKUP_DIR_NAME)).catch(() => [] as string[])).sort();

/** A backup's text as the test reads it: gunzipped by zlib itself, not by the app's reader. */
const backupText = async (dir: string, id: string) => {
  const bytes = await readFile(join(dir, BACKUP_DIR_NAME, id));
  return (id.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};

const readBackup = async (dir: string, id: string) =>
  TimelineDocumentSchema.parse(JSON.parse(await backupText(dir, id)));

const storeText = (dir: string) => readFile(join(dir, STORE_FILE_NAME), 'utf8');

/** Adds `count` events whose descriptions gzip can hardly shrink, and waits for any backup. */
async function addIncompressible(app: Awaited<ReturnType<typeof open>>, count: number) {
  const [template] = [...app.repository.events()];
  const upserted = Array.from({ length: count }, () => ({
    ...template!,
    id: randomUUID() as EventId,
    description: randomBytes(15_000).toString('base64'),
  }));
  app.repository.apply({ upserted, removed: [] });
  await app.repository.idle();
  await app.backups.idle();
}

const sizeOnDisk = async (dir: string, names: readonly string[]) =>
  (await Promise.all(names.map((name) => stat(join(dir, name))))).reduce(
    (sum, info) => sum + info.size,
    0,
  );

describe('rolling backups', () => {
  it('backs up the very first store, gzip-compressed, then at most once per interval', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    const start = app.clock.now();
    const first = backupName(1, start);
    expect(await backupFiles(dir)).toEqual([first]);
    const bytes = await readFile(join(dir, BACKUP_DIR_NAME, first));
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]); // gzip's magic number
    expect(await readBackup(dir, first)).toEqual(seedDocument());

    app.clock.advance(4 * MINUTE);
    await edit(app, 'Four minutes later');
    expect(await backupFiles(dir)).toEqual([first]);

    app.clock.advance(MINUTE);
    await edit(app, 'Five minutes later');
    const second = backupName(2, app.clock.now());
    expect(await backupFiles(dir)).toEqual([first, second]);
    // The backup is the store as just written, and the keeper reads it back as Restore does.
    expect(await backupText(dir, second)).toBe(await storeText(dir));
    expect(await app.backups.read(second)).toMatchObject({
      kind: 'valid',
      document: TimelineDocumentSchema.parse(JSON.parse(await storeText(dir))),
    });
  });

  it('backs up an existing store when it is opened and the newest backup is old', async () => {
    const dir = await tempDir();
    const clock = manualClock();
    await (await open(dir, clock)).repository.close();
    clock.advance(60 * MINUTE);
    await open(dir, clock);
    const files = await backupFiles(dir);
    expect(files).toEqual([backupName(1, manualClock().now()), backupName(2, clock.now())]);
    expect(await backupText(dir, files[1]!)).toBe(await storeText(dir));
    clock.advance(MINUTE);
    await open(dir, clock);
    expect(await backupFiles(dir)).toHaveLength(2);
  });

  it('prunes to the 10 newest plus the newest of each of the last 7 days with backups', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    const made = [backupName(1, app.clock.now())];
    // Every 3 hours for 12 days: 96 backups offered.
    for (let i = 1; i < 96; i++) {
      app.clock.advance(3 * 60 * MINUTE);
      await edit(app, `Edit ${i}`);
      made.push(backupName(i + 1, app.clock.now()));
    }
    const files = await backupFiles(dir);
    // The 10 newest span the last 3 days (1 + 8 + 1); 4 earlier days add their newest.
    expect(files).toHaveLength(14);
    expect(files.slice(-KEEP_RECENT)).toEqual(made.slice(-KEEP_RECENT));
    const days = new Set(files.map((name) => parseBackupName(name)!.at.toISOString().slice(0, 10)));
    expect(days.size).toBe(7);
  });

  it('keeps backups within twice the store size (one day: no dailies), the newest always', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    // Seven backups of a store that grows to about 1 MB, each about 3/4 of its store.
    for (let i = 0; i < 6; i++) {
      app.clock.advance(10 * MINUTE);
      await addIncompressible(app, 8);
    }
    const files = await backupFiles(dir);
    const storeBytes = (await stat(join(dir, STORE_FILE_NAME))).size;
    expect(storeBytes).toBeGreaterThan(900_000);
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThan(7);
    expect(files.at(-1)).toBe(backupName(7, app.clock.now()));
    expect(await backupText(dir, files.at(-1)!)).toBe(await storeText(dir));
    expect(await sizeOnDisk(join(dir, BACKUP_DIR_NAME), files)).toBeLessThanOrEqual(2 * storeBytes);
  });

  it('logs a backup that cannot be written, never fails the store write, and tries again', async () => {
    const dir = await tempDir();
    const ops = lockedFileOps(BACKUP_DIR_NAME);
    const app = await open(dir, manualClock(), ops);
    ops.lockForever();
    app.clock.advance(10 * MINUTE);
    await edit(app, 'Saved without a backup');
    expect(app.logged).toEqual([expect.objectContaining({ code: 'EPERM' })]);
    expect(app.repository.unsavedError()).toBeNull();
    // The compressed copy that could not be renamed into place is gone too.
    expect(await backupFiles(dir)).toEqual([backupName(1, manualClock().now())]);

    ops.unlock();
    await edit(app, 'Saved with a backup');
    const files = await backupFiles(dir);
    expect(files).toHaveLength(2);
    expect((await readBackup(dir, files[1]!)).events[0]!.title).toBe('Saved with a backup');
  });

  it('removes the half-written file of a backup that fails midway', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    app.clock.advance(10 * MINUTE);
    // A folder as the file to copy: its size reads, its bytes do not (EISDIR mid-copy).
    app.backups.afterOpen(dir);
    await app.backups.idle();
    expect(app.logged).toEqual([expect.objectContaining({ code: 'EISDIR' })]);
    expect(app.messages).toEqual([`Backup into ${app.backups.dir} failed`]);
    expect(await backupFiles(dir)).toEqual([backupName(1, manualClock().now())]);
  });

  it('lists readable backups newest first, skipping damaged ones and other files', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    app.clock.advance(10 * MINUTE);
    const [first] = [...app.repository.events()];
    app.repository.apply({ upserted: [], removed: [first!.id] });
    await app.repository.idle();
    const backupDir = join(dir, BACKUP_DIR_NAME);
    const cutShort = gzipSync(await storeText(dir)).subarray(0, 200);
    await writeFile(join(backupDir, backupName(3, new Date('2026-05-05T00:00:00Z'))), cutShort);
    await writeFile(join(backupDir, legacyBackupName(new Date('2026-05-05T00:00:00Z'))), '{"b');
    await writeFile(join(backupDir, 'notes.txt'), 'mine');

    const list = await app.backups.list();
    expect(list.map((b) => b.createdAt)).toEqual([
      '2026-01-02T03:14:05.678Z',
      '2026-01-02T03:04:05.678Z',
    ]);
    expect(list.map((b) => b.eventCount)).toEqual([
      seedDocument().events.length - 1,
      seedDocument().events.length,
    ]);
    // The size of the timeline it holds, not of the compressed file.
    const text = await backupText(dir, list[0]!.id);
    expect(list[0]!.sizeBytes).toBe(Buffer.byteLength(text));
    expect(await app.backups.read(backupName(3, new Date('2026-05-05T00:00:00Z')))).toEqual({
      kind: 'damaged',
      reason: expect.stringMatching(/^it is not a whole gzip file/),
    });
  });

  it('reads, lists and restores backups made before they were compressed, after newer ones', async () => {
    const dir = await tempDir();
    const seed = seedDocument();
    const old = { ...seed, events: [{ ...seed.events[0]!, title: 'From an old backup' }] };
    const legacy = legacyBackupName(new Date('2025-12-01T00:00:00Z'));
    await mkdir(join(dir, BACKUP_DIR_NAME));
    await writeFile(join(dir, BACKUP_DIR_NAME, legacy), JSON.stringify(old));
    await writeFile(join(dir, STORE_FILE_NAME), 'damaged');
    const app = await open(dir);

    expect(app.notices[0]).toContain('restored the backup of 2025-12-01 00:00:00 UTC');
    expect([...app.repository.events()].map((e) => e.title)).toEqual(['From an old backup']);
    const list = await app.backups.list();
    expect(list.map((b) => b.id)).toEqual([backupName(1, app.clock.now()), legacy]);
    expect(await app.backups.read(legacy)).toMatchObject({ kind: 'valid', document: old });
  });

  it('clears temp files a crash left in the backups folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, BACKUP_DIR_NAME));
    const leftover = `.${backupName(7, new Date('2025-01-01T00:00:00Z'))}.tmp`;
    await writeFile(join(dir, BACKUP_DIR_NAME, leftover), 'half');
    await open(dir);
    expect(await backupFiles(dir)).toEqual([backupName(1, manualClock().now())]);
  });
});

describe('a clock that jumps', () => {
  it('a backup made a year ahead is not newest once a later one is made, and holds none off', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    const start = app.clock.now().getTime();
    app.clock.advance(365 * DAY);
    await edit(app, 'Made a year ahead');
    const future = backupName(2, app.clock.now());
    app.clock.set(new Date(start + 10 * MINUTE).toISOString());
    await edit(app, 'Made once the clock was right');
    const newest = backupName(3, app.clock.now());
    expect(await backupFiles(dir)).toEqual([backupName(1, new Date(start)), future, newest]);
    const list = await app.backups.list();
    expect(list.map((b) => b.id)).toEqual([newest, future, backupName(1, new Date(start))]);
    const restorable = await app.backups.newestValid();
    expect(restorable?.id).toBe(newest);
    expect(restorable?.document.events.map((e) => e.title)).toContain(
      'Made once the clock was right',
    );

    app.clock.advance(5 * MINUTE);
    await edit(app, 'Five minutes on');
    expect(await backupFiles(dir)).toHaveLength(4);

    // After a restart too, the numbers, not the times, say which is newest.
    await app.repository.close();
    app.clock.advance(MINUTE);
    const again = await open(dir, app.clock);
    expect(again.backups.isDue()).toBe(false);
    expect((await again.backups.newestValid())?.id).toBe(
      backupName(4, new Date(start + 15 * MINUTE)),
    );

    // Ten backups on, the one from the future goes with the other old ones: it has no day.
    for (let i = 0; i < KEEP_RECENT; i++) {
      again.clock.advance(5 * MINUTE);
      await edit(again, `Later ${i}`);
    }
    const files = await backupFiles(dir);
    expect(files).toHaveLength(KEEP_RECENT);
    expect(files).not.toContain(future);
  });
});

describe('a disk short of space', () => {
  const text = JSON.stringify(seedDocument());

  async function keeper(dir: string, freeBytes: () => number) {
    const clock = manualClock();
    const messages: string[] = [];
    const backups = await openBackups({
      dataDir: dir,
      now: clock.now,
      freeBytes: async () => freeBytes(),
      log: (message) => messages.push(message),
    });
    return { backups, clock, messages };
  }

  it('skips the backup with a logged reason, without throwing, and backs up once there is room', async () => {
    const dir = await tempDir();
    let free = 10 * MB;
    const { backups, clock, messages } = await keeper(dir, () => free);
    expect(() => backups.afterWrite(text)).not.toThrow();
    await backups.idle();
    expect(messages).toEqual([
      expect.stringMatching(
        /^Backup skipped: only 10\.0 MB free on .+backups; a backup needs 64\.\d MB \(its own size/,
      ),
    ]);
    expect(messages[0]).toContain(backups.dir);
    expect(await backupFiles(dir)).toEqual([]);

    // Not tried again at every save: a full disk is logged once an interval.
    clock.advance(MINUTE);
    backups.afterWrite(text);
    await backups.idle();
    expect(messages).toHaveLength(1);

    free = 1024 * MB;
    clock.advance(5 * MINUTE);
    backups.afterWrite(text);
    await backups.idle();
    expect(await backupFiles(dir)).toEqual([backupName(1, clock.now())]);
    expect(messages).toHaveLength(1);
  });

  it('needs the size of the backup and the margin free, no less', async () => {
    const dir = await tempDir();
    let free = SPACE_MARGIN_BYTES + text.length - 1;
    const { backups, clock, messages } = await keeper(dir, () => free);
    backups.afterWrite(text);
    await backups.idle();
    expect(await backupFiles(dir)).toEqual([]);
    expect(messages).toHaveLength(1);

    free += 1;
    clock.advance(5 * MINUTE);
    backups.afterWrite(text);
    await backups.idle();
    expect(await backupFiles(dir)).toEqual([backupName(1, clock.now())]);
  });
});

describe('starting from a backup', () => {
  async function withBackups(dir: string) {
    const clock = manualClock();
    const app = await open(dir, clock);
    clock.advance(10 * MINUTE);
    await edit(app, 'In the newest good backup');
    clock.advance(10 * MINUTE);
    await app.repository.close();
    // A newer backup that is damaged must be passed over.
    await writeFile(join(dir, BACKUP_DIR_NAME, backupName(3, clock.now())), gzipSync('{"format":'));
    return clock;
  }

  it('restores the newest valid backup when the store is damaged, and says so', async () => {
    const dir = await tempDir();
    const clock = await withBackups(dir);
    await writeFile(join(dir, STORE_FILE_NAME), '{"format": "timeline-desk", "ev');
    clock.advance(MINUTE);
    const { repository, notices } = await open(dir, clock);

    expect([...repository.events()].map((e) => e.title)).toContain('In the newest good backup');
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatch(/because it is not valid JSON/);
    const movedTo = /kept, unchanged, at (.+?)\. Timeline Desk/.exec(notice)?.[1];
    expect(await readFile(movedTo!, 'utf8')).toBe('{"format": "timeline-desk", "ev');
    expect(notice).toContain('restored the backup of 2026-01-02 03:14:05 UTC');
    expect(notice).toContain(
      join(dir, BACKUP_DIR_NAME, 'timeline-00000002-2026-01-02T03-14-05.678Z.json.gz'),
    );
    const onDisk = TimelineDocumentSchema.parse(
      JSON.parse(await readFile(join(dir, STORE_FILE_NAME), 'utf8')),
    );
    expect(onDisk.events.map((e) => e.title)).toContain('In the newest good backup');
  });

  it('restores the newest valid backup when the store file is missing', async () => {
    const dir = await tempDir();
    const clock = await withBackups(dir);
    await rm(join(dir, STORE_FILE_NAME));
    const { repository, notices } = await open(dir, clock);
    expect(notices).toEqual([
      expect.stringMatching(
        /^Your timeline file was missing\. .*restored the backup of 2026-01-02 03:14:05 UTC/,
      ),
    ]);
    expect([...repository.events()].map((e) => e.title)).toContain('In the newest good backup');
  });

  it('starts from the seed when no backup is valid', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, BACKUP_DIR_NAME));
    const at = new Date('2025-01-01T00:00:00Z');
    await writeFile(join(dir, BACKUP_DIR_NAME, legacyBackupName(at)), '');
    await writeFile(join(dir, BACKUP_DIR_NAME, backupName(1, at)), 'not gzip');
    await writeFile(join(dir, STORE_FILE_NAME), 'damaged');
    const { repository, notices } = await open(dir);
    expect(notices).toEqual([expect.stringMatching(/started from the seed timeline\.$/)]);
    expect(repository.document()).toEqual(seedDocument());
  });

  it('moves aside a store from a newer Timeline Desk rather than reading it', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ ...seedDocument(), version: 99 });
    await writeFile(join(dir, STORE_FILE_NAME), newer);
    const { notices } = await open(dir);
    expect(notices[0]).toMatch(/could not be upgraded \(This file was made by a newer version/);
    const movedTo = /kept, unchanged, at (.+?)\. Timeline Desk/.exec(notices[0]!)?.[1];
    expect(await readFile(movedTo!, 'utf8')).toBe(newer);
  });
});
