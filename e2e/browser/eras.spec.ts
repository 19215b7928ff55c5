/**
 * Eras (issue 17, part 4): a keyboard user adds an era in the Eras panel and sees it shaded
 * behind the lanes with its name, renames it, undoes that and deletes it; a TimelineJS file's
 * eras come in as bands; axe finds nothing serious with the panel open, light or dark. Eras are
 * not events: the timeline's listbox holds no option for them.
 */
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { SEED_TITLES } from '../window-steps';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const ERAS_FILE = fileURLToPath(
  new URL('../../test/fixtures/timelinejs/eras.json', import.meta.url),
);

const VISIT = SEED_TITLES[3];

/** The band of an era on the timeline, by its accessible name. */
function band(page: Page, name: string) {
  return page.locator('.timeline-host .era-band').getByRole('group', { name, exact: true });
}

test('a keyboard user adds an era, sees its band, renames it, undoes that and deletes it', async ({
  app,
  page,
}) => {
  const erasButton = page.getByRole('button', { name: 'Eras', exact: true });
  const panel = page.getByRole('dialog', { name: 'Eras' });
  await erasButton.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(erasButton).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByText('This story has no eras yet.')).toBeVisible();

  await panel.getByRole('button', { name: 'Add era' }).focus();
  await page.keyboard.press('Enter');
  const name = panel.getByRole('textbox', { name: 'Era name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Summit month');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: 'Start' })).toBeFocused();
  // Dates as the event editor takes them, in English and Indonesian.
  await page.keyboard.type('1 June 2024');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30 Juni 2024');
  await page.keyboard.press('Enter');
  await expect(app.status()).toHaveText('Added era “Summit month”');
  await expect(panel.getByRole('button', { name: 'Add era' })).toBeFocused();
  await expect
    .poll(async () => (await app.stored()).eras.map(({ title, start, end }) => [title, start, end]))
    .toEqual([['Summit month', '2024-06-01', '2024-06-30']]);

  // The band: behind every lane, its name at the top, named for assistive technology.
  const summit = band(page, 'Era: Summit month, 1–30 June 2024');
  await expect(summit).toBeVisible();
  await expect(summit).toHaveText('Summit month');
  const host = page.locator('.timeline-host');
  const bandBox = (await page.locator('.era-band').boundingBox())!;
  const lanesBox = (await page.locator('.vis-panel.vis-center').boundingBox())!;
  expect(bandBox.height).toBeGreaterThanOrEqual(lanesBox.height - 2);
  // Not an event: no option of the timeline's listbox.
  await expect(host.getByRole('option', { name: /Summit month/ })).toHaveCount(0);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `eras panel, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await app.screenshot('eras-panel');

  // Closer: the band across June 2024, behind the state visit, its name at the top.
  await page.keyboard.press('Escape');
  await expect(erasButton).toBeFocused();
  await app.selectEvent(VISIT);
  for (let i = 0; i < 3; i++) await app.button('Zoom in').click();
  await expect(summit).toBeVisible();
  const label = (await summit.boundingBox())!;
  expect(label.y).toBeLessThan(lanesBox.y + 30);
  await app.screenshot('eras');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('eras-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Rename it (and the dates stay), by keyboard.
  await erasButton.focus();
  await page.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'Rename era “Summit month”' }).press('Enter');
  await expect(name).toBeFocused();
  await expect(panel.getByRole('textbox', { name: 'Start' })).toHaveValue('2024-06-01');
  await name.fill('Pyongyang summit');
  await page.keyboard.press('Enter');
  await expect(app.status()).toHaveText('Renamed era “Summit month” to “Pyongyang summit”');
  await expect(band(page, 'Era: Pyongyang summit, 1–30 June 2024')).toBeVisible();
  await expect(summit).toHaveCount(0);

  // An end before the start is refused in the form, and nothing changes.
  await panel.getByRole('button', { name: 'Rename era “Pyongyang summit”' }).press('Enter');
  await panel.getByRole('textbox', { name: 'End' }).fill('May 2024');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText(
    'End is before Start: an era cannot end before it starts.',
  );
  await expect(panel.getByRole('textbox', { name: 'End' })).toBeFocused();
  await app.screenshot('eras-refused');
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('button', { name: 'Rename era “Pyongyang summit”' })).toBeFocused();

  await app.undo();
  await expect(summit).toBeVisible();
  // Undo (the toolbar's button) closed the panel; it shows the era as it is now.
  await erasButton.press('Enter');
  await expect(panel.getByRole('button', { name: 'Rename era “Summit month”' })).toBeVisible();

  await panel.getByRole('button', { name: 'Delete era “Summit month”' }).press('Enter');
  await expect(app.status()).toHaveText('Deleted era “Summit month”');
  await expect(page.locator('.era-band')).toHaveCount(0);
  await expect.poll(async () => (await app.stored()).eras).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(erasButton).toBeFocused();
  app.assertNothingWentWrong();
});

test('a TimelineJS file’s eras come in as bands, and Undo takes them out', async ({
  app,
  page,
}) => {
  await app.chooseImportFile(ERAS_FILE);
  const dialog = app.importDialog('eras.json');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/eras? .*not kept/)).toHaveCount(0);
  await app.answerImport('eras.json', 'Replace');
  await app.button('Fit').click();
  for (const name of ['Era: Era Test 600-650, 600–650', 'Era: Era Test 650-700, 650–700']) {
    await expect(band(page, name)).toBeVisible();
  }
  await expect(page.locator('.era-band')).toHaveCount(3);
  await app.screenshot('eras-imported');

  await page.getByRole('button', { name: 'Eras', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Eras' });
  await expect(panel.getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('Escape');

  await app.undo();
  await expect(page.locator('.era-band')).toHaveCount(0);
  app.assertNothingWentWrong();
});
