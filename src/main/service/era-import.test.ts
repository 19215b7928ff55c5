/**
 * Eras through an import (issue 17, part 4), on the real service and store: TimelineJS's example
 * file's eras are added by Merge (an era the story already has by name and dates is not added
 * twice), made the story's by Replace, and each is one step of Undo.
 */
import { describe, expect, it } from 'vitest';

import { useServices } from '../../../test/fixtures/services';
import withEras from '../../../test/fixtures/timelinejs/eras.json?raw';
import { exportTimeline } from '../../shared/formats';

const start = useServices();

const titles = (eras: readonly { title: string }[]) => eras.map((era) => era.title);
const FILE_ERAS = ['Era Test 650-700', 'Era Test 600-650', 'Era Test 700-720'];

describe('importing eras', () => {
  it('merges a TimelineJS file’s eras in once, and Undo takes them out again', async () => {
    const app = await start();
    await app.call('addEra', { title: 'Summit month', start: '2024-06', end: '2024-06' });
    const own = (await app.documentNow()).eras;

    const preview = await app.call('previewImport', { fileName: 'eras.json', text: withEras });
    expect(preview.notes.filter((note) => /era/.test(note))).toEqual([]);
    const change = await app.call('applyImport', { token: preview.token, mode: 'merge' });
    expect(titles(change.eras ?? [])).toEqual(['Summit month', ...FILE_ERAS]);
    expect((await app.documentNow()).eras.slice(0, 1)).toEqual(own);

    // The same file again: its eras are there already, by name and dates.
    const again = await app.call('previewImport', { fileName: 'eras.json', text: withEras });
    const second = await app.call('applyImport', { token: again.token, mode: 'merge' });
    expect(second.eras).toBeUndefined();
    expect(titles((await app.documentNow()).eras)).toEqual(['Summit month', ...FILE_ERAS]);

    await app.call('undo');
    await app.call('undo');
    expect((await app.documentNow()).eras).toEqual(own);
  });

  it('makes the file’s eras the story’s on Replace, and an era edited in the file replaces ours', async () => {
    const app = await start();
    await app.call('addEra', { title: 'Summit month', start: '2024-06', end: '2024-06' });
    const replace = await app.call('previewImport', { fileName: 'eras.json', text: withEras });
    await app.call('applyImport', { token: replace.token, mode: 'replace' });
    const replaced = (await app.documentNow()).eras;
    expect(titles(replaced)).toEqual(FILE_ERAS);

    // Our own export with one era renamed: Merge finds it by id and takes the new name.
    const exported = JSON.parse(exportTimeline('timelinejs', await app.documentNow()).text);
    exported.eras[0].text.headline = 'Renamed in the file';
    const edited = await app.call('previewImport', {
      fileName: 'story.timelinejs.json',
      text: JSON.stringify(exported),
    });
    await app.call('applyImport', { token: edited.token, mode: 'merge' });
    const after = (await app.documentNow()).eras;
    expect(titles(after)).toEqual(['Renamed in the file', ...FILE_ERAS.slice(1)]);
    expect(after.map((era) => era.id)).toEqual(replaced.map((era) => era.id));
  });
});
