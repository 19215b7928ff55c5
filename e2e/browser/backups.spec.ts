/** Restore backup: the dialog lists the backups, restoring one is a change Undo takes back. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { storyFolder } from '../../test/fixtures/on-disk';
import { expect, test } from './fixtures';

const ADDED = 'Added after the backup';

test('a user restores a backup and undoes the restore', async ({ app, page }) => {
  // The first write of the store keeps a backup of what was there before.
  await app.addEvent();
  await app.edit({ Title: ADDED });
  await app.save();
  await expect(app.item(ADDED)).toBeVisible();
  await expect.poll(async () => (await app.storedBackups()).length).toBeGreaterThan(0);
  const backups = await app.storedBackups();
  const withAdded = await app.stored();

  await app.runFromMoreMenu('Restore backup');
  const dialog = app.dialog('Restore backup');
  await expect(dialog).toBeVisible();
  const radios = dialog.getByRole('radio');
  await expect(radios).toHaveCount(backups.length);
  await expect(radios.first()).toBeChecked();
  await expect(radios.first()).toBeFocused();
  const newest = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  // The time in the user's locale and the number of events.
  const when = await page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(
        new Date(iso),
      ),
    newest.createdAt,
  );
  await expect(dialog.locator('.backup-row').first()).toContainText(when);
  await expect(dialog.locator('.backup-row').first()).toContainText(
    `${newest.eventCount} event${newest.eventCount === 1 ? '' : 's'}`,
  );
  await app.screenshot('restore-dialog');

  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.status()).toContainText('Restored the backup of');
  await expect(app.item(ADDED)).toHaveCount(0);
  await expect.poll(async () => (await app.stored()).events.length).toBe(newest.eventCount);

  await expect(app.button('Undo')).toHaveAttribute('title', /^Undo Restore backup/);
  await app.undo();
  await expect(app.item(ADDED)).toBeVisible();
  await expect.poll(() => app.stored()).toEqual(withAdded);
});

test('Cancel in the restore dialog changes nothing', async ({ app, page }) => {
  await app.addEvent();
  await expect.poll(async () => (await app.storedBackups()).length).toBeGreaterThan(0);
  const before = await app.stored();
  await app.runFromMoreMenu('Restore backup');
  await expect(app.dialog('Restore backup')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.dialog('Restore backup')).toBeHidden();
  expect(await app.stored()).toEqual(before);
  await expect(app.button('Undo')).toHaveAttribute('title', /^Undo Add event/);
});

test('with no backups the dialog says so', async ({ app, shell }) => {
  // The services keep a story's backups in its folder's backups/; with that gone there are none.
  await shell.flush();
  await rm(join(await storyFolder(shell.dataDir), 'backups'), { recursive: true, force: true });
  expect(await app.storedBackups()).toEqual([]);
  await app.runFromMoreMenu('Restore backup');
  const dialog = app.dialog('Restore backup');
  await expect(dialog).toContainText('There are no backups yet.');
  await app.screenshot('restore-dialog-empty');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
