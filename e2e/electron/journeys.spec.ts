/** The user journeys in the desktop app: the real window, preload, IPC, store and dialogs. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { TimelineDocumentSchema } from '../../src/shared/schema';
import { SEED_TITLES } from '../window-steps';
import { Desk, electronAvailable, expect, NO_ELECTRON_REASON, test } from './desk';

test.skip(!electronAvailable, NO_ELECTRON_REASON);

const NEW_TITLE = 'Putin arrives in Pyongyang';

test('a user sees the five events of the seed article', async ({ desk }) => {
  await desk.button('Fit').click();
  // Event items only (vis-timeline draws clusters as items too).
  await expect(desk.page.locator('.vis-item .ev-title')).toHaveCount(SEED_TITLES.length);
  for (const title of SEED_TITLES) await expect(desk.item(title)).toBeVisible();
  expect(await desk.storedTitles()).toEqual(expect.arrayContaining([...SEED_TITLES]));
});

test('a user adds an event, edits its title, saves it and deletes it', async ({ desk }) => {
  await desk.addEvent();
  await desk.field('Title').fill(NEW_TITLE);
  await desk.button('Save').click();
  await expect(desk.item(NEW_TITLE)).toBeVisible();
  await expect.poll(() => desk.storedTitles()).toContain(NEW_TITLE);

  await desk.reload();
  await desk.selectEvent(NEW_TITLE);
  await desk.deleteSelected();
  await expect(desk.item(NEW_TITLE)).toHaveCount(0);
  await expect.poll(() => desk.storedTitles()).not.toContain(NEW_TITLE);

  await desk.reload();
  await expect(desk.item(NEW_TITLE)).toHaveCount(0);
  await expect(desk.item(SEED_TITLES[3]!)).toHaveCount(1);
});

test('a user exports the timeline through the save dialog', async ({ desk, dataDir }) => {
  const exportPath = join(dataDir, 'exported.timeline.json');
  await desk.answerSaveDialogWith(exportPath);
  await desk.button('Export JSON').click();
  await expect(desk.page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();

  const exported: unknown = JSON.parse(await readFile(exportPath, 'utf8'));
  // The browser journeys check exports against the published JSON Schema; here, the contract.
  expect(TimelineDocumentSchema.safeParse(exported).success).toBe(true);
  expect(exported).toEqual(await desk.stored());
});

test('the Event menu runs its command in the window', async ({ desk }) => {
  await desk.app.evaluate(({ BrowserWindow, Menu }) => {
    BrowserWindow.getAllWindows()[0]!.focus();
    Menu.getApplicationMenu()?.getMenuItemById('addEvent')?.click();
  });
  await expect(desk.field('Title')).toBeFocused();
});

test('after quitting and starting again, the app finds everything as it was left', async ({
  desk,
  dataDir,
}) => {
  await desk.addEvent();
  await desk.field('Title').fill(NEW_TITLE);
  await desk.button('Save').click();
  await expect(desk.item(NEW_TITLE)).toBeVisible();
  await desk.selectEvent(SEED_TITLES[0]!);
  await desk.deleteSelected();
  await desk.quit();

  const again = await Desk.launch(dataDir);
  try {
    await expect(again.item(NEW_TITLE)).toHaveCount(1);
    await expect(again.item(SEED_TITLES[0]!)).toHaveCount(0);
    const state: unknown = JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8'));
    expect(state).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    again.assertNothingWentWrong();
  } finally {
    await again.quit();
  }
});

/** Clicks an item of the application menu, found by its id, as the user would. */
async function clickMenuItem(desk: Desk, id: string): Promise<void> {
  await desk.app.evaluate(({ BrowserWindow, Menu }, itemId) => {
    BrowserWindow.getAllWindows()[0]!.focus();
    Menu.getApplicationMenu()?.getMenuItemById(itemId)?.click();
  }, id);
}

test('Edit > Undo and Redo run the app history; in a text field they undo the typing', async ({
  desk,
}) => {
  await desk.addEvent();
  await expect.poll(() => desk.storedTitles()).toContain('New event');
  await desk.field('Title').fill('Typed, not saved');
  await clickMenuItem(desk, 'undo');
  await expect(desk.field('Title')).toHaveValue('New event');
  expect(await desk.storedTitles()).toContain('New event');

  await desk.button('Fit').click(); // the focus leaves the field
  await clickMenuItem(desk, 'undo');
  await expect(desk.item('New event')).toHaveCount(0);
  await expect.poll(() => desk.storedTitles()).not.toContain('New event');
  await clickMenuItem(desk, 'redo');
  await expect(desk.item('New event')).toHaveCount(1);
});

test('File > Import… offers the file chooser, which a menu click may not open itself', async ({
  desk,
}) => {
  await clickMenuItem(desk, 'import');
  const dialog = desk.page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('button', { name: 'Choose file…' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
