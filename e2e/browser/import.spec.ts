/** Import: preview, Merge, Replace, Cancel, refusals and hostile files, by chooser and by drop. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TimelineDocument } from '../../src/shared/schema';
import { SEED_TITLES } from '../window-steps';
import type { AppDriver } from './app-driver';
import { expect, test } from './fixtures';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const SANCTIONS = [
  'UN panel of experts mandate expires',
  'Eleven countries launch their own sanctions monitoring team',
];

/** The timeline as Export JSON writes it, read back from the exports folder. */
async function exportJson(app: AppDriver): Promise<TimelineDocument> {
  await app.button('Export JSON').click();
  await expect(app.status()).toContainText('Exported to');
  const [file] = await app.exportedFiles();
  return (await app.readJson(join(app.shell.exportsDir, file!))) as TimelineDocument;
}

test('a user re-imports an edited export: the preview counts the changes, Merge applies them', async ({
  app,
}, testInfo) => {
  const exported = await exportJson(app);
  const edited: TimelineDocument = {
    ...exported,
    events: exported.events.map((event, i) =>
      i < 2 ? { ...event, description: `${event.description} (updated)` } : event,
    ),
  };
  const path = testInfo.outputPath('edited.timeline.json');
  await writeFile(path, JSON.stringify(edited, null, 2));
  const before = await app.stored();

  await app.chooseImportFile(path);
  expect(await app.importPreview('edited.timeline.json')).toEqual({
    Format: 'Timeline Desk JSON',
    'Events in the file': '5',
    'New events': '0',
    'Would change (same id)': '2',
    Unchanged: '3',
    'New lanes': 'None',
  });
  await app.screenshot('import-preview');
  // Nothing changes before the user answers.
  expect(await app.stored()).toEqual(before);

  await app.answerImport('edited.timeline.json', 'Merge');
  await expect(app.status()).toHaveText('Imported 2 events: 0 new, 2 changed');
  await expect
    .poll(async () => (await app.stored()).events.map((event) => event.description))
    .toEqual(edited.events.map((event) => event.description));
  await app.selectEvent(edited.events[0]!.title);
  await expect(app.field('Description')).toHaveValue(edited.events[0]!.description);

  // One undo takes the whole import back.
  await expect(app.button('Undo')).toHaveAttribute('title', /^Undo Import/);
  await app.undo();
  await expect.poll(() => app.stored()).toEqual(before);
  await expect(app.field('Description')).toHaveValue(before.events[0]!.description);
});

test('a user merges a CSV file: its events and its new lane join the timeline', async ({ app }) => {
  await app.chooseImportFile(fixture('sanctions.csv'));
  expect(await app.importPreview('sanctions.csv')).toMatchObject({
    Format: 'CSV',
    'Events in the file': '2',
    'New events': '2',
    'Would change (same id)': '0',
    'New lanes': 'Sanctions',
  });
  await app.answerImport('sanctions.csv', 'Merge');
  await expect(app.status()).toHaveText('Imported 2 events: 2 new, 0 changed');
  await app.button('Fit').click();
  for (const title of [...SEED_TITLES, ...SANCTIONS]) await expect(app.item(title)).toHaveCount(1);
  await expect(app.page.locator('.vis-label', { hasText: 'Sanctions' })).toBeVisible();

  const stored = await app.stored();
  expect(stored.lanes.map((lane) => lane.title)).toContain('Sanctions');
  expect(stored.events.find((event) => event.title === SANCTIONS[1])).toMatchObject({
    tags: ['sanctions', 'monitoring'],
    actors: ['United States', 'Japan', 'South Korea'],
  });
  // The editor offers the new lane.
  await app.selectEvent(SANCTIONS[0]!);
  await expect(app.field('Lane').locator('option:checked')).toHaveText('Sanctions');

  // The same file again: nothing new, nothing changed.
  await app.chooseImportFile(fixture('sanctions.csv'));
  expect(await app.importPreview('sanctions.csv')).toMatchObject({
    'New events': '0',
    'Would change (same id)': '0',
    Unchanged: '2',
    'New lanes': 'None',
  });
  await app.answerImport('sanctions.csv', 'Cancel');
  await expect(app.status()).toHaveText('Import cancelled');
});

