/**
 * The story's eras (issue 17, part 4): add, rename or re-date, delete, each one undoable change
 * kept across a restart (journal and snapshot), through the real service and store on real
 * files; bad arguments are refused with a clear message and change nothing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent } from '../../../test/builders';
import { useServices } from '../../../test/fixtures/services';
import { useTempDirs } from '../../../test/temp-dir';
import { startAppServices } from '../app-services';

const tempDir = useTempDirs();
const start = useServices();

const summit = { title: 'Summit month', start: '2024-06', end: '2024-06' };

async function reopened(dataDir: string) {
  const again = await startAppServices({
    dataDir,
    host: { chooseExportPath: async () => null },
  });
  const result = await again.dispatch('getTimeline', undefined);
  await again.close();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('eras', () => {
  it('adds, renames, re-dates and deletes an era, each one step of undo', async () => {
    const app = await start();
    expect((await app.documentNow()).eras).toEqual([]);

    const added = await app.call('addEra', { ...summit, title: '  Summit month ' });
    const era = added.eras?.[0];
    expect(era).toMatchObject(summit);
    expect(era?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Add era' });

    const id = era!.id;
    await app.call('updateEra', { id, title: 'Pyongyang summit' });
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Rename era' });
    await app.call('updateEra', { id, start: '2024-06-18', end: '2024-06-20' });
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Change era dates' });
    expect((await app.documentNow()).eras).toEqual([
      { id, title: 'Pyongyang summit', start: '2024-06-18', end: '2024-06-20' },
    ]);

    await app.call('deleteEra', { id });
    expect((await app.documentNow()).eras).toEqual([]);

    await app.call('undo');
    expect((await app.documentNow()).eras).toEqual([
      { id, title: 'Pyongyang summit', start: '2024-06-18', end: '2024-06-20' },
    ]);
    await app.call('undo');
    await app.call('undo');
    expect((await app.documentNow()).eras).toEqual([{ id, ...summit }]);
    await app.call('undo');
    expect((await app.documentNow()).eras).toEqual([]);
    const redone = await app.call('redo');
    expect(redone.change.eras).toEqual([{ id, ...summit }]);
    expect((await app.documentNow()).eras).toEqual([{ id, ...summit }]);
  });

  it('keeps eras across a restart, from the journal and from the snapshot alike', async () => {
    const app = await start();
    await app.call('addEra', summit);
    await app.call('addEra', { title: 'Hanoi leg', start: '2024-06-19', end: '2024-06-21' });
    await app.services.whenSaved();
    await app.services.close();
    const first = await reopened(app.dataDir);
    expect(first.document.eras.map((era) => era.title)).toEqual(['Summit month', 'Hanoi leg']);
    // The first reopening folded the journal into a snapshot; the second reads that.
    const second = await reopened(app.dataDir);
    expect(second.document.eras).toEqual(first.document.eras);
  });

  it('refuses bad era arguments with a clear message and changes nothing', async () => {
    const app = await start();
    const { eras } = await app.call('addEra', summit);
    const id = eras![0]!.id;
    const before = await app.documentNow();
    const history = await app.call('getHistory');

    expect((await app.refuse('addEra', { ...summit, end: '2024-05' })).message).toBe(
      'end: is before the start',
    );
    expect((await app.refuse('addEra', { ...summit, title: '   ' })).message).toBe(
      'title: is empty',
    );
    expect((await app.refuse('addEra', { title: 'No end', start: '2024' })).message).toMatch(
      /^end: /,
    );
    expect((await app.refuse('addEra', { ...summit, start: 'June 2024' })).message).toBe(
      'start: "June 2024" is not a date',
    );
    expect(await app.refuse('updateEra', { id, end: '2024-05-31' })).toEqual({
      code: 'invalid',
      message: 'An era cannot end before it starts.',
    });
    expect(
      await app.refuse('updateEra', { id: '00000000-0000-4000-8000-000000000000', title: 'x' }),
    ).toEqual({ code: 'not-found', message: 'That era no longer exists.' });
    expect((await app.refuse('deleteEra', { id: 'summit' })).message).toMatch(/is not an era id/);

    expect(await app.documentNow()).toEqual(before);
    expect(await app.call('getHistory')).toEqual(history);
  });

  it('opens a store file written before eras existed, with no eras, and adds to it', async () => {
    const dataDir = await tempDir();
    await mkdir(dataDir, { recursive: true });
    const old = makeDocument({ events: [makeEvent()] });
    const withoutEras: Partial<typeof old> = { ...old };
    delete withoutEras.eras;
    await writeFile(join(dataDir, 'timeline.json'), JSON.stringify(withoutEras));

    const app = await start({ dataDir });
    const document = await app.documentNow();
    expect(document.eras).toEqual([]);
    expect(document.events).toEqual(old.events);
    // Only the desk's word that the folder became its first story: nothing was damaged.
    const { notices } = await app.call('getTimeline');
    expect(notices.filter((notice) => /damaged|not valid|backup/i.test(notice))).toEqual([]);
    await app.call('addEra', summit);
    expect((await app.documentNow()).eras.map((era) => era.title)).toEqual(['Summit month']);
  });
});
