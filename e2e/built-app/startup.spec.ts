/**
 * The built app's start-up as users meet it: a first start, a damaged store, a read-only data
 * folder, a second launch, files handed over by the system, and quitting with unsaved changes.
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { backupName, nextSeq } from '../../src/main/store/backup-schedule';
import type { TimelineDocument } from '../../src/shared/schema';
import { storeFileOf, storeOnDisk, storyFolder } from '../../test/fixtures/on-disk';
import { makeReadOnly, makeWritable } from '../../test/read-only-folder';
import { SEED_TITLES } from '../window-steps';
import { type Desk, expect, test } from './fixtures';

const FIXTURES = resolve('e2e/fixtures');
const seedTitlesSorted = [...SEED_TITLES].sort();

/** The timeline as the next start would read it: the snapshot with its journal replayed. */
const stored = (dataDir: string): Promise<TimelineDocument> => storeOnDisk(dataDir);

/** The import preview the window opened for a file, by the dialog's name. */
function preview(desk: Desk, fileName: string) {
  return desk.page.getByRole('dialog', { name: `Import ${fileName}` });
}

test('a first start writes the seed story to the data folder and shows it', async ({
  launch,
  dataDir,
}) => {
  const desk = await launch();
  for (const title of SEED_TITLES) await expect(desk.item(title)).toBeVisible();
  await expect
    .poll(async () => (await stored(dataDir)).events.map((event) => event.title).sort())
    .toEqual(seedTitlesSorted);
  await expect(desk.page).toHaveTitle(/Timeline Desk/);
  expect(await desk.app.quit()).toBe(0);
  desk.assertNothingWentWrong();
});

test('a data folder of the single-story version becomes the first story, its files kept aside', async ({
  launch,
  dataDir,
}) => {
  // The folder as the last single-story release left it: timeline.json at the root (an edit
  // made with it, as a user's would be), its journal and backups beside it.
  const first = await launch();
  await first.page.getByRole('heading', { level: 1 }).waitFor();
  expect(await first.app.quit()).toBe(0);
  const before = await stored(dataDir);
  const edited = { ...before, timeline: { ...before.timeline, title: 'Kept through the upgrade' } };
  await rm(join(dataDir, 'stories'), { recursive: true });
  await rm(join(dataDir, 'desk.json'));
  await writeFile(join(dataDir, 'timeline.json'), JSON.stringify(edited));
  await mkdir(join(dataDir, 'backups'));
  await writeFile(join(dataDir, 'backups', 'kept-backup.json'), JSON.stringify(before));
  const original = await readFile(join(dataDir, 'timeline.json'), 'utf8');

  const desk = await launch();
  await expect(desk.page.getByRole('heading', { level: 1 })).toHaveText('Kept through the upgrade');
  for (const title of SEED_TITLES) await expect(desk.item(title)).toHaveCount(1);
  await expect(desk.page.getByRole('alert')).toContainText('Timeline Desk now keeps many stories');
  await desk.page.screenshot({ path: 'test-results/screenshots/built-upgraded.png' });
  const [upgrade] = await readdir(join(dataDir, 'before-stories'));
  const kept = join(dataDir, 'before-stories', upgrade!);
  expect(await readFile(join(kept, 'timeline.json'), 'utf8')).toBe(original);
  expect(await readdir(join(kept, 'backups'))).toEqual(['kept-backup.json']);
  expect((await stored(dataDir)).timeline.title).toBe('Kept through the upgrade');
  expect(await desk.app.quit()).toBe(0);
});

test('a damaged store is set aside, the newest valid backup is restored, and the window says so', async ({
  launch,
  dataDir,
}) => {
  // A backup that holds one event more than the seed, then a store file cut short.
  const first = await launch();
  await first.addEvent();
  await first.field('Title').fill('Only in the backup');
  await first.button('Save').click();
  await expect(first.item('Only in the backup')).toBeVisible();
  expect(await first.app.quit()).toBe(0);
  const document = await stored(dataDir);
  const folder = await storyFolder(dataDir);
  const backups = join(folder, 'backups');
  await mkdir(backups, { recursive: true });
  const newest = backupName(nextSeq(await readdir(backups)), new Date());
  await writeFile(join(backups, newest), gzipSync(JSON.stringify(document)));
  await writeFile(join(folder, 'timeline.json'), '{"format":"timeline-desk","version":1,"eve');

  const desk = await launch();
  const damaged = (await readdir(folder)).find((name) => name.includes('.damaged-'));
  expect(damaged).toBeDefined();
  const notice = desk.page.getByRole('alert').filter({ hasText: damaged! });
  await expect(notice).toContainText('restored the backup');
  // The journal written beside the damaged file belongs to it: kept aside, not replayed.
  const unused = (await readdir(folder)).find((name) => name.includes('.unused-'));
  expect(unused).toBeDefined();
  await expect(desk.page.getByRole('alert').filter({ hasText: unused! })).toContainText(
    'could not be replayed',
  );
  await expect(desk.item('Only in the backup')).toHaveCount(1);
  // The damaged file is kept as it was.
  expect(await readFile(join(folder, damaged!), 'utf8')).toContain('"eve');
  await desk.page.screenshot({ path: 'test-results/screenshots/built-damaged-store.png' });
  expect(await desk.app.quit()).toBe(0);
});

