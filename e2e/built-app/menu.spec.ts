/**
 * Every item of the application menu the built main process builds, invoked one by one through
 * its click handler or its role (as Electron runs them), does what its label says.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator } from '@playwright/test';

import { storeOnDisk } from '../../test/fixtures/on-disk';
import { SEED_TITLES } from '../window-steps';
import { type Desk, expect, test } from './fixtures';

const VISIT = "Putin's state visit to North Korea";

/** The items of the Linux/Windows menu as the app builds it, and the test that proves each. */
const EXPECTED_ITEMS = [
  '&File>New story…',
  '&File>Open story…',
  '&File>Rename story…',
  '&File>Duplicate story',
  '&File>Delete story…',
  '&File>Import…',
  '&File>Export>JSON…',
  '&File>Export>TimelineJS…',
  '&File>Export>CSV…',
  '&File>Export>Markwhen…',
  '&File>Export>iCalendar…',
  '&File>Export chronology…',
  '&File>Restore backup…',
  '&File>quit',
  '&Edit>Undo',
  '&Edit>Redo',
  '&Edit>Find',
  '&Edit>Find next',
  '&Edit>Find previous',
  '&Edit>Copy chronology',
  '&Edit>cut',
  '&Edit>copy',
  '&Edit>paste',
  '&Edit>selectAll',
  'Eve&nt>Add event',
  'Eve&nt>Add follow-up',
  'Eve&nt>Delete event',
  'Eve&nt>Save',
  '&View>Timeline',
  '&View>Chronology',
  '&View>Zoom in',
  '&View>Zoom out',
  '&View>Fit',
  '&View>togglefullscreen',
  'windowMenu>minimize',
  'windowMenu>close',
  '&Help>About Timeline Desk',
];

const click = (desk: Desk, path: string): Promise<void> => desk.app.clickMenu(path.split('>'));

/** The left edge of an event's box: it moves when the view zooms. */
async function widthOf(item: Locator): Promise<number> {
  return (await item.boundingBox())?.width ?? 0;
}

test('the production menu has exactly these items: no reload, no DevTools', async ({ launch }) => {
  const desk = await launch();
  const items = await desk.app.menu();
  expect(items.map((item) => item.path.join('>'))).toEqual(EXPECTED_ITEMS);
  expect(items.every((item) => item.enabled)).toBe(true);
  // Every item without a role runs its own command.
  expect(items.filter((item) => !item.role).every((item) => item.hasClick)).toBe(true);
  await desk.app.quit();
});

