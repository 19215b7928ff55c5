/**
 * Rename story (issue 17, part 1): the story's title and description, from the File menu's
 * command (Rename story…), one step of Undo; an empty title is refused at its field.
 */
import { expect, test } from './fixtures';

test('a user renames the story; an empty title is refused; Undo brings the old title back', async ({
  app,
  page,
}) => {
  const before = await app.stored();
  const heading = page.getByRole('heading', { level: 1 });
  // The window's title names the story (its title isolated as user text).
  await expect(page).toHaveTitle(`\u2068${before.timeline.title}\u2069 — Timeline Desk`);
  await app.runFromMoreMenu('Rename story');
  const dialog = page.getByRole('dialog', { name: 'Rename story' });
  const title = dialog.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue(before.timeline.title);
  await expect(title).toBeFocused();

  await title.fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toHaveText('Title is empty');
  await app.screenshot('story-rename-error');

  await title.fill('Putin in Pyongyang and Hanoi');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('June 2024, as it was reported');
  await page.keyboard.press('Tab');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(heading).toHaveText('Putin in Pyongyang and Hanoi');
  await expect(page).toHaveTitle('\u2068Putin in Pyongyang and Hanoi\u2069 — Timeline Desk');
  await expect
    .poll(async () => (await app.stored()).timeline)
    .toEqual({
      ...before.timeline,
      title: 'Putin in Pyongyang and Hanoi',
      description: 'June 2024, as it was reported',
    });

  await app.undo();
  await expect(heading).toHaveText(before.timeline.title);
  await expect.poll(async () => (await app.stored()).timeline).toEqual(before.timeline);
});
