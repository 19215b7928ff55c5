/** Files the system asks the app to open: which arguments are files, and how each is read. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { filePathsInArgv, readOpenedFile } from './open-files';

describe('filePathsInArgv', () => {
  it('takes the timeline files and nothing else: not the app, flags or the data folder', () => {
    const argv = [
      '/opt/Timeline Desk/timeline-desk',
      'out/main/index.js',
      '--data-dir',
      'stories.json',
      '--no-sandbox',
      'story.timeline.json',
      'sheet.CSV',
      '/home/ana/talks.timelinejs.json',
      'notes.pdf',
      'calendar.ics',
      'plan.mw',
    ];
    expect(filePathsInArgv(argv, '/home/ana')).toEqual([
      '/home/ana/story.timeline.json',
      '/home/ana/sheet.CSV',
      '/home/ana/talks.timelinejs.json',
      '/home/ana/calendar.ics',
      '/home/ana/plan.mw',
    ]);
  });
});

describe('readOpenedFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'timeline-desk-open-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a file as text, named by its file name', async () => {
    await writeFile(join(dir, 'story.csv'), 'id,title,start\n1,Café,2024\n');
    expect(await readOpenedFile(join(dir, 'story.csv'))).toEqual({
      name: 'story.csv',
      text: 'id,title,start\n1,Café,2024\n',
      encodingNote: null,
    });
  });

  it('reads a CSV saved by Excel as Windows-1252, and says so for the preview', async () => {
    const header = Buffer.from('id,title,start\n1,');
    const title = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]); // "Café €" in Windows-1252
    await writeFile(join(dir, 'excel.csv'), Buffer.concat([header, title, Buffer.from(',2024\n')]));
    expect(await readOpenedFile(join(dir, 'excel.csv'))).toEqual({
      name: 'excel.csv',
      text: 'id,title,start\n1,Café €,2024\n',
      encodingNote: 'Read as Windows-1252: check accented letters',
    });
  });

  it('reads a UTF-16 file by its byte order mark, as Notepad saves one', async () => {
    const csv = 'id,title,start\n1,Αθήνα,2024\n';
    await writeFile(join(dir, 'notepad.csv'), Buffer.from(`\ufeff${csv}`, 'utf16le'));
    expect(await readOpenedFile(join(dir, 'notepad.csv'))).toEqual({
      name: 'notepad.csv',
      text: csv,
      encodingNote: 'Read as UTF-16',
    });
  });

  it('says why a missing file, a folder or a file over 50 MB cannot be opened', async () => {
    expect(await readOpenedFile(join(dir, 'gone.csv'))).toEqual({
      name: 'gone.csv',
      error: `${join(dir, 'gone.csv')} cannot be opened: there is no such file.`,
    });
    expect(await readOpenedFile(dir)).toMatchObject({ error: `${dir} is not a file.` });
    const big = join(dir, 'big.json');
    await writeFile(big, Buffer.alloc(51 * 1024 * 1024, 32));
    expect(await readOpenedFile(big)).toEqual({
      name: 'big.json',
      error: 'The file is 51 MB; files up to 50 MB can be imported.',
    });
  });
});
