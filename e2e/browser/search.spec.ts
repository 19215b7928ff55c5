/**
 * Search (issue 16, part 1): the toolbar's Search field narrows the timeline to the events that
 * hold every word typed, in any field, by word prefix; Enter and Shift+Enter (F3, Shift+F3) go
 * through the matches in time; Escape brings every event back.
 */
import { SEED_TITLES } from '../window-steps';
import { expect, test } from './fixtures';

const VETO = 'Russia vetoes continued UN monitoring of North Korea sanctions violations';
const [CAMPAIGN, KIM, , VISIT, VIETNAM] = SEED_TITLES;

test('a user searches, steps through the matches in time, and clears the search', async ({
  app,
  page,
}) => {
  const search = page.getByRole('searchbox', { name: 'Search' });
  const count = page.getByRole('search').getByRole('status');

  // Ctrl+F from the timeline puts the caret in the field.
  await app.item(VISIT!).click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();

  await search.fill('vet');
  await expect(app.item(VETO)).toBeVisible();
  for (const title of SEED_TITLES.filter((title) => title !== VETO)) {
    await expect(app.item(title)).toHaveCount(0);
  }
  await expect(count).toHaveText('1 of 5 events');
  // The visit stays in the editor, which says why the views no longer show it.
  const editor = page.getByRole('complementary', { name: 'Event editor' });
  const hiddenNote = editor.getByText('the search or filters hide this event');
  await expect(app.field('Title')).toHaveValue(VISIT!);
  await expect(hiddenNote).toBeVisible();
  await app.screenshot('search');

  // In any field: "Vladimir" is in the actors of three events (and a source's quote).
  await search.fill('vladimir');
  await expect(count).toHaveText('3 of 5 events');
  await expect(hiddenNote).toBeHidden();
  await expect(app.item(VETO)).toHaveCount(0);
  await expect(app.item(CAMPAIGN!)).toHaveCount(0);
  // Enter goes through them in time: September 2023, June 2024, 16 June 2024, and round again.
  for (const title of [KIM, VIETNAM, VISIT, KIM]) {
    await search.press('Enter');
    await expect(app.field('Title')).toHaveValue(title!);
  }
  await search.press('Shift+Enter');
  await expect(app.field('Title')).toHaveValue(VISIT!);
  // F3 and Shift+F3 outside the field too.
  await app.item(VISIT!).click();
  await page.keyboard.press('Shift+F3');
  await expect(app.field('Title')).toHaveValue(VIETNAM!);

  // Every word is required.
  await search.fill('vladimir kim');
  await expect(count).toHaveText('2 of 5 events');
  await expect(app.item(VIETNAM!)).toHaveCount(0);

  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(count).toBeHidden();
  for (const title of SEED_TITLES) await expect(app.item(title)).toHaveCount(1);
});

test('an event added while searching stays in view; edits are searched as they are saved', async ({
  app,
  page,
}) => {
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('vietnam');
  await expect(app.item(VIETNAM!)).toBeVisible();
  await app.addEvent();
  await app.edit({ Title: 'Lavrov visits Pyongyang first' });
  await app.save();
  await expect(app.item('Lavrov visits Pyongyang first')).toBeVisible();

  await search.fill('lavrov');
  await expect(app.item('Lavrov visits Pyongyang first')).toBeVisible();
  await expect(app.item(VIETNAM!)).toHaveCount(0);
  // An edit that takes the word away hides the event.
  await app.selectEvent('Lavrov visits Pyongyang first');
  await app.edit({ Title: 'Foreign minister visits Pyongyang first' });
  await app.save();
  await expect(app.item('Foreign minister visits Pyongyang first')).toHaveCount(0);
  await expect(page.getByText('the search or filters hide this event')).toBeVisible();
  await expect(page.getByRole('search').getByRole('status')).toHaveText('0 of 6 events');
});
