/**
 * Layout on small windows (issue 16, part 5): at 1024×640 and at 200% zoom (half as many CSS
 * pixels: 512×320) the plot keeps at least half the window's width, the editor can be hidden and
 * shown, nothing runs off the window, and the axis labels are whole.
 */
import type { Page } from '@playwright/test';

import { SEED_TITLES } from '../window-steps';
import { expect, test } from './fixtures';

const [, , , VISIT] = SEED_TITLES;

async function widthOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box?.width ?? 0;
}

interface Box {
  readonly left: number;
  readonly right: number;
}

/** What the checks read of the page (the e2e code is typed without the DOM library). */
interface LayoutGlobals {
  readonly innerWidth: number;
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number };
    querySelector(selector: string): { getBoundingClientRect(): Box } | null;
    querySelectorAll(selector: string): ArrayLike<{
      readonly textContent: string | null;
      getBoundingClientRect(): Box;
    }>;
  };
  getComputedStyle(element: unknown): { readonly visibility: string };
}

/** Axis labels whose box runs past the plot's edges (vis clips them there). */
async function clippedAxisLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const page = globalThis as unknown as LayoutGlobals;
    const plot = page.document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    if (!plot) return ['no plot'];
    return Array.from(page.document.querySelectorAll('.vis-time-axis .vis-text'))
      .filter((label) => page.getComputedStyle(label).visibility !== 'hidden')
      .filter((label) => label.textContent !== '')
      .filter((label) => {
        const box = label.getBoundingClientRect();
        return box.left < plot.left - 0.5 || box.right > plot.right + 0.5;
      })
      .map((label) => label.textContent ?? '');
  });
}

async function overflowsWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const page = globalThis as unknown as LayoutGlobals;
    return page.document.documentElement.scrollWidth > page.innerWidth;
  });
}

test('at 1024×640 the plot keeps half the window, and hiding the editor gives it the rest', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const editorToggle = page.getByRole('button', { name: 'Editor' });
  await expect(editorToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('complementary', { name: 'Event editor' })).toBeVisible();
  await expect.poll(() => widthOf(page, '.vis-panel.vis-center')).toBeGreaterThanOrEqual(512);
  expect(await widthOf(page, '.editor')).toBeGreaterThanOrEqual(260);
  expect(await overflowsWindow(page)).toBe(false);
  expect(await clippedAxisLabels(page)).toEqual([]);
  await app.selectEvent(VISIT!);
  await app.screenshot('layout-1024');

  const before = await widthOf(page, '.vis-panel.vis-center');
  await editorToggle.click();
  await expect(editorToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('complementary', { name: 'Event editor' })).toBeHidden();
  await expect.poll(() => widthOf(page, '.vis-panel.vis-center')).toBeGreaterThan(before + 200);
  await editorToggle.click();
  await expect(page.getByRole('complementary', { name: 'Event editor' })).toBeVisible();
  await expect(app.field('Title')).toHaveValue(VISIT!);
  app.assertNothingWentWrong();
});

test('at 200% zoom the editor starts hidden and, shown, lies over the plot instead of squeezing it', async ({
  app,
  page,
}) => {
  // A 1024×640 window at 200% zoom lays out 512×320 CSS pixels.
  await page.setViewportSize({ width: 512, height: 320 });
  const editorToggle = page.getByRole('button', { name: 'Editor' });
  await expect(editorToggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => widthOf(page, '.vis-panel.vis-center')).toBeGreaterThanOrEqual(256);
  expect(await overflowsWindow(page)).toBe(false);
  expect(await clippedAxisLabels(page)).toEqual([]);
  await app.screenshot('layout-zoom-200');

  const plot = await widthOf(page, '.vis-panel.vis-center');
  await editorToggle.click();
  await expect(page.getByRole('complementary', { name: 'Event editor' })).toBeVisible();
  expect(await widthOf(page, '.vis-panel.vis-center')).toBe(plot);
  await app.screenshot('layout-zoom-200-editor');
  app.assertNothingWentWrong();
});