test('a user replaces the timeline with a TimelineJS file, and undoes it', async ({ app }) => {
  const before = await app.stored();
  await app.chooseImportFile(fixture('talks.timelinejs.json'));
  const dialog = app.importDialog('talks.timelinejs.json');
  expect(await app.importPreview('talks.timelinejs.json')).toMatchObject({
    Format: 'TimelineJS JSON',
    'Events in the file': '3',
    'New events': '3',
  });
  const replace = dialog.getByRole('button', { name: 'Replace', exact: true });
  await expect(replace).toHaveAccessibleDescription(/replaces the whole timeline.*5 events/);
  await app.answerImport('talks.timelinejs.json', 'Replace');
  await expect(app.status()).toHaveText('Imported 3 events; they replace the timeline');

  await app.button('Fit').click();
  await expect(app.item('Putin and Kim sign a mutual defence pact')).toBeVisible();
  await expect(app.item('Putin in Hanoi')).toBeVisible();
  for (const title of SEED_TITLES) await expect(app.item(title)).toHaveCount(0);
  const replaced = await app.stored();
  expect(replaced.events).toHaveLength(3);
  await expect(app.page.locator('.status-count')).toHaveText('3 events');
  // The header shows the timeline's title as the store now has it.
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(replaced.timeline.title);

  await app.undo();
  await expect.poll(() => app.stored()).toEqual(before);
  await app.button('Fit').click();
  for (const title of SEED_TITLES) await expect(app.item(title)).toHaveCount(1);
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(before.timeline.title);
  await app.redo();
  await expect(app.item('Putin in Hanoi')).toBeVisible();
});

test('Cancel and Escape leave the timeline as it was', async ({ app, page }) => {
  const before = await app.stored();
  await app.chooseImportFile(fixture('sanctions.csv'));
  await app.answerImport('sanctions.csv', 'Cancel');
  await expect(app.status()).toHaveText('Import cancelled');
  // The shortcut opens the chooser too.
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(fixture('talks.timelinejs.json'));
  await expect(app.importDialog('talks.timelinejs.json')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.importDialog('talks.timelinejs.json')).toBeHidden();
  await expect(app.status()).toHaveText('Import cancelled');
  expect(await app.stored()).toEqual(before);
  await expect(app.button('Undo')).toBeDisabled();
});

test('a bad file is refused with the place of the first problem, and nothing changes', async ({
  app,
}, testInfo) => {
  const exported = await exportJson(app);
  const bad = structuredClone(exported) as { events: { start: string }[] };
  bad.events[3]!.start = '2024-13-01';
  const path = testInfo.outputPath('bad-date.timeline.json');
  await writeFile(path, JSON.stringify(bad));
  const before = await app.stored();

  await app.chooseImportFile(path);
  const dialog = app.importDialog('bad-date.timeline.json');
  await expect(dialog.getByRole('alert')).toHaveText('events[3].start: "2024-13-01" is not a date');
  await app.screenshot('import-refused');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await app.stored()).toEqual(before);
  await expect(app.button('Undo')).toBeDisabled();

  const notJson = testInfo.outputPath('notes.json');
  await writeFile(notJson, '{"events": [');
  await app.chooseImportFile(notJson);
  await expect(app.importDialog('notes.json').getByRole('alert')).not.toBeEmpty();
  await app.importDialog('notes.json').getByRole('button', { name: 'Close' }).click();
  expect(await app.stored()).toEqual(before);
});

test('a file over 50 MB is refused before it is read', async ({ app, shell }, testInfo) => {
  test.skip(
    shell.kind === 'built-app',
    'Playwright hands a browser it reached over CDP no file over 50 MB; the built app refuses one opened from the system in e2e/built-app/startup.spec.ts',
  );
  const path = testInfo.outputPath('huge.csv');
  await writeFile(path, `id,title,start\n${'x'.repeat(51 * 1024 * 1024)}`);
  await app.chooseImportFile(path);
  await expect(app.importDialog('huge.csv').getByRole('alert')).toContainText('up to 50 MB');
  await app.importDialog('huge.csv').getByRole('button', { name: 'Close' }).click();
  await expect(app.button('Undo')).toBeDisabled();
});

