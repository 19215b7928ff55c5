/**
 * A desk of many stories (issue 17, part 1), as a user drives it: the Stories panel, New story,
 * Open story… (Ctrl+K, type to find), Duplicate story, Delete story to the trash and Restore,
 * and a file imported as a new story. Each switch mounts the window's app again on the story now
 * open, in the same page.
 */
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const SEED = "Putin's state visit to North Korea";

test('a user makes a second story, finds and opens the first again, and the last one reopens', async ({
  app,
  page,
}) => {
  const heading = page.getByRole('heading', { level: 1 });
  const seedTitle = (await app.stored()).timeline.title;
  const stories = page.getByRole('complementary', { name: 'Stories' });
  await app.button('Stories').click();
  await expect(stories).toBeVisible();
  await expect(stories.getByRole('listitem')).toHaveCount(1);
  await expect(stories.getByRole('listitem').first()).toContainText('5 events · open · changed');

  await stories.getByRole('button', { name: 'New story' }).click();
  const dialog = page.getByRole('dialog', { name: 'New story' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Title is empty');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Gaza ceasefire talks');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(heading).toHaveText('Gaza ceasefire talks');
  await expect(page).toHaveTitle('\u2068Gaza ceasefire talks\u2069 — Timeline Desk');
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await expect(app.item(SEED)).toHaveCount(0);
  expect((await app.stored()).events).toEqual([]);

  await app.button('Stories').click();
  await expect(stories.getByRole('listitem')).toHaveCount(2);
  await expect(stories.getByRole('listitem').first()).toContainText('Gaza ceasefire talks');
  await expect(stories.getByRole('button', { name: 'Gaza ceasefire talks' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await app.screenshot('stories-panel');
  await page.keyboard.press('Escape');
  await expect(stories).toBeHidden();
  await expect(app.button('Stories')).toBeFocused();

  // Ctrl+K: type to find, Enter opens.
  await page.keyboard.press('Control+k');
  const open = page.getByRole('dialog', { name: 'Open story' });
  const find = open.getByRole('combobox', { name: 'Find a story' });
  await expect(find).toBeFocused();
  await find.fill('gaza');
  await expect(open.getByRole('option')).toHaveCount(1);
  await find.fill('putin nort');
  await expect(open.getByRole('option')).toHaveText([new RegExp(seedTitle.slice(0, 20))]);
  await app.screenshot('open-story');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(seedTitle);
  await expect(app.item(SEED)).toHaveCount(1);
  expect((await app.stored()).events).toHaveLength(5);

  // The story open last is the one the window opens on.
  await page.reload();
  await expect(heading).toHaveText(seedTitle);
});

test('switching stories keeps the page, and leaves nothing of the story left listening', async ({
  app,
  page,
}) => {
  const heading = page.getByRole('heading', { level: 1 });
  const seedTitle = (await app.stored()).timeline.title;
  const openByKeys = async (title: string): Promise<void> => {
    await page.keyboard.press('Control+k');
    const open = page.getByRole('dialog', { name: 'Open story' });
    await open.getByRole('combobox', { name: 'Find a story' }).fill(title);
    await expect(open.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(heading).toHaveText(title);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
  };
  await page.evaluate(() => Object.assign(globalThis, { samePage: true }));
  const before = await pageListeners(page);

  await app.button('Stories').click();
  await page.getByRole('button', { name: 'New story' }).click();
  const dialog = page.getByRole('dialog', { name: 'New story' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Talks');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(heading).toHaveText('Talks');
  await openByKeys(seedTitle);
  await openByKeys('Talks');
  await openByKeys(seedTitle);
  await expect(app.item(SEED)).toHaveCount(1);

  // The same page all along: nothing was loaded again.
  expect(await page.evaluate(() => 'samePage' in globalThis)).toBe(true);
  // A press anywhere lets the menus of the apps taken down let go of the document.
  await heading.click();
  expect(await pageListeners(page)).toEqual(before);
  // The zone setting outlives the apps taken down: a change still reaches the one shown.
  await page.getByRole('button', { name: /^Times in / }).click();
  await page.getByRole('button', { name: 'UTC', exact: true }).click();
  await expect(page.locator('.axis-corner')).toHaveText('Axis in UTC');

  // One app answers the keys: one Undo undoes one change, in the story shown.
  await app.item(SEED).click();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(app.item(SEED)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(app.item(SEED)).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  expect((await app.stored()).events).toHaveLength(5);
});

/** The listeners on the page's window and document, by type ("keydown × 2"). */
async function pageListeners(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const counted: string[] = [];
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId ?? '',
    });
    const byType = new Map<string, number>();
    for (const { type } of listeners) byType.set(type, (byType.get(type) ?? 0) + 1);
    counted.push(...[...byType].map(([type, count]) => `${target} ${type} × ${count}`));
  }
  await cdp.detach();
  return counted.sort();
}

test('a user duplicates the story, deletes it to the trash, and restores it', async ({
  app,
  page,
}) => {
  const heading = page.getByRole('heading', { level: 1 });
  const seedTitle = (await app.stored()).timeline.title;
  await app.runFromMoreMenu('Duplicate story');
  await expect(app.status()).toContainText(`Duplicated the story as “${seedTitle} (copy)”`);

  await app.runFromMoreMenu('Delete story');
  const confirm = page.getByRole('dialog', { name: `Delete story “${seedTitle}”?` });
  await expect(confirm).toContainText('stays there for 30 days');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete story' }).click();
  // The copy opens in its place.
  await expect(heading).toHaveText(`${seedTitle} (copy)`);
  await expect(app.item(SEED)).toHaveCount(1);

  await app.button('Stories').click();
  const stories = page.getByRole('complementary', { name: 'Stories' });
  const trash = stories.getByRole('list', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash).toContainText(seedTitle);
  await app.screenshot('stories-trash');
  await trash.getByRole('button', { name: 'Restore' }).click();
  await expect(stories.getByText('The trash is empty.')).toBeVisible();
  await stories.getByRole('button', { name: seedTitle, exact: true }).click();
  await expect(heading).toHaveText(seedTitle);
});

test('a file imported as a new story opens as one, and the story it came from keeps its events', async ({
  app,
  page,
}) => {
  const heading = page.getByRole('heading', { level: 1 });
  const seedTitle = (await app.stored()).timeline.title;
  await app.chooseImportFile(join('e2e', 'fixtures', 'talks.timelinejs.json'));
  await app.answerImport('talks.timelinejs.json', 'Import as a new story');
  await expect(heading).not.toHaveText(seedTitle);
  const imported = await app.stored();
  expect(imported.events.length).toBeGreaterThan(0);
  await expect(app.item(SEED)).toHaveCount(0);

  await page.keyboard.press('Control+k');
  const open = page.getByRole('dialog', { name: 'Open story' });
  await open.getByRole('combobox', { name: 'Find a story' }).fill('putin');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(seedTitle);
  expect((await app.stored()).events).toHaveLength(5);
});
