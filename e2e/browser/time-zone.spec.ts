/**
 * Times in the zone the user picks (issue 17, section 3): the computer's zone by default, UTC and
 * any other zone from the status line's control, by keyboard; the editor's reading, the items'
 * names and the axis corner follow it, a day event keeps its date, and the choice is remembered.
 * The browser's zone is set (Asia/Jakarta), so the test does not depend on the machine's.
 */
import type { Page } from '@playwright/test';

import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const VISIT = "Putin's state visit to North Korea"; // 16 June 2024, a day
const VIETNAM = 'Putin travels on to Vietnam'; // given a time below
const COMPUTER_ZONE = 'Asia/Jakarta';

test.use({ timezoneId: COMPUTER_ZONE });

/** The built app's window is not a context Playwright made: its zone is set over CDP. */
async function inComputerZone(page: Page, reload: () => Promise<void>): Promise<void> {
  const zone = (): Promise<string> =>
    page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  if ((await zone()) === COMPUTER_ZONE) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: COMPUTER_ZONE });
  await reload();
  expect(await zone()).toBe(COMPUTER_ZONE);
}

test('a user picks the zone times are shown in, by keyboard; day dates stay put', async ({
  app,
  page,
}) => {
  await inComputerZone(page, () => app.reload());
  const zoneButton = page.getByRole('button', { name: /^Times in / });
  const corner = page.locator('.axis-corner');
  const panel = page.getByRole('dialog', { name: 'Time zone shown' });
  const dayEvent = page.getByRole('option', { name: new RegExp(`^${VISIT}, 16 June 2024,`) });
  const timedEvent = page.getByRole('option', { name: new RegExp(`^${VIETNAM}, `) });

  // By default, the computer's zone, named with its offset.
  await expect(zoneButton).toHaveAccessibleName('Times in Asia/Jakarta (UTC+7)');
  await expect(corner).toHaveText('Axis in Asia/Jakarta (UTC+7)');

  // A time typed without an offset is read in that zone, and kept with its offset.
  await app.selectEvent(VIETNAM);
  const start = app.field('Start');
  await start.fill('19 June 2024 09:30');
  await expect(start).toHaveAccessibleDescription(
    /19 June 2024 at 09:30 Asia\/Jakarta \(UTC\+7\) · minute/,
  );
  await app.save();
  await expect
    .poll(async () => (await app.storedEvent(VIETNAM))?.start)
    .toBe('2024-06-19T09:30+07:00');
  await expect(timedEvent).toHaveAccessibleName(/19 June 2024, 09:30 Asia\/Jakarta \(UTC\+7\)/);
  await expect(dayEvent).toHaveCount(1);

  // UTC, one keystroke away: the panel opens on the search; the UTC button is just before it.
  await zoneButton.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Find a zone' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'UTC', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(zoneButton).toBeFocused();
  await expect(zoneButton).toHaveAccessibleName('Times in UTC');
  await expect(corner).toHaveText('Axis in UTC');
  // The stored time is the same instant, now said in UTC (its typed offset noted).
  await expect(start).toHaveAccessibleDescription(
    /19 June 2024 at 02:30 UTC · minute · typed at UTC\+7/,
  );
  await expect(timedEvent).toHaveAccessibleName(/19 June 2024, 02:30 UTC/);
  await expect(dayEvent).toHaveCount(1);

  // Any zone, found by typing: New York is a day behind at that hour; the day event is not.
  await page.keyboard.press('Enter');
  await page.keyboard.type('new york');
  await expect(page.getByRole('listbox', { name: 'Zones found' })).toContainText(
    'America/New_York',
  );
  await app.screenshot('time-zone');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(zoneButton).toHaveAccessibleName(/^Times in America\/New_York \(UTC-[45]\)$/);
  await expect(corner).toHaveText(/^Axis in America\/New_York \(UTC-[45]\)$/);
  await expect(start).toHaveAccessibleDescription(
    /18 June 2024 at 22:30 America\/New_York \(UTC-4\) · minute · typed at UTC\+7/,
  );
  await expect(timedEvent).toHaveAccessibleName(/18 June 2024, 22:30 America\/New_York \(UTC-4\)/);
  await expect(dayEvent).toHaveCount(1);
  expect((await app.storedEvent(VIETNAM))?.start).toBe('2024-06-19T09:30+07:00');

  // The axis is in that zone: zoomed in to hours, the time sits between 22:00 and 23:00.
  await app.item(VIETNAM).click();
  const minorLabels = (): Promise<{ text: string; x: number }[]> =>
    page.locator('.vis-time-axis .vis-text.vis-minor').evaluateAll((labels) =>
      labels.map((label) => ({
        text: (label.textContent ?? '').trim(),
        x: label.getBoundingClientRect().left,
      })),
    );
  let hours = await minorLabels();
  const hourAt = (text: string): number => hours.find((label) => label.text === text)?.x ?? NaN;
  // Each + narrows the window by a third, around the selection, down to an hour.
  for (let i = 0; i < 40 && !(hourAt('22:00') < hourAt('23:00')); i++) {
    await page.keyboard.press('+');
    hours = await minorLabels();
  }
  const item = (await app.item(VIETNAM).boundingBox())!;
  const itemX = item.x + item.width / 2;
  expect(hourAt('22:00'), JSON.stringify(hours)).toBeLessThan(itemX);
  expect(hourAt('23:00'), JSON.stringify(hours)).toBeGreaterThan(itemX);
  await app.screenshot('time-zone-axis');

  // A double-click there adds an event on the day under the pointer: 18 June in New York, though
  // it is 19 June in UTC at that instant.
  const centre = (await app.timeline.locator('.vis-center').boundingBox())!;
  await app.doubleClickTimelineAt(hourAt('22:00') + 10, centre.y + centre.height - 10);
  await expect(app.field('Title')).toBeFocused();
  await expect(app.field('Start')).toHaveValue('2024-06-18');
  await app.edit({ Title: 'Added in New York' });
  await app.save();
  expect((await app.storedEvent('Added in New York'))?.start).toBe('2024-06-18');

  // The chronology says it in that zone too, under the month it is in there.
  await page.getByRole('button', { name: 'Chronology', exact: true }).click();
  const chronology = page.getByRole('listbox', { name: 'Chronology' });
  await expect(
    chronology.getByRole('option', {
      name: new RegExp(`^18 June 2024, 22:30 America/New_York \\(UTC-4\\)`),
    }),
  ).toContainText(VIETNAM);
  await expect(chronology.getByRole('option', { name: /^16 June 2024/ })).toContainText(VISIT);
  await page.getByRole('button', { name: 'Timeline', exact: true }).click();

  // Remembered for the next start.
  await app.reload();
  await expect(zoneButton).toHaveAccessibleName(/^Times in America\/New_York/);
  await expect(corner).toHaveText(/^Axis in America\/New_York/);
  await expect(dayEvent).toHaveCount(1);

  // And back to the computer's zone.
  await zoneButton.click();
  await page.getByRole('button', { name: 'Computer’s zone: Asia/Jakarta (UTC+7)' }).click();
  await expect(zoneButton).toHaveAccessibleName('Times in Asia/Jakarta (UTC+7)');
});

