/**
 * Filters (issue 16, part 2): the Filter panel narrows the story by lane, status, certainty,
 * dates and sources; each active filter is a chip that removes it; the lane labels hide and show
 * their lane; search and filters come back on the next start.
 */
import { SEED_TITLES } from '../window-steps';
import { expect, test } from './fixtures';

const [CAMPAIGN, KIM, VETO, VISIT, VIETNAM] = SEED_TITLES;

test('a user narrows the story with filters, keeps them across a restart, and clears them', async ({
  app,
  page,
}) => {
  const count = page.getByRole('search').getByRole('status');
  const filterButton = page.getByRole('button', { name: /^Filter/ });
  const panel = page.getByRole('dialog', { name: 'Filter events' });
  const chips = page.getByRole('group', { name: 'Active filters' });
  const shownTitles = async (): Promise<string[]> => {
    const shown: string[] = [];
    for (const title of SEED_TITLES) if ((await app.item(title).count()) > 0) shown.push(title);
    return shown;
  };

  const timelineTop = async (): Promise<number | undefined> =>
    (await page.locator('.timeline-host').boundingBox())?.y;
  const topBefore = await timelineTop();
  await filterButton.click();
  await expect(panel).toBeVisible();
  await expect(filterButton).toHaveAttribute('aria-expanded', 'true');

  // A lane off: its events leave, a chip says so, and the lane's label on the timeline too.
  await panel.getByRole('checkbox', { name: 'United Nations' }).uncheck();
  await expect(app.item(VETO!)).toHaveCount(0);
  await expect(count).toHaveText('4 of 5 events');
  await expect(chips.getByText('Lane hidden: United Nations')).toBeVisible();
  // The chips take the toolbar's spare room: the timeline does not jump down under them.
  expect(await timelineTop()).toBe(topBefore);
  await expect(page.locator('[data-lane-toggle="un"]')).toHaveAttribute(
    'data-events-hidden',
    'true',
  );

  // Kinds combine: scheduled events only, then only the reported ones among them.
  await panel.getByRole('checkbox', { name: 'scheduled' }).check();
  await expect.poll(shownTitles).toEqual([VISIT, VIETNAM]);
  await panel.getByRole('checkbox', { name: 'reported' }).check();
  await expect.poll(shownTitles).toEqual([VIETNAM]);
  await panel.getByRole('checkbox', { name: 'reported' }).uncheck();
  await expect.poll(shownTitles).toEqual([VISIT, VIETNAM]);

  // A date that is not one is refused with the reason, and changes nothing.
  const from = panel.getByLabel('From', { exact: true });
  await from.fill('17 June');
  await from.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText(
    '“17 June” needs the year too, as in 19 June 2024.',
  );
  await expect(count).toHaveText('2 of 5 events');
  // From 17 June 2024 (typed as people write it): the visit (16 June) ends before it; "June 2024"
  // overlaps it and stays.
  await from.fill('17 Juni 2024');
  await from.press('Enter');
  await expect.poll(shownTitles).toEqual([VIETNAM]);
  await expect(chips.getByText('From 17 June 2024')).toBeVisible();
  await app.screenshot('filters-panel');

  // Escape shuts the panel and gives focus back to its button, which counts the filters.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(filterButton).toBeFocused();
  await expect(filterButton).toHaveText('Filter (3)');

  // With a search on top, then a restart: both come back.
  await page.getByRole('searchbox', { name: 'Search' }).fill('putin');
  await expect(count).toHaveText('1 of 5 events');
  await app.screenshot('filters-chips');
  await page.waitForTimeout(400); // the view state is written 300 ms after the last change
  await app.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('putin');
  await expect(count).toHaveText('1 of 5 events');
  await expect.poll(shownTitles).toEqual([VIETNAM]);
  await expect(chips.getByRole('button')).toHaveText(['×', '×', '×', 'Clear filters']);

  // A chip's × removes that filter alone.
  await chips.getByRole('button', { name: 'Remove filter From 17 June 2024' }).click();
  await expect.poll(shownTitles).toEqual([VISIT, VIETNAM]);
  await expect(chips.getByText('From 17 June 2024')).toHaveCount(0);

  // Clear filters and an empty search bring the whole story back.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await chips.getByRole('button', { name: 'Clear filters' }).click();
  await expect(chips).toBeHidden();
  await expect(count).toBeHidden();
  // The window opened fitted to the one event shown then: Fit takes in the whole story.
  await app.button('Fit').click();
  await expect.poll(shownTitles).toEqual(SEED_TITLES);
  await expect(filterButton).toHaveText('Filter');

  // The open panel follows its own Clear filters: every box and date as at the start.
  await filterButton.click();
  await panel.getByRole('checkbox', { name: 'United Nations' }).uncheck();
  await panel.getByRole('checkbox', { name: 'scheduled' }).check();
  await from.fill('2024-06-17');
  await from.press('Enter');
  await expect(filterButton).toHaveText('Filter (3)');
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filterButton).toHaveText('Filter');
  await expect(panel.getByRole('checkbox', { name: 'United Nations' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'scheduled' })).not.toBeChecked();
  await expect(from).toHaveValue('');
  await expect.poll(shownTitles).toEqual(SEED_TITLES);
  app.assertNothingWentWrong();
});

test('a lane label hides and shows its lane; an event made under a filter stays in view', async ({
  app,
  page,
}) => {
  const label = page.locator('[data-lane-toggle="russia-dprk"]');
  await expect(label).toHaveAttribute('data-events-hidden', 'false');
  await label.click();
  await expect(label).toHaveAttribute('data-events-hidden', 'true');
  for (const title of [KIM, VISIT, VIETNAM]) await expect(app.item(title!)).toHaveCount(0);
  await expect(app.item(CAMPAIGN!)).toHaveCount(1);
  await expect(
    page
      .getByRole('group', { name: 'Active filters' })
      .getByText('Lane hidden: Russia–North Korea relations'),
  ).toBeVisible();
  await label.click();
  await expect(label).toHaveAttribute('data-events-hidden', 'false');
  for (const title of SEED_TITLES) await expect(app.item(title)).toHaveCount(1);

  // Every seed event has a source: "without a source" shows none, until one is made.
  await page.getByRole('button', { name: /^Filter/ }).click();
  await page.getByRole('checkbox', { name: 'Only events without a source' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('0 of 5 events');
  await app.addEvent();
  await app.edit({ Title: 'Unsourced report of a second visit' });
  await app.save();
  await expect(app.item('Unsourced report of a second visit')).toBeVisible();
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 6 events');
  app.assertNothingWentWrong();
});
