import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { type ServiceSetup, useServices } from '../../../test/fixtures/services';
import { useTempDirs } from '../../../test/temp-dir';
import { EXPORT_FORMATS } from '../../shared/contract';
import { exportTimeline } from '../../shared/formats';
import { seedDocument } from '../app-services';
import { STORE_FILE_NAME } from '../store/timeline-repository';

const tempDir = useTempDirs();
const start = useServices();

describe('a store file held by another program', () => {
  it('refuses the next command with an io error, keeps every change, and saves once free', async () => {
    const ops = lockedFileOps(STORE_FILE_NAME);
    const logged: unknown[] = [];
    const app = await start({
      write: { ops, retryDelaysMs: [1, 2] },
      log: (_message, error) => logged.push(error),
    });
    const veto = await app.byTitle('Russia vetoes');
    ops.lockForever();
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Kept in memory' } });
    await app.services.flush().catch(() => {});

    const error = await app.refuse('updateEvent', { id: veto.id, patch: { title: 'Refused' } });
    expect(error).toMatchObject({
      code: 'io',
      message: expect.stringMatching(/could not be saved to .*timeline\.json \(EPERM/),
    });
    expect((await app.byTitle('Kept')).id).toBe(veto.id);
    expect(logged[0]).toMatchObject({ code: 'EPERM' });
    expect((await app.call('getHistory')).undoLabel).toBe('Undo Edit event');

    ops.unlock();
    await app.call('updateEvent', { id: veto.id, patch: { tags: ['saved'] } });
    await app.services.flush();
    const onDisk = await storeOnDisk(app.dataDir);
    expect(onDisk.events.find((e) => e.id === veto.id)).toMatchObject({
      title: 'Kept in memory',
      tags: ['saved'],
    });
  });
});

describe('a save that fails', () => {
  it.each([
    ['ENOSPC', /^The disk is full, so your changes could not be saved/],
    ['ENOENT', /^The data folder is missing, so/],
    ['EROFS', /^The data folder is on a read-only disk, so/],
    ['EBUSY', /^Another program is using the timeline file, so/],
  ])(
    'names the cause of %s, keeps the change, and saves it once the cause is gone',
    async (code, said) => {
      const ops = lockedFileOps(STORE_FILE_NAME, 0, code);
      const app = await start({ write: { ops, retryDelaysMs: [1] }, log: () => {} });
      const veto = await app.byTitle('Russia vetoes');
      ops.lockForever();
      await app.call('updateEvent', { id: veto.id, patch: { title: 'Kept while failing' } });
      await app.services.flush().catch(() => {});

      const error = await app.refuse('updateEvent', { id: veto.id, patch: { title: 'Refused' } });
      expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(said) });
      if (code !== 'EBUSY') expect(error.message).not.toMatch(/another program/i);

      ops.unlock();
      await app.services.flush();
      const onDisk = await storeOnDisk(app.dataDir);
      expect(onDisk.events.find((e) => e.id === veto.id)?.title).toBe('Kept while failing');
    },
  );
});

describe('exports', () => {
  async function exporting(write?: ServiceSetup['write']) {
    const suggested: string[] = [];
    const folder = await tempDir();
    const app = await start({
      write,
      chooseExportPath: async (name) => {
        suggested.push(name);
        return join(folder, name);
      },
    });
    return { app, suggested, folder };
  }

  it('keeps exportJson as the JSON export, named after the timeline', async () => {
    const { app, suggested } = await exporting();
    const { path } = await app.call('exportJson');
    expect(suggested).toEqual(['putin-visits-north-korea-june-2024.timeline.json']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(await app.documentNow());
    const again = await app.call('exportAs', { format: 'json' });
    expect(await readFile(again.path, 'utf8')).toBe(await readFile(path, 'utf8'));
  });

  it.each(EXPORT_FORMATS.filter(isWritten))(
    'exports %s as the formats module writes it, with its extension',
    async (format) => {
      const { app, folder } = await exporting();
      const expected = exportTimeline(format, await app.documentNow());
      const { path } = await app.call('exportAs', { format });
      expect(path).toBe(join(folder, `putin-visits-north-korea-june-2024${expected.extension}`));
      expect(await readFile(path, 'utf8')).toBe(expected.text);
      expect(await readdir(folder)).toEqual([
        `putin-visits-north-korea-june-2024${expected.extension}`,
      ]);
    },
  );

  it('reports a cancelled export and writes nothing', async () => {
    const app = await start();
    expect(await app.refuse('exportAs', { format: 'csv' })).toMatchObject({ code: 'cancelled' });
  });

  it('retries an export onto a file another program holds, and says so if it stays held', async () => {
    const ops = lockedFileOps('.timeline.json', 2);
    const { app, folder } = await exporting({ ops, retryDelaysMs: [1, 2, 4] });
    const { path } = await app.call('exportJson');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(await app.documentNow());

    ops.lockForever();
    expect(await app.refuse('exportJson')).toMatchObject({
      code: 'io',
      message: expect.stringMatching(/^The export could not be written to .*: EPERM/),
    });
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

/** Formats whose exporter is written (the formats module fills the rest in over time). */
function isWritten(format: (typeof EXPORT_FORMATS)[number]): boolean {
  try {
    exportTimeline(format, seedDocument());
    return true;
  } catch {
    return false;
  }
}
