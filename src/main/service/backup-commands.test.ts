import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { expectSameTimeline, manualClock, useServices } from '../../../test/fixtures/services';
import { backupName, legacyBackupName } from '../store/backup-schedule';
import { BACKUP_DIR_NAME } from '../store/backups';

const start = useServices();
const MINUTE = 60_000;

/** Services with two backups: the seed, and the seed less one event ten minutes later. */
async function withTwoBackups() {
  const clock = manualClock();
  const app = await start({ now: clock.now, backupIntervalMs: 5 * MINUTE });
  const seed = await app.documentNow();
  clock.advance(10 * MINUTE);
  const veto = await app.byTitle('Russia vetoes');
  await app.call('deleteEvent', { id: veto.id });
  await app.services.flush();
  const later = await app.documentNow();
  clock.advance(MINUTE);
  await app.call('updateEvent', { id: seed.events[0]!.id, patch: { title: 'Not backed up' } });
  await app.services.flush();
  return { app, clock, seed, later };
}

describe('backups through the commands', () => {
  it('restores a plain JSON backup made before backups were compressed', async () => {
    const { app, seed } = await withTwoBackups();
    const old = legacyBackupName(new Date('2025-12-01T00:00:00Z'));
    await writeFile(join(app.storeDir(), BACKUP_DIR_NAME, old), JSON.stringify(seed));
    expect((await app.call('listBackups')).at(-1)!.id).toBe(old);
    await app.call('restoreBackup', { id: old });
    expectSameTimeline(await app.documentNow(), seed);
  });

  it('lists the backups newest first with their event counts', async () => {
    const { app } = await withTwoBackups();
    const list = await app.call('listBackups');
    expect(list.map(({ createdAt, eventCount }) => ({ createdAt, eventCount }))).toEqual([
      { createdAt: '2026-01-02T03:14:05.678Z', eventCount: 4 },
      { createdAt: '2026-01-02T03:04:05.678Z', eventCount: 5 },
    ]);
    expect(list[0]!.id).toBe('timeline-00000002-2026-01-02T03-14-05.678Z.json.gz');
    expect(list[0]!.sizeBytes).toBeGreaterThan(1000);
  });

  it('restores a backup as one undoable change', async () => {
    const { app, seed } = await withTwoBackups();
    const current = await app.documentNow();
    const oldest = (await app.call('listBackups')).at(-1)!;
    const change = await app.call('restoreBackup', { id: oldest.id });
    expect(change.removed).toEqual([]);
    expect(change.upserted.map((e) => e.title).sort()).toEqual(
      [seed.events[0]!.title, seed.events[2]!.title].sort(),
    );
    expectSameTimeline(await app.documentNow(), seed);
    expect((await app.call('getHistory')).undoLabel).toBe('Undo Restore backup');

    await app.call('undo');
    expect(await app.documentNow()).toEqual(current);
    await app.call('redo');
    expectSameTimeline(await app.documentNow(), seed);
  });

  it.each([
    '../timeline.json',
    '..',
    `../${backupName(1, new Date('2026-01-02T03:04:05.678Z'))}`,
    `backups/${backupName(1, new Date('2026-01-02T03:04:05.678Z'))}`,
    `..\\${backupName(1, new Date('2026-01-02T03:04:05.678Z'))}`,
    `../${legacyBackupName(new Date('2026-01-02T03:04:05.678Z'))}`,
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'timeline.json',
    '',
  ])('refuses %j, which is not a backup name, and changes nothing', async (id) => {
    const { app } = await withTwoBackups();
    const before = await app.documentNow();
    expect(await app.refuse('restoreBackup', { id })).toMatchObject({ code: 'invalid' });
    expect(await app.documentNow()).toEqual(before);
    expect((await app.call('getHistory')).undoLabel).toBe('Undo Edit event');
  });

  it('refuses a backup that is gone or damaged, and changes nothing', async () => {
    const { app } = await withTwoBackups();
    const before = await app.documentNow();
    const gone = backupName(9, new Date('2020-01-01T00:00:00Z'));
    expect(await app.refuse('restoreBackup', { id: gone })).toMatchObject({ code: 'not-found' });
    const damaged = backupName(8, new Date('2020-02-02T00:00:00Z'));
    const text = '{"format":"timeline-desk","version":1}';
    await writeFile(join(app.storeDir(), BACKUP_DIR_NAME, damaged), gzipSync(text));
    expect(await app.refuse('restoreBackup', { id: damaged })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^That backup cannot be restored because it is not a valid/),
    });
    const notGzip = backupName(7, new Date('2020-02-02T00:00:00Z'));
    await writeFile(join(app.storeDir(), BACKUP_DIR_NAME, notGzip), text);
    expect(await app.refuse('restoreBackup', { id: notGzip })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /^That backup cannot be restored because it is not a whole gzip/,
      ),
    });
    expect(await app.documentNow()).toEqual(before);
  });
});
