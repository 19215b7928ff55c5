/**
 * The Chronology of 10,000 events (bench/generate.ts): only the rows in and near the viewport
 * are in the page, wherever the list is scrolled, and End and Home reach the last and first.
 */
import { generateTimeline } from '../../bench/generate';
import { inChronologyOrder } from '../../src/shared/chronology';
import { expect, test } from './fixtures';

const story = generateTimeline(10_000);
const ordered = inChronologyOrder(story.events);
/** Rows the page may hold: a viewport and 400 px either side, of rows at least 32 px tall. */
const MOST_ROWS = 80;

test.use({ initialStoreText: JSON.stringify(story) });

test('a chronology of 10,000 events keeps only the rows in view in the page', async ({
  app,
  page,
}) => {
  const list = page.getByRole('listbox', { name: 'Chronology' });
  const rows = page.locator('.chronology-canvas > *');
  await page.keyboard.press('Control+2');
  await expect(list).toBeFocused();
  await expect(page.locator('.chronology-count')).toHaveText('10,000 events');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', '10000');
  expect(await rows.count()).toBeLessThanOrEqual(MOST_ROWS);

  await page.keyboard.press('End');
  await expect(app.field('Title')).toHaveValue(ordered.at(-1)!.title);
  const last = list.locator('[aria-selected="true"]');
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', '10000');
  expect(await rows.count()).toBeLessThanOrEqual(MOST_ROWS);

  // Half way down by the scroll bar: the rows drawn are the ones there, still a handful.
  await list.evaluate((element) => {
    element.scrollTop = element.scrollHeight / 2;
  });
  const places = list.locator('[role="option"][aria-selected="false"]');
  await expect
    .poll(async () =>
      Math.min(
        ...(await places.evaluateAll((options) =>
          options.map((option) => Number(option.getAttribute('aria-posinset'))),
        )),
      ),
    )
    .toBeGreaterThan(4000);
  const around = await places.evaluateAll((options) =>
    options.map((option) => Number(option.getAttribute('aria-posinset'))),
  );
  expect(Math.max(...around)).toBeLessThan(6000);
  expect(await rows.count()).toBeLessThanOrEqual(MOST_ROWS + 1);
  await app.screenshot('chronology-10000');

  await page.keyboard.press('Home');
  await expect(app.field('Title')).toHaveValue(ordered[0]!.title);
  await expect(list.locator('[aria-selected="true"]')).toBeInViewport();
  expect(await rows.count()).toBeLessThanOrEqual(MOST_ROWS);
  app.assertNothingWentWrong();
});