test('a date range begins its days at midnight in the zone times are shown in', async ({
  app,
  page,
}) => {
  await inComputerZone(page, () => app.reload());
  // 05:30 on 19 June in Jakarta is 22:30 on 18 June in UTC.
  await app.selectEvent(VIETNAM);
  await app.edit({ Start: '19 June 2024 05:30' });
  await app.save();
  await expect
    .poll(async () => (await app.storedEvent(VIETNAM))?.start)
    .toBe('2024-06-19T05:30+07:00');

  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const from = page
    .getByRole('dialog', { name: 'Filter events' })
    .getByLabel('From', { exact: true });
  await from.fill('19 June 2024');
  await from.press('Enter');
  await page.keyboard.press('Escape');
  const count = page.getByRole('search').getByRole('status');
  // In Jakarta it happened on the 19th: it stays.
  await expect(count).toHaveText('1 of 5 events');
  await expect(app.item(VIETNAM)).toHaveCount(1);

  // In UTC it happened on the 18th: it goes, the filter unchanged.
  await page.getByRole('button', { name: /^Times in / }).click();
  await page.getByRole('button', { name: 'UTC', exact: true }).click();
  await expect(count).toHaveText('0 of 5 events');
  await expect(app.item(VIETNAM)).toHaveCount(0);
});
