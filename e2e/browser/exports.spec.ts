/** Exports: each format from the toolbar lands in <dataDir>/exports/ and says where. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, test } from './fixtures';

const FORMATS = [
  { entry: 'Export TimelineJS', extension: /\.json$/, holds: (text: string) => JSON.parse(text) },
  { entry: 'Export CSV', extension: /\.csv$/, holds: (text: string) => text },
  { entry: 'Export Markwhen', extension: /\.mw$/, holds: (text: string) => text },
  { entry: 'Export iCalendar', extension: /\.ics$/, holds: (text: string) => text },
] as const;

for (const { entry, extension, holds } of FORMATS) {
  test(`${entry} from the More menu writes a file into exports/`, async ({ app }) => {
    await app.runFromMoreMenu(entry);
    await expect(app.status()).toContainText('Exported to');
    const files = await app.exportedFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(extension);
    const path = join(app.shell.exportsDir, files[0]!);
    await expect(app.status()).toHaveText(`Exported to ${path}`);
    const text = await readFile(path, 'utf8');
    const content = holds(text);
    // Every seed event is in the file (TimelineJS and iCalendar escape some characters).
    const flat = typeof content === 'string' ? content : JSON.stringify(content);
    expect(flat).toContain('Putin travels on to Vietnam');
  });
}

test('the More menu works from the keyboard', async ({ app, page }) => {
  const more = app.button('More');
  await more.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem', { name: 'Export TimelineJS' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Export CSV' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Delete story' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(app.status()).toContainText('Exported to');
  expect((await app.exportedFiles())[0]).toMatch(/\.csv$/);
});

test('every export lands in its own file', async ({ app }) => {
  await app.button('Export JSON').click();
  await expect(app.status()).toContainText('Exported to');
  for (const { entry } of FORMATS) {
    await app.runFromMoreMenu(entry);
    await expect.poll(async () => (await app.exportedFiles()).length).toBeGreaterThan(0);
  }
  await expect.poll(async () => (await app.exportedFiles()).length).toBe(5);
  await app.runFromMoreMenu('Export CSV');
  await expect.poll(async () => (await app.exportedFiles()).length).toBe(6);
});