test('hostile files: markup shows as text, bad links are refused, nothing runs or loads', async ({
  app,
  page,
}) => {
  const before = await app.stored();
  await app.chooseImportFile(fixture('hostile.csv'));
  const refused = app.importDialog('hostile.csv').getByRole('alert');
  await expect(refused).toContainText('row 2');
  await expect(refused).toContainText('url');
  await app.importDialog('hostile.csv').getByRole('button', { name: 'Close' }).click();
  expect(await app.stored()).toEqual(before);

  await app.chooseImportFile(fixture('hostile.timelinejs.json'));
  await expect(app.importDialog('hostile.timelinejs.json')).toBeVisible();
  await app.answerImport('hostile.timelinejs.json', 'Merge');
  await expect(app.status()).toContainText('Imported 2 events');
  const stored = await app.stored();
  const imported = stored.events.filter((event) => !before.events.some((e) => e.id === event.id));
  expect(imported).toHaveLength(2);
  for (const event of imported) {
    await app.button('Fit').click();
    await expect(app.item(event.title)).toHaveCount(1);
    for (const source of event.sources) expect(source.url ?? '').toMatch(/^(https?:|$)/);
  }
  // Markup in the file never became elements of the page.
  await expect(page.locator('.vis-item img, .vis-item script, .vis-item svg b')).toHaveCount(0);
  expect(await page.locator('img[src="x"], b[onmouseover], svg[onload]').count()).toBe(0);
  for (const event of imported) {
    await app.selectEvent(event.title);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  }
  // The driver fails the test on any dialog, page error or request that left the app.
});

test('dropping a file on the window imports it, with a drop target while it is over', async ({
  app,
  page,
}) => {
  await app.dropFile(fixture('sanctions.csv'), async () => {
    await expect(page.getByText('Drop the file to import it')).toBeVisible();
    await app.screenshot('import-drop-target');
  });
  await expect(page.getByText('Drop the file to import it')).toBeHidden();
  expect(await app.importPreview('sanctions.csv')).toMatchObject({ 'New events': '2' });
  await app.answerImport('sanctions.csv', 'Merge');
  await app.button('Fit').click();
  for (const title of SANCTIONS) await expect(app.item(title)).toBeVisible();
  expect((await app.stored()).events).toHaveLength(SEED_TITLES.length + 2);
});

