import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { formatPartialDate, type PartialDate } from '../../src/shared/partial-date';
import { storyFolder } from '../../test/fixtures/on-disk';
import { publishedSchemaValidator } from '../../test/published-schema';
import { SEED_TITLES } from '../window-steps';
import { expect, test } from './fixtures';

const VISIT = "Putin's state visit to North Korea";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

test('a user sees the five events of the seed article in their lanes', async ({ app, page }) => {
  await app.button('Fit').click();
  for (const title of SEED_TITLES) await expect(app.item(title)).toBeVisible();
  for (const lane of ['War in Ukraine', 'Russia–North Korea relations', 'United Nations']) {
    await expect(page.locator('.vis-label', { hasText: lane })).toBeVisible();
  }
  await app.selectEvent(VISIT);
  await expect(app.field('Start')).toHaveValue('2024-06-16');
  await expect(app.field('Status')).toHaveValue('scheduled');
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('a user creates an event, edits it, and finds it after a reload', async ({ app }) => {
  await app.addEvent();
  await app.edit({
    Title: 'Putin arrives in Pyongyang',
    Start: '2024-06-19T00:00Z',
    Tags: 'state visit, arrival',
    Actors: 'Vladimir Putin, Kim Jong Un',
    Location: 'Pyongyang',
    Description: 'Arrives after midnight local time.',
  });
  await app.field('Certainty').selectOption('reported');
  await app.save();
  await expect(app.item('Putin arrives in Pyongyang')).toBeVisible();

  const stored = await app.storedEvent('Putin arrives in Pyongyang');
  expect(stored).toMatchObject({
    start: '2024-06-19T00:00Z',
    tags: ['state visit', 'arrival'],
    actors: ['Vladimir Putin', 'Kim Jong Un'],
    location: 'Pyongyang',
    certainty: 'reported',
  });
  await app.reload();
  await app.selectEvent('Putin arrives in Pyongyang');
  await expect(app.field('Tags')).toHaveValue('state visit, arrival');
  await app.screenshot('created-event');
});

test('a user double-clicks empty timeline space to create an event at that date', async ({
  app,
}) => {
  const before = (await app.stored()).events.length;
  const box = (await app.timeline.locator('.vis-center').boundingBox())!;
  await app.doubleClickTimelineAt(box.x + box.width * 0.5, box.y + box.height - 10);
  await expect(app.field('Title')).toBeFocused();
  const after = await app.stored();
  expect(after.events).toHaveLength(before + 1);
  const created = after.events.at(-1)!;
  expect(created.start).toMatch(DAY);
  await app.edit({ Title: 'Created by double-click' });
  await app.save();
  await expect(app.item('Created by double-click')).toBeVisible();
});

test('a user drags an event to another date and resizes a range', async ({ app }) => {
  await app.selectEvent(VISIT);
  await app.edit({ End: '2024-06-19' });
  await app.save();
  await expect.poll(async () => (await app.storedEvent(VISIT))?.end).toBe('2024-06-19');
  await app.button('Fit').click();
  // Zoom in so that the visit is wide enough to grab its ends.
  for (let i = 0; i < 6; i++) await app.button('Zoom in').click();
  await app.item(VISIT).scrollIntoViewIfNeeded();

  const before = (await app.storedEvent(VISIT))!;
  await app.dragEvent(VISIT, 120);
  await expect.poll(async () => (await app.storedEvent(VISIT))?.start).not.toBe(before.start);
  const moved = (await app.storedEvent(VISIT))!;
  expect(moved.start).toMatch(DAY);
  expect(moved.start > before.start).toBe(true);
  expect(moved.end! > before.end!).toBe(true);

  await expect(app.status()).toHaveText(`Moved “${VISIT}” to ${datesInWords(moved)}`);

  await app.dragRangeEnd(VISIT, 'end', 80);
  await expect.poll(async () => (await app.storedEvent(VISIT))?.end).not.toBe(moved.end);
  const resized = (await app.storedEvent(VISIT))!;
  expect(resized.start).toBe(moved.start);
  expect(resized.end! > moved.end!).toBe(true);
  // The status line says what the drag did, with Undo beside it.
  await expect(app.status()).toHaveText(`Moved “${VISIT}” to ${datesInWords(resized)}`);
  await app.screenshot('drag-status');
  await app.page.locator('.status-line').getByRole('button', { name: 'Undo this move' }).click();
  await expect.poll(async () => (await app.storedEvent(VISIT))?.end).toBe(moved.end);
  await expect(
    app.page.locator('.status-line').getByRole('button', { name: 'Undo this move' }),
  ).toBeHidden();

  await app.reload();
  await app.selectEvent(VISIT);
  await expect(app.field('End')).toHaveValue(moved.end!);
});

/** "18 June 2024 – 21 June 2024", as the window writes an event's dates. */
function datesInWords(event: { start: PartialDate; end: PartialDate | null }): string {
  const start = formatPartialDate(event.start);
  return event.end === null ? start : `${start} – ${formatPartialDate(event.end)}`;
}

test('a user adds a follow-up and moves between it and its parent', async ({ app }) => {
  const veto = 'Russia vetoes continued UN monitoring of North Korea sanctions violations';
  await app.selectEvent(veto);
  await app.button('Add follow-up').click();
  await expect(app.field('Title')).toBeFocused();
  await app.edit({ Title: 'West condemns the veto', Start: '2024-03-29' });
  await app.save();

  // The save is a request to the services: wait for it to land, not for the click.
  await expect.poll(() => app.storedEvent('West condemns the veto')).toBeDefined();
  const stored = await app.stored();
  const parent = stored.events.find((event) => event.title === veto)!;
  const followUp = stored.events.find((event) => event.title === 'West condemns the veto')!;
  expect(followUp).toMatchObject({ followUpOf: parent.id, laneId: parent.laneId });

  const editor = app.page.getByRole('complementary');
  await editor.getByRole('button', { name: veto }).click();
  await expect(app.field('Title')).toHaveValue(veto);
  await editor.getByRole('button', { name: 'West condemns the veto' }).click();
  await expect(app.field('Title')).toHaveValue('West condemns the veto');
});

test('a user deletes an event only after confirming it', async ({ app, page }) => {
  await app.selectEvent(VISIT);
  // The question says what deleting does: it can be undone, and what becomes of the follow-up.
  await app.button('Delete event').click();
  await expect(page.getByRole('dialog')).toContainText(
    'Its follow-up stays on the timeline, unlinked from it. Undo brings it back and links them again.',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await app.deleteSelected(false);
  await expect(app.item(VISIT)).toBeVisible();
  expect(await app.storedEvent(VISIT)).toBeDefined();

  await app.deleteSelected(true);
  await expect(app.item(VISIT)).toHaveCount(0);
  expect(await app.storedEvent(VISIT)).toBeUndefined();
  // Its follow-up stays, no longer linked.
  expect((await app.storedEvent('Putin travels on to Vietnam'))?.followUpOf).toBeNull();

  // The Delete key asks too.
  await app.selectEvent('Putin travels on to Vietnam');
  await app.item('Putin travels on to Vietnam').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog')).toBeVisible();
  await app.screenshot('delete-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(app.item('Putin travels on to Vietnam')).toHaveCount(0);

  await app.reload();
  await expect(app.item(VISIT)).toHaveCount(0);
});

test('a user zooms in and out, and Fit shows every event', async ({ app }) => {
  await app.button('Fit').click();
  const fitted = await app.itemWidth("Russia's military campaign in Ukraine begins");
  await app.button('Zoom in').click();
  await expect
    .poll(() => app.itemWidth("Russia's military campaign in Ukraine begins"))
    .toBeGreaterThan(fitted * 1.2);
  await app.button('Zoom out').click();
  await app.button('Zoom out').click();
  await expect
    .poll(() => app.itemWidth("Russia's military campaign in Ukraine begins"))
    .toBeLessThan(fitted);

  await app.button('Fit').click();
  const frame = (await app.timeline.boundingBox())!;
  for (const title of SEED_TITLES) {
    await expect
      .poll(async () => {
        const box = await app.item(title).boundingBox();
        return (
          box !== null && box.x >= frame.x - 1 && box.x + box.width <= frame.x + frame.width + 1
        );
      })
      .toBe(true);
  }
});

test('a user exports the timeline as JSON that validates against the schema', async ({
  app,
  shell,
}) => {
  await app.button('Export JSON').click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();
  const files = await readdir(shell.exportsDir);
  expect(files).toHaveLength(1);
  const exported = await app.readJson(join(shell.exportsDir, files[0]!));
  const validate = publishedSchemaValidator();
  expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
  expect(exported).toEqual(await app.stored());
});

test('bad input is refused at its field and changes nothing', async ({ app }) => {
  await app.selectEvent(VISIT);
  const before = await app.stored();

  const cases: [Record<string, string>, string, RegExp][] = [
    [{ Start: '2024-13-01' }, 'Start', /not a date/],
    [{ Start: '2024-06-16', End: '2024-06-10' }, 'End', /before the start/],
    [{ End: '', Title: '   ' }, 'Title', /empty/],
  ];
  for (const [fields, where, message] of cases) {
    await app.edit(fields);
    await app.save();
    await expect(app.field(where)).toHaveAttribute('aria-invalid', 'true');
    await expect(app.alerts().filter({ hasText: message }).first()).toBeVisible();
    expect(await app.stored()).toEqual(before);
  }
  await app.screenshot('field-error');

  await app.edit({ Title: VISIT });
  await app.button('Add source').click();
  const sourceCount = before.events.find((event) => event.title === VISIT)!.sources.length;
  const n = sourceCount + 1;
  await app.edit({ [`Source ${n} title`]: 'Bad link', [`Source ${n} URL`]: 'javascript:alert(1)' });
  await app.save();
  await expect(app.field(`Source ${n} URL`)).toHaveAttribute('aria-invalid', 'true');
  expect(await app.stored()).toEqual(before);
});

test('a script-like title shows exactly as typed and runs nothing', async ({ app, page }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  await app.addEvent();
  await app.edit({ Title: hostile });
  await app.save();
  await expect(app.item(hostile)).toBeVisible();
  await expect(app.item(hostile).locator('img')).toHaveCount(0);
  expect((await app.storedEvent(hostile))?.title).toBe(hostile);
  await app.reload();
  await expect(app.item(hostile)).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // app.assertNothingWentWrong (after the test) fails on any dialog, error or outside request.
});

test.describe('with a damaged store file', () => {
  test.use({ initialStoreText: '{"format": "timeline-desk", "events": [' });

  test('the window tells the user where the damaged file went', async ({ app, shell, page }) => {
    const story = await storyFolder(shell.dataDir);
    const damaged = (await readdir(story)).find((name) => name.includes('.damaged-'));
    expect(damaged).toBeDefined();
    const alert = app.alerts().filter({ hasText: damaged! });
    await expect(alert).toBeVisible();
    // With no backup to restore, the story starts again empty (not as another story).
    await expect(alert).toContainText('started the story again, empty, as no backup of it');
    await expect(page.getByText('No events yet.')).toBeVisible();
    await app.screenshot('damaged-store-notice');
  });
});

test('a user works from the keyboard: add, save, zoom and fit', async ({ app, page }) => {
  await page.keyboard.press('Control+n');
  await expect(app.field('Title')).toBeFocused();
  await page.keyboard.type('Typed without the mouse');
  await page.keyboard.press('Control+s');
  await expect(app.item('Typed without the mouse')).toBeVisible();
  await expect
    .poll(async () => (await app.storedEvent('Typed without the mouse'))?.laneId)
    .toBeTruthy();

  await page.keyboard.press('Control+0');
  const war = "Russia's military campaign in Ukraine begins";
  const fitted = await app.itemWidth(war);
  await page.keyboard.press('Control+=');
  await expect.poll(() => app.itemWidth(war)).toBeGreaterThan(fitted * 1.2);
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect.poll(() => app.itemWidth(war)).toBeLessThan(fitted);
});
