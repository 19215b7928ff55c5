/**
 * Opening the window when something it needs does not come: the timeline from the main process,
 * or the app's own script (a chunk of its own, loaded while the timeline is on its way). The
 * window says what happened instead of staying blank or busy.
 */
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';

async function expectFailedOpening(page: Page, reason: RegExp): Promise<void> {
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The timeline could not be opened');
  await expect(alert).toContainText(reason);
  await expect(page.locator('#app')).not.toHaveAttribute('aria-busy');
  await expect(page.locator('.vis-timeline')).toHaveCount(0);
}

test('when the main process cannot give the timeline, the window says why', async ({
  page,
  harness,
}) => {
  await page.route('**/__harness/api/getTimeline', (route) =>
    route.fulfill({
      json: { ok: false, error: { code: 'io', message: 'The disk is not answering.' } },
    }),
  );
  await page.goto(harness.url);
  await expectFailedOpening(page, /The disk is not answering\./);
  await page.screenshot({ path: 'test-results/screenshots/opening-failed.png' });
});

test("when the app's script cannot load, the window says so instead of staying blank", async ({
  page,
  harness,
}) => {
  await page.route(/\/assets\/app-[^/]*\.js$/, (route) => route.fulfill({ status: 404 }));
  await page.goto(harness.url);
  await expectFailedOpening(page, /own files could not be loaded .*Reinstalling the app/);
});