test('the import preview is a keyboard-usable dialog', async ({ app, page }) => {
  await app.chooseImportFile(fixture('sanctions.csv'));
  const dialog = app.importDialog('sanctions.csv');
  await expect(dialog.getByRole('heading', { name: 'Import sanctions.csv' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Merge' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Import as a new story' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Replace' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.status()).toHaveText('Imported 2 events: 2 new, 0 changed');
});

test('the preview of a TimelineJS file lists what is not kept as the file had it', async ({
  app,
}) => {
  // TimelineJS's own example of every media kind (test/fixtures/timelinejs/SOURCE.md).
  const file = fileURLToPath(
    new URL('../../test/fixtures/timelinejs/all-media-types.json', import.meta.url),
  );
  await app.chooseImportFile(file);
  const dialog = app.importDialog('all-media-types.json');
  const notes = dialog.getByRole('region', { name: 'Not kept as in the file' });
  await expect(notes.getByRole('listitem')).toHaveText([
    "2 media embeds (tweets, iframes, quotes) are kept as a source's quote",
    '1 media embed with no text or link is not kept',
  ]);
  await app.screenshot('import-notes');
  await app.answerImport('all-media-types.json', 'Merge');
  await expect
    .poll(async () =>
      (await app.stored()).events.some((event) =>
        event.sources.some((source) => source.quote === 'This is a block quote.'),
      ),
    )
    .toBe(true);
});

test('a TimelineJS Google-sheet CSV is imported as TimelineJS reads it', async ({ app }) => {
  // TimelineJS's own sheet template saved as CSV (test/fixtures/timelinejs/SOURCE.md).
  const file = fileURLToPath(
    new URL('../../test/fixtures/timelinejs/my-own-timeline.csv', import.meta.url),
  );
  await app.chooseImportFile(file);
  expect(await app.importPreview('my-own-timeline.csv')).toMatchObject({
    Format: 'TimelineJS sheet (CSV)',
    'Events in the file': '10',
    'New events': '10',
  });
  await app.answerImport('my-own-timeline.csv', 'Replace');
  await expect(app.status()).toHaveText('Imported 10 events; they replace the timeline');
  // The sheet's title row names the story.
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('MY OWN CSV');
  const ada = (await app.stored()).events.find((event) => event.title === 'Ada Lovelace');
  expect([ada?.start, ada?.end]).toEqual(['1815-12-10', '1852-11-27']);
});

test('a CSV with bad rows lists each one, and the user imports the good rows', async ({
  app,
  page,
}, testInfo) => {
  const path = testInfo.outputPath('talks.csv');
  await writeFile(
    path,
    [
      'id,title,start,end',
      '1,Talks open,2024-07-01,',
      '2,Bad month,2024-13-01,',
      '3,,2024-07-02,',
      '4,Talks close,2024-07-03,2024-07-01',
      '5,Summit,2024-07-05,',
    ].join('\n'),
  );
  await app.chooseImportFile(path);
  const dialog = app.importDialog('talks.csv');
  const bad = dialog.getByRole('region', { name: 'Rows that cannot be imported' });
  await expect(bad).toContainText('3 rows cannot be imported');
  await expect(bad.getByRole('listitem')).toHaveText([
    /^row 3, start: "2024-13-01"/,
    /^row 4, title: /,
    /^row 5, end: /,
  ]);
  await app.screenshot('import-bad-rows');
  // Every choice is in view inside the dialog, however long its words.
  const box = await dialog.boundingBox();
  for (const button of await dialog.getByRole('button').all()) {
    const at = await button.boundingBox();
    expect(at && box && at.x >= box.x && at.x + at.width <= box.x + box.width).toBe(true);
  }
  await dialog.getByRole('button', { name: 'Import the 2 good rows' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await app.storedEvent('Summit'))?.start).toBe('2024-07-05');
  expect(await app.storedEvent('Bad month')).toBeUndefined();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
});

test('an iCalendar file is previewed and merged: all-day events keep their days', async ({
  app,
}) => {
  // Our own calendar of the Korea desk (test/fixtures/icalendar/SOURCE.md).
  const file = fileURLToPath(
    new URL('../../test/fixtures/icalendar/newsroom-all-day.ics', import.meta.url),
  );
  await app.chooseImportFile(file);
  const figures = await app.importPreview('newsroom-all-day.ics');
  expect(figures['Format']).toBe('iCalendar');
  await app.answerImport('newsroom-all-day.ics', 'Merge');
  await expect
    .poll(async () => {
      const summit = await app.storedEvent('Summit talks');
      return summit && [summit.start, summit.end];
    })
    .toEqual(['2024-06-18', '2024-06-20']);
  expect((await app.storedEvent('Putin arrives in Pyongyang'))?.end).toBeNull();
});

test('a table of the user’s own: they say which column holds what, and it is remembered', async ({
  app,
  page,
}, testInfo) => {
  const path = testInfo.outputPath('desk-notes.csv');
  await writeFile(
    path,
    [
      'when it happened;what;link',
      '19 June 2024;Putin lands in Pyongyang;https://example.org/a',
    ].join('\n'),
  );
  await app.chooseImportFile(path);
  const dialog = app.importDialog('desk-notes.csv');
  const start = dialog.getByRole('combobox', { name: 'Date or start' });
  await expect(start).toBeFocused();
  await expect(start).toHaveValue('');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Choose the columns of the date and of the title.',
  );
  await start.selectOption('when it happened');
  await dialog.getByRole('combobox', { name: 'Title' }).selectOption('what');
  await dialog.getByRole('combobox', { name: 'Source URL' }).selectOption('link');
  await app.screenshot('import-table-mapping');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  expect(await app.importPreview('desk-notes.csv')).toMatchObject({
    Format: 'Table (CSV or TSV), columns as chosen',
    'New events': '1',
  });
  await app.answerImport('desk-notes.csv', 'Merge');
  await expect
    .poll(async () => (await app.storedEvent('Putin lands in Pyongyang'))?.sources[0]?.url)
    .toBe('https://example.org/a');

  // The next file with the same columns opens with the same choice.
  const next = testInfo.outputPath('more-notes.csv');
  await writeFile(next, ['when it happened;what;link', 'June 2024;Summit month;'].join('\n'));
  await app.chooseImportFile(next);
  const again = app.importDialog('more-notes.csv');
  await expect(again.getByRole('combobox', { name: 'Date or start' })).toHaveValue(
    'when it happened',
  );
  await expect(again.getByRole('combobox', { name: 'Title' })).toHaveValue('what');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