test('File: Rename story, Import, each Export through the save dialog, and Restore backup', async ({
  launch,
  home,
  dataDir,
}) => {
  const desk = await launch();
  await test.step('Import… offers the file chooser, and the chosen file is previewed', async () => {
    await click(desk, '&File>Import…');
    // A menu click is no user gesture, so the window asks first: its button's click is one.
    const choose = desk.page
      .getByRole('dialog', { name: 'Import' })
      .getByRole('button', { name: 'Choose file…' });
    await expect(choose).toBeFocused();
    const chooser = desk.page.waitForEvent('filechooser');
    await choose.click();
    await (await chooser).setFiles(join('e2e', 'fixtures', 'sanctions.csv'));
    const preview = desk.page.getByRole('dialog', { name: 'Import sanctions.csv' });
    await expect(preview).toContainText('New events');
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview).toBeHidden();
  });
  const documents = join(home, 'Documents');
  const exports = [
    ['JSON…', /\.timeline\.json$/, 'JSON'],
    ['TimelineJS…', /\.timelinejs\.json$/, 'JSON'],
    ['CSV…', /\.csv$/, 'CSV'],
    ['Markwhen…', /\.mw$/, 'Markwhen'],
    ['iCalendar…', /\.ics$/, 'iCalendar'],
  ] as const;
  for (const [label, ending, kind] of exports) {
    await test.step(`Export > ${label} saves where the dialog says`, async () => {
      const before = (await desk.app.record()).saveDialogs.length;
      await click(desk, `&File>Export>${label}`);
      await expect.poll(async () => (await desk.app.record()).saveDialogs.length).toBe(before + 1);
      const dialog = (await desk.app.record()).saveDialogs[before]!;
      expect(dialog.defaultPath.startsWith(documents)).toBe(true);
      expect(dialog.defaultPath).toMatch(ending);
      await expect(desk.page.locator('.status-line')).toContainText(
        `Exported to ${dialog.answer!}`,
      );
      const text = await readFile(dialog.answer!, 'utf8');
      expect(text).toContain(kind === 'iCalendar' ? 'BEGIN:VCALENDAR' : 'Putin travels on');
    });
  }
  expect((await readdir(documents)).length).toBe(exports.length);
  await test.step('Export chronology… saves the Markdown and the HTML where the dialogs say', async () => {
    const before = (await desk.app.record()).saveDialogs.length;
    await click(desk, '&File>Export chronology…');
    await expect.poll(async () => (await desk.app.record()).saveDialogs.length).toBe(before + 2);
    const [markdown, html] = (await desk.app.record()).saveDialogs.slice(before);
    expect(markdown!.defaultPath).toMatch(/-chronology\.md$/);
    expect(html!.defaultPath).toMatch(/-chronology\.html$/);
    await expect(desk.page.locator('.status-line')).toContainText(
      `Exported to ${markdown!.answer!} and ${html!.answer!}`,
    );
    expect(await readFile(markdown!.answer!, 'utf8')).toContain('### June 2024');
    expect(await readFile(html!.answer!, 'utf8')).toContain('<h3>June 2024</h3>');
  });
  await test.step('Rename story… renames the story', async () => {
    await click(desk, '&File>Rename story…');
    const dialog = desk.page.getByRole('dialog', { name: 'Rename story' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Putin in Pyongyang');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(desk.page.getByRole('heading', { level: 1 })).toHaveText('Putin in Pyongyang');
  });
  await test.step('New story… and Open story… switch the window between stories', async () => {
    const heading = desk.page.getByRole('heading', { level: 1 });
    await click(desk, '&File>New story…');
    const dialog = desk.page.getByRole('dialog', { name: 'New story' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('A second story');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(heading).toHaveText('A second story');
    await click(desk, '&File>Open story…');
    const open = desk.page.getByRole('dialog', { name: 'Open story' });
    await open.getByRole('combobox', { name: 'Find a story' }).fill('pyongyang');
    await desk.page.keyboard.press('Enter');
    await expect(heading).toHaveText('Putin in Pyongyang');
    // The window's app was mounted three times: one menu click still adds one event.
    const before = (await storeOnDisk(dataDir)).events.length;
    await click(desk, 'Eve&nt>Add event');
    await expect(desk.item('New event')).toHaveCount(1);
    await expect(desk.saveState()).toHaveText('All changes saved');
    expect((await storeOnDisk(dataDir)).events.length).toBe(before + 1);
  });
  await test.step('Restore backup… lists the backups', async () => {
    await click(desk, '&File>Restore backup…');
    const dialog = desk.page.getByRole('dialog', { name: 'Restore backup' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
  expect(await desk.app.quit()).toBe(0);
  desk.assertNothingWentWrong();
});

test('File > Quit quits the app', async ({ launch }) => {
  const desk = await launch();
  await click(desk, '&File>quit');
  expect(await desk.app.exited).toBe(0);
});

test('Event and Edit: add, save, follow up, delete, undo and redo, and the text roles', async ({
  launch,
}) => {
  const desk = await launch();
  const title = desk.field('Title');
  await test.step('Add event opens a new event in the editor', async () => {
    await click(desk, 'Eve&nt>Add event');
    await expect(title).toBeFocused();
    await expect(title).toHaveValue('New event');
  });
  await test.step('Edit > selectAll, cut, paste and copy work in the field', async () => {
    await title.fill('Summit opens');
    await click(desk, '&Edit>selectAll');
    await click(desk, '&Edit>cut');
    await expect(title).toHaveValue('');
    await click(desk, '&Edit>paste');
    await expect(title).toHaveValue('Summit opens');
    await click(desk, '&Edit>selectAll');
    await click(desk, '&Edit>copy');
    await title.press('End');
    await click(desk, '&Edit>paste');
    await expect(title).toHaveValue('Summit opensSummit opens');
    await title.fill('Summit opens');
  });
  await test.step('Save saves the editor', async () => {
    await click(desk, 'Eve&nt>Save');
    await expect(desk.item('Summit opens')).toBeVisible();
  });
  await test.step('Undo and Redo run the app history', async () => {
    await desk.button('Fit').click(); // out of the text field
    await click(desk, '&Edit>Undo');
    await expect(desk.item('Summit opens')).toHaveCount(0);
    await expect(desk.item('New event')).toHaveCount(1);
    await click(desk, '&Edit>Redo');
    await expect(desk.item('Summit opens')).toHaveCount(1);
  });
  await test.step('Add follow-up follows up the selected event', async () => {
    await desk.selectEvent(VISIT);
    await click(desk, 'Eve&nt>Add follow-up');
    await expect(title).toBeFocused();
    await expect(desk.page.getByText(VISIT, { exact: false }).first()).toBeVisible();
    await desk.field('Title').fill('Follow-up from the menu');
    await click(desk, 'Eve&nt>Save');
    await expect(desk.item('Follow-up from the menu')).toBeVisible();
  });
  await test.step('Delete event asks, then deletes', async () => {
    await desk.selectEvent(SEED_TITLES[0]!);
    await click(desk, 'Eve&nt>Delete event');
    const dialog = desk.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(desk.item(SEED_TITLES[0]!)).toHaveCount(0);
  });
  await test.step('Find puts the caret in Search; Find next and Find previous go through the matches', async () => {
    await click(desk, '&Edit>Find');
    const search = desk.page.getByRole('searchbox', { name: 'Search' });
    await expect(search).toBeFocused();
    await search.fill('vladimir');
    await desk.button('Fit').click(); // out of the field
    await click(desk, '&Edit>Find next');
    await expect(desk.field('Title')).toHaveValue("Putin hosts Kim Jong Un in Russia's Far East");
    await click(desk, '&Edit>Find previous');
    await expect(desk.field('Title')).toHaveValue("Putin's state visit to North Korea");
  });
  await test.step('Copy chronology copies the events the search shows', async () => {
    await click(desk, '&Edit>Copy chronology');
    await expect(desk.status()).toContainText('Copied the chronology: 3 events');
  });
  expect(await desk.app.quit()).toBe(0);
  desk.assertNothingWentWrong();
});

test('View and Window: zoom, fit, full screen, minimize, About', async ({ launch }) => {
  const desk = await launch();
  const item = desk.item(SEED_TITLES[0]!);
  await desk.button('Fit').click();
  const fitted = await widthOf(item);
  await test.step('Zoom in and Zoom out change the view', async () => {
    await click(desk, '&View>Zoom in');
    await expect.poll(() => widthOf(item)).toBeGreaterThan(fitted);
    const zoomed = await widthOf(item);
    await click(desk, '&View>Zoom out');
    await expect.poll(() => widthOf(item)).toBeLessThan(zoomed);
  });
  await test.step('Fit shows every event', async () => {
    await click(desk, '&View>Zoom in');
    await click(desk, '&View>Zoom in');
    await click(desk, '&View>Fit');
    for (const title of SEED_TITLES) await expect(desk.item(title)).toBeInViewport();
  });
  await test.step('Chronology shows the list in place of the timeline, Timeline brings it back', async () => {
    const list = desk.page.getByRole('listbox', { name: 'Chronology' });
    await click(desk, '&View>Chronology');
    await expect(list).toBeFocused();
    await expect(list.getByRole('option')).toHaveCount(SEED_TITLES.length);
    await expect(item).toBeHidden();
    await click(desk, '&View>Timeline');
    await expect(list).toBeHidden();
    await expect(item).toBeVisible();
  });
  await test.step('Toggle Full Screen', async () => {
    await click(desk, '&View>togglefullscreen');
    expect((await desk.app.windows())[0]!.fullScreen).toBe(true);
  });
  await test.step('Minimize', async () => {
    await click(desk, 'windowMenu>minimize');
    expect((await desk.app.windows())[0]!.minimized).toBe(true);
  });
  await test.step('About shows the About panel', async () => {
    await click(desk, '&Help>About Timeline Desk');
    expect((await desk.app.record()).aboutPanelShown).toBe(1);
  });
  expect(await desk.app.quit()).toBe(0);
});

test('Window > Close closes the window, and on Linux the app with it', async ({
  launch,
  dataDir,
}) => {
  const desk = await launch();
  await click(desk, 'windowMenu>close');
  expect(await desk.app.exited).toBe(0);
  // The window's size and place were kept for the next start.
  const state = JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8')) as object;
  expect(state).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
});
