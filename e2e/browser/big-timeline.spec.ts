/**
 * A timeline of 10,000 events (bench/generate.ts): it opens, the page never holds more than 500
 * timeline items at any zoom, dense stretches show as counts per lane that open when the user
 * zooms into them, and an event far away can be reached, selected, edited and dragged.
 */
import type { Locator } from '@playwright/test';

import { generateTimeline } from '../../bench/generate';
import type { TimelineEvent } from '../../src/shared/schema';
import type { AppDriver } from './app-driver';
import { expect, test } from './fixtures';

const story = generateTimeline(10_000);
const byId = new Map(story.events.map((event) => [event.id, event]));
const DAY = 86_400_000;
/** Item elements the page may hold (vis-timeline draws a point as three). */
const MOST_ITEMS = 500;

test.use({ initialStoreText: JSON.stringify(story) });

/** Wheel notches (vis-timeline zooms 1.2 times a notch) from the fitted view to about a day. */
const NOTCHES_TO_A_DAY = 40;

async function itemCount(app: AppDriver): Promise<number> {
  return app.page.locator('.vis-item').count();
}

/** Waits a few frames: items that arrive over several frames are in place. */
async function settled(app: AppDriver): Promise<void> {
  await app.page.evaluate(
    'new Promise((done) => { let n = 0; const f = () => (++n < 4 ? requestAnimationFrame(f) : done()); requestAnimationFrame(f); })',
  );
}

/** Presses a zoom button, checking the item count at once and once vis has settled. */
async function press(app: AppDriver, name: 'Zoom in' | 'Zoom out'): Promise<void> {
  await app.button(name).click();
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  await settled(app);
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
}

/**
 * From the fitted view the page opens with, wheels in to about a day around late 2023 (a quarter
 * across: the right part holds only long periods that end in 2025), checking the item count at
 * each notch.
 */
async function zoomInToADay(app: AppDriver): Promise<void> {
  const panel = (await app.page.locator('.vis-panel.vis-center').boundingBox())!;
  await app.page.mouse.move(panel.x + panel.width / 4, panel.y + 40);
  for (let i = 0; i < NOTCHES_TO_A_DAY; i++) {
    await app.page.mouse.wheel(0, -100);
    expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  }
  await expect(app.page.locator('.vis-item .ev-title').first()).toBeVisible();
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
}

/** The fullest count wholly in sight. */
async function fullestCount(app: AppDriver): Promise<Locator> {
  const panel = (await app.page.locator('.vis-panel.vis-center').boundingBox())!;
  const counts = app.page.locator('.vis-item.agg--bucket');
  const sizes = await counts.evaluateAll(
    (items, { x, y, width, height }) =>
      items.map((item) => {
        const box = item.getBoundingClientRect();
        const inSight =
          box.left >= x && box.right <= x + width && box.top >= y && box.bottom <= y + height;
        return inSight ? Number((item.textContent ?? '').replace(/\D/g, '')) : -1;
      }),
    panel,
  );
  const fullest = Math.max(...sizes);
  expect(fullest, 'a count in sight').toBeGreaterThan(0);
  return counts.nth(sizes.indexOf(fullest));
}

/** The events drawn one by one and wholly in sight, as the store has them. */
async function eventsInView(app: AppDriver): Promise<TimelineEvent[]> {
  const panel = (await app.page.locator('.vis-panel.vis-center').boundingBox())!;
  const ids = await app.page.locator('.vis-item .ev-body').evaluateAll(
    (bodies, { x, y, width, height }) =>
      bodies
        .filter((body) => {
          const box = body.getBoundingClientRect();
          return (
            box.left >= x && box.right <= x + width && box.top >= y && box.bottom <= y + height
          );
        })
        .map((body) => body.getAttribute('data-event-id')),
    panel,
  );
  return ids.flatMap((id) => byId.get(id as TimelineEvent['id']) ?? []);
}

/** The lane colours of the counts in view. */
async function countColours(app: AppDriver): Promise<Set<string>> {
  const styles = await app.page
    .locator('.vis-item.agg--bucket')
    .evaluateAll((items) => items.map((item) => item.getAttribute('style')));
  return new Set(styles.map((style) => /--lane:\s*(#[0-9a-f]{6})/i.exec(style ?? '')?.[1] ?? ''));
}

test('a 10,000-event story opens as counts per lane, within 500 items at any zoom', async ({
  app,
}) => {
  await expect(app.page.locator('.vis-item.agg--bucket').first()).toBeVisible();
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  await expect(app.status()).toHaveText('All changes saved');
  await expect(app.page.locator('.status-count')).toHaveText('10000 events');
  // Each lane shows its counts in its own colour.
  expect(await countColours(app)).toEqual(new Set(story.lanes.map((lane) => lane.color)));
  await app.screenshot('big-timeline-fitted');

  for (let i = 0; i < 12; i++) await press(app, 'Zoom out');
  await expect(app.page.locator('.vis-item.agg--bucket').first()).toBeVisible();
  await app.screenshot('big-timeline-zoomed-out');

  await app.reload();
  await zoomInToADay(app);
  await app.screenshot('big-timeline-a-day');
});

test('double-clicking a dense count zooms into it until its events show one by one', async ({
  app,
}) => {
  let opened = 0;
  for (; opened < 8 && (await eventsInView(app)).length === 0; opened++) {
    await (await fullestCount(app)).dblclick();
    await settled(app);
    expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  }
  expect(opened).toBeGreaterThan(0);
  await expect(app.page.locator('.vis-item .ev-title').first()).toBeVisible();
  await app.screenshot('big-timeline-opened');
  // Double-clicks on counts open them; they never add an event.
  expect((await app.stored()).events).toHaveLength(story.events.length);
});

test('a user follows a link to an event far away, edits it and drags it', async ({ app }) => {
  await zoomInToADay(app);
  // Out to a few days: more events in view, and a drag of 300 px moves one by a day or more.
  for (let i = 0; i < 2; i++) await press(app, 'Zoom out');
  // An event in view that follows up one at least a month earlier.
  const farAway = (event: TimelineEvent): TimelineEvent | undefined => {
    const parent = event.followUpOf === null ? undefined : byId.get(event.followUpOf);
    return parent && Date.parse(event.start) - Date.parse(parent.start) > 30 * DAY
      ? parent
      : undefined;
  };
  let child: TimelineEvent | undefined;
  for (let i = 0; i < 6 && !child; i++) {
    child = (await eventsInView(app)).find(farAway);
    if (!child) await press(app, 'Zoom out');
  }
  expect(child, 'an event in view that follows up one far away').toBeDefined();
  const parent = farAway(child!)!;

  await app.selectEvent(child!.title);
  await app.page.getByRole('complementary').getByRole('button', { name: parent.title }).click();
  await expect(app.field('Title')).toHaveValue(parent.title);
  await expect(app.item(parent.title)).toBeVisible();
  await expect(app.item(parent.title)).toHaveClass(/vis-selected/);

  const edited = `${parent.title}, edited`;
  await app.edit({ Title: edited });
  await app.save();
  await expect(app.item(edited)).toBeVisible();
  await expect.poll(async () => (await app.storedEvent(edited))?.id).toBe(parent.id);

  const before = (await app.storedEvent(edited))!.start;
  await app.dragEvent(edited, 300);
  await expect.poll(async () => (await app.storedEvent(edited))?.start).not.toBe(before);
  expect(Date.parse((await app.storedEvent(edited))!.start)).toBeGreaterThan(Date.parse(before));
  await expect(app.item(edited)).toBeVisible();
});