test('a read-only data folder: the window says changes cannot be saved, and nothing is overwritten', async ({
  launch,
  dataDir,
}) => {
  const first = await launch();
  expect(await first.app.quit()).toBe(0);
  const store = await storeFileOf(dataDir);
  const before = await readFile(store, 'utf8');
  await makeReadOnly(dataDir);
  try {
    const desk = await launch();
    for (const title of SEED_TITLES) await expect(desk.item(title)).toHaveCount(1);
    await expect(desk.page.getByRole('alert')).toContainText('read-only');
    await desk.addEvent();
    await desk.field('Title').fill('Cannot be written');
    await desk.button('Save').click();
    await expect(desk.saveState()).toHaveText(/^Not saved: The data folder is on a read-only disk/);
    await desk.page.screenshot({ path: 'test-results/screenshots/built-read-only.png' });
    await desk.app.kill();
  } finally {
    await makeWritable(dataDir);
  }
  expect(await readFile(store, 'utf8')).toBe(before);
});

test('a second launch brings the first window forward and hands it its file', async ({
  launch,
  start,
}) => {
  const desk = await launch();
  const [window] = await desk.app.windows();
  const csv = join(FIXTURES, 'sanctions.csv');
  const second = await start({ args: [csv] });
  expect(second.ready).toBe(false);
  expect(await second.app.exited).toBe(0);
  await expect(preview(desk, 'sanctions.csv')).toBeVisible();
  const [after] = await desk.app.windows();
  expect(after!.id).toBe(window!.id);
  expect(after!.focusCount).toBeGreaterThan(window!.focusCount);
  expect(await desk.app.windows()).toHaveLength(1);
  await preview(desk, 'sanctions.csv').getByRole('button', { name: 'Merge' }).click();
  await expect(desk.item('UN panel of experts mandate expires')).toBeVisible();
  expect(await desk.app.quit()).toBe(0);
});

for (const file of ['sanctions.csv', 'talks.timelinejs.json', 'exported.timeline.json']) {
  test(`${file} given on the command line opens its import preview`, async ({
    launch,
    workDir,
  }) => {
    let path = join(FIXTURES, file);
    if (file === 'exported.timeline.json') {
      // A Timeline Desk file as the app exports it: the seed with one more event.
      const source = JSON.parse(await readFile('data/seed-timeline.json', 'utf8')) as {
        events: { title: string }[];
      };
      source.events = source.events.slice(0, 2);
      path = join(workDir, file);
      await writeFile(path, JSON.stringify(source));
    }
    const desk = await launch({ args: [path] });
    const dialog = preview(desk, file);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Merge' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await desk.app.quit()).toBe(0);
    desk.assertNothingWentWrong();
  });
}

test("macOS's open-file opens the import preview; a file that cannot be read or is too large says why", async ({
  launch,
  workDir,
}) => {
  const desk = await launch();
  const copy = join(workDir, 'talks.timelinejs.json');
  await copyFile(join(FIXTURES, 'talks.timelinejs.json'), copy);
  expect(await desk.app.openFile(copy)).toBe(true); // the app took it (preventDefault)
  await expect(preview(desk, 'talks.timelinejs.json')).toBeVisible();
  await preview(desk, 'talks.timelinejs.json').getByRole('button', { name: 'Cancel' }).click();

  await desk.app.openFile(join(workDir, 'gone.csv'));
  const refused = preview(desk, 'gone.csv');
  await expect(refused).toContainText('there is no such file');
  await refused.getByRole('button', { name: 'Close' }).click();

  // Too large to import: refused before it is read, in the main process.
  const huge = join(workDir, 'huge.csv');
  await writeFile(huge, `id,title,start\n${'x'.repeat(51 * 1024 * 1024)}`);
  await desk.app.openFile(huge);
  await expect(preview(desk, 'huge.csv')).toContainText('files up to 50 MB can be imported');
  expect(await desk.app.quit()).toBe(0);
});

test('quitting right after a change waits until it is on disk', async ({ launch, dataDir }) => {
  const desk = await launch();
  await desk.addEvent();
  await desk.field('Title').fill('Saved before quitting');
  await desk.button('Save').click();
  // No wait for the write: quit at once.
  expect(await desk.app.quit()).toBe(0);
  expect((await stored(dataDir)).events.map((event) => event.title)).toContain(
    'Saved before quitting',
  );
});

test('quitting with a change that cannot be written asks first, and staying keeps it', async ({
  launch,
  dataDir,
}) => {
  const desk = await launch();
  await expect.poll(async () => (await stored(dataDir)).events.length).toBe(SEED_TITLES.length);
  await makeReadOnly(dataDir);
  let writable = false;
  try {
    // The new event cannot be written; the edit after it says so (and waits for that write).
    await desk.addEvent();
    await desk.field('Title').fill('Typed while the disk was read-only');
    await desk.button('Save').click();
    await expect(desk.saveState()).toHaveText(/^Not saved: The data folder is on a read-only disk/);

    await desk.app.answerDialogs({ kind: 'message', response: 0 }); // Keep Timeline Desk Open
    await desk.app.call({ op: 'quit' });
    await expect.poll(async () => (await desk.app.record()).messageBoxes.length).toBe(1);
    const [question] = (await desk.app.record()).messageBoxes;
    expect(question).toMatchObject({
      message: 'Your latest changes are not saved',
      buttons: ['Keep Timeline Desk Open', 'Quit Without Saving'],
      answer: 0,
    });
    expect(question!.detail).toContain(await storeFileOf(dataDir));
    expect(desk.app.exitCode).toBeUndefined();
    expect(await desk.app.windows()).toHaveLength(1);

    // The folder can be written again: the next quit saves the change, then quits.
    await makeWritable(dataDir);
    writable = true;
    expect(await desk.app.quit()).toBe(0);
  } finally {
    if (!writable) await makeWritable(dataDir);
  }
  // The event that waited in memory reached the disk when the app could write again.
  const titles = (await stored(dataDir)).events.map((event) => event.title);
  expect(titles).toHaveLength(SEED_TITLES.length + 1);
  expect(titles).toContain('New event');
});
