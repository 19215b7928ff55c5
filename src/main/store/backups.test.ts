import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { manualClock } from '../../../test/fixtures/services';
import { useTempDirs } from '../../../test/temp-dir';
import { TimelineDocumentSchema } from '../../shared/schema';
import { seedDocument } from '../app-services';
import type { WriteOps } from './atomic-write';
import { backupName, backupsToKeep } from './backup-schedule';
import { BACKUP_DIR_NAME } from './backups';
import {
  type OpenedRepository,
  openTimelineRepository,
  STORE_FILE_NAME,
} from './timeline-repository';

const tempDir = useTempDirs();
const MINUTE = 60_000;
const opened: OpenedRepository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(({ repository }) => repository.close().catch(() => {})));
});

async function open(dataDir: string, clock = manualClock(), ops?: WriteOps) {
  const logged: unknown[] = [];
  const result = await openTimelineRepository({
    dataDir,
    seed: seedDocument,
    writeDelayMs: 1,
    now: clock.now,
    backupIntervalMs: 5 * MINUTE,
    write: ops ? { ops, retryDelaysMs: [1] } : undefined,
    log: (_message, error) => logged.push(error),
  });
  opened.push(result);
  await result.backups.idle();
  return { ...result, clock, logged };
}

/** Changes the first event's title and waits until the store and any backup are written. */
async function edit(opened: Awaited<ReturnType<typeof open>>, title: string) {
  const { repository, backups } = opened;
  const [first] = [...repository.events()];
  repository.apply({ upserted: [{ ...first!, title }], removed: [] });
  await repository.flush();
  await backups.idle();
}

const backupFiles = async (dir: string) =>
  (await readdir(join(dir, BACKUP_DIR_NAME)).catch(() => [] as string[])).sort();

const readBackup = async (dir: string, id: string) =>
  TimelineDocumentSchema.parse(JSON.parse(await readFile(join(dir, BACKUP_DIR_NAME, id), 'utf8')));

describe('rolling backups', () => {
  it('backs up the very first store, then at most once per interval', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    const start = app.clock.now();
    expect(await backupFiles(dir)).toEqual([backupName(start)]);
    expect(await readBackup(dir, backupName(start))).toEqual(seedDocument());

    app.clock.advance(4 * MINUTE);
    await edit(app, 'Four minutes later');
    expect(await backupFiles(dir)).toEqual([backupName(start)]);

    app.clock.advance(MINUTE);
    await edit(app, 'Five minutes later');
    const second = backupName(app.clock.now());
    expect(await backupFiles(dir)).toEqual([backupName(start), second]);
    // The backup is the store as just written.
    expect(await readFile(join(dir, BACKUP_DIR_NAME, second), 'utf8')).toBe(
      await readFile(join(dir, STORE_FILE_NAME), 'utf8'),
    );
  });

  it('backs up an existing store when it is opened and the newest backup is old', async () => {
    const dir = await tempDir();
    const clock = manualClock();
    await (await open(dir, clock)).repository.close();
    clock.advance(60 * MINUTE);
    await open(dir, clock);
    expect(await backupFiles(dir)).toHaveLength(2);
    clock.advance(MINUTE);
    await open(dir, clock);
    expect(await backupFiles(dir)).toHaveLength(2);
  });

  it('prunes to the 10 newest plus the newest of each of the last 7 days with backups', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    const made = [backupName(app.clock.now())];
    // Every 3 hours for 12 days: 96 backups offered.
    for (let i = 1; i < 96; i++) {
      app.clock.advance(3 * 60 * MINUTE);
      await edit(app, `Edit ${i}`);
      made.push(backupName(app.clock.now()));
    }
    const files = await backupFiles(dir);
    expect(files).toEqual([...backupsToKeep(made)].sort());
    // The 10 newest span the last 3 days (1 + 8 + 1); 4 earlier days add their newest.
    expect(files).toHaveLength(14);
    expect(files).toContain(made.at(-1));
    const days = new Set(files.map((name) => name.slice(9, 19)));
    expect(days.size).toBe(7);
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
    expect(await backupFiles(dir)).toHaveLength(1);

    ops.unlock();
    await edit(app, 'Saved with a backup');
    const files = await backupFiles(dir);
    expect(files).toHaveLength(2);
    expect((await readBackup(dir, files[1]!)).events[0]!.title).toBe('Saved with a backup');
  });

  it('lists readable backups newest first, skipping damaged ones and other files', async () => {
    const dir = await tempDir();
    const app = await open(dir);
    app.clock.advance(10 * MINUTE);
    const [first] = [...app.repository.events()];
    app.repository.apply({ upserted: [], removed: [first!.id] });
    await app.repository.flush();
    await app.backups.idle();
    const backupDir = join(dir, BACKUP_DIR_NAME);
    await writeFile(join(backupDir, backupName(new Date('2026-05-05T00:00:00Z'))), '{"broken":');
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
    expect(list[0]!.sizeBytes).toBe((await stat(join(backupDir, list[0]!.id))).size);
  });

  it('clears temp files a crash left in the backups folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, BACKUP_DIR_NAME));
    const leftover = `.${backupName(new Date('2025-01-01T00:00:00Z'))}.tmp`;
    await writeFile(join(dir, BACKUP_DIR_NAME, leftover), '{"half');
    await open(dir);
    expect(await backupFiles(dir)).toEqual([backupName(manualClock().now())]);
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
    await writeFile(join(dir, BACKUP_DIR_NAME, backupName(clock.now())), '{"format":');
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
    expect(notice).toContain(join(dir, BACKUP_DIR_NAME, 'timeline-2026-01-02T03-14-05.678Z.json'));
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
    await writeFile(join(dir, BACKUP_DIR_NAME, backupName(new Date('2025-01-01T00:00:00Z'))), '');
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
