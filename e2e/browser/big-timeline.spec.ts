/**
 * A timeline of 10,000 events (bench/generate.ts): it opens, the page never holds more than 500
 * timeline items at any zoom, dense stretches show as counts per lane that open when the user
 * zooms into them, and an event far away can be reached, selected, edited and dragged.
 */
import { generateTimeline } from '../../bench/generate';
import type { TimelineEvent } from '../../src/shared/schema';
import type { AppDriver } from './app-driver';
import { seriousViolations } from './axe';
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

/** Waits for the wheel's rest and a few frames: items that arrive over several frames are in place. */
async function settled(app: AppDriver): Promise<void> {
  await expect(app.page.locator('.timeline-host[data-settling]')).toHaveCount(0);
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

/** A count as the user sees it on the counts' canvas, in page coordinates. */
interface DrawnCount {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly lane: string;
  /** 1 to 5: how dark its lane's colour is drawn, by how many events it holds. */
  readonly level: number;
}

/**
 * The counts on the canvas, read from its pixels along each lane's band (the band says which
 * lane it is in its accessible label): a run of opaque pixels is a count, and its fill must be
 * its lane's colour mixed over the white surface at one of the five density levels, or it is
 * reported with level 0.
 */
async function drawnCounts(app: AppDriver): Promise<DrawnCount[]> {
  const lanes = story.lanes.map(({ title, color }) => ({ title, color }));
  return app.page.locator('.count-canvas').evaluate((element, lanes) => {
    const canvas = element as unknown as {
      readonly width: number;
      readonly height: number;
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      } | null;
    };
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return [];
    const area = element.getBoundingClientRect();
    const ratio = canvas.width / area.width;
    const found: DrawnCount[] = [];
    for (const band of element.ownerDocument.querySelectorAll('.vis-item.agg-band')) {
      const label = band.querySelector('.agg-band-body')?.getAttribute('aria-label') ?? '';
      // The lane's title sits between U+2068 and U+2069, isolated from the label's words.
      const lane = lanes.find(({ title }) => label.includes(` in \u2068${title}\u2069, `));
      const top = band.getBoundingClientRect().top;
      // Two pixels into the row: below the edge, above the label's pill.
      const y = Math.round((top - area.top + 2) * ratio);
      if (!lane || y < 0 || y >= canvas.height) continue;
      const row = context.getImageData(0, y, canvas.width, 1).data;
      const hex = parseInt(lane.color.slice(1), 16);
      const rgb = [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
      const levels = [14, 26, 40, 56, 72].map((percent) =>
        rgb.map((value) => Math.round((value * percent + 255 * (100 - percent)) / 100)),
      );
      for (let x = 0; x < canvas.width; x++) {
        if (row[x * 4 + 3] !== 255) continue;
        let end = x;
        while (end + 1 < canvas.width && row[(end + 1) * 4 + 3] === 255) end++;
        const sample = Math.min(x + 3, end);
        const pixel = [0, 1, 2].map((i) => row[sample * 4 + i] ?? 0);
        const level =
          levels.findIndex((mix) => mix.every((value, i) => Math.abs(value - pixel[i]!) <= 3)) + 1;
        found.push({
          x: area.left + x / ratio,
          y: top + 11,
          width: (end - x + 1) / ratio,
          lane: lane.title,
          level,
        });
        x = end;
      }
    }
    return found;
  }, lanes);
}

/** The densest count wholly in sight and wide enough to aim at. */
async function densestCount(app: AppDriver): Promise<DrawnCount> {
  const panel = (await app.page.locator('.vis-panel.vis-center').boundingBox())!;
  const inSight = (await drawnCounts(app)).filter(
    (count) =>
      count.width >= 10 &&
      count.x >= panel.x &&
      count.x + count.width <= panel.x + panel.width &&
      count.y >= panel.y &&
      count.y <= panel.y + panel.height,
  );
  expect(inSight.length, 'a count in sight').toBeGreaterThan(0);
  return inSight.reduce((densest, count) => (count.level > densest.level ? count : densest));
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

/** Whether the wheel still turns: the timeline says so until it rests. */
async function wheelTurning(app: AppDriver): Promise<boolean> {
  return (await app.page.locator('.timeline-host[data-settling]').count()) > 0;
}

/** The events' boxes (not their stems or dots) in page coordinates, with their event ids. */
async function eventBoxes(
  app: AppDriver,
): Promise<{ id: string; left: number; right: number; top: number; bottom: number }[]> {
  return app.page.locator('.vis-item.ev:not(.vis-line):not(.vis-dot)').evaluateAll((items) =>
    items.map((item) => {
      const { left, right, top, bottom } = item.getBoundingClientRect();
      const id = item.querySelector('.ev-body')?.getAttribute('data-event-id') ?? '';
      return { id, left, right, top, bottom };
    }),
  );
}

test('the fitted 10,000-event timeline, its counts and bands drawn, has no serious accessibility violation', async ({
  app,
  page,
}) => {
  await expect(page.locator('.vis-item.agg-band').first()).toBeAttached();
  expect(await seriousViolations(page)).toEqual([]);
  app.assertNothingWentWrong();
});

test('a 10,000-event story opens as counts per lane, within 500 items at any zoom', async ({
  app,
}) => {
  await expect.poll(async () => (await drawnCounts(app)).length).toBeGreaterThan(0);
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  await expect(app.saveState()).toHaveText('All changes saved');
  await expect(app.page.locator('.status-count')).toHaveText('10000 events');
  // Each lane shows its counts, each in its own lane's colour at one of the density levels.
  const counts = await drawnCounts(app);
  expect(new Set(counts.map((count) => count.lane))).toEqual(
    new Set(story.lanes.map((lane) => lane.title)),
  );
  expect(counts.filter((count) => count.level === 0)).toEqual([]);
  await app.screenshot('big-timeline-fitted');

  for (let i = 0; i < 12; i++) await press(app, 'Zoom out');
  expect((await drawnCounts(app)).length).toBeGreaterThan(0);
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
    const count = await densestCount(app);
    await app.page.mouse.dblclick(count.x + count.width / 2, count.y);
    await settled(app);
    expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  }
  expect(opened).toBeGreaterThan(0);
  await expect(app.page.locator('.vis-item .ev-title').first()).toBeVisible();
  await app.screenshot('big-timeline-opened');
  // Double-clicks on counts open them; they never add an event.
  expect((await app.stored()).events).toHaveLength(story.events.length);
});

test('counts stay in their lanes’ rows when the lanes are scrolled', async ({ app }) => {
  // About a week: lanes stack their events taller than the window.
  const panel = (await app.page.locator('.vis-panel.vis-center').boundingBox())!;
  await app.page.mouse.move(panel.x + panel.width / 4, panel.y + 40);
  for (let i = 0; i < NOTCHES_TO_A_DAY - 10; i++) await app.page.mouse.wheel(0, -100);
  await settled(app);
  const lanesBefore = new Set((await drawnCounts(app)).map((count) => count.lane));
  // Drag the lanes up by a press on the background (no item under it), as a user scrolls them.
  const spot = await app.page.locator('.vis-panel.vis-center').evaluate((centre) => {
    const area = centre.getBoundingClientRect();
    for (let y = area.bottom - 20; y > area.top + 200; y -= 7) {
      for (let x = area.left + 20; x < area.right - 20; x += 9) {
        const hit = centre.ownerDocument.elementFromPoint(x, y);
        if (hit && centre.contains(hit) && !hit.closest('.vis-item')) return { x, y };
      }
    }
    return null;
  });
  expect(spot, 'a spot of lane background to drag').not.toBeNull();
  await app.page.mouse.move(spot!.x, spot!.y);
  await app.page.mouse.down();
  for (let step = 1; step <= 10; step++) await app.page.mouse.move(spot!.x, spot!.y - step * 30);
  await app.page.mouse.up();
  await settled(app);
  // The lanes moved: others are in sight now, and their counts are drawn in their own rows.
  const after = await drawnCounts(app);
  const lanesAfter = new Set(after.map((count) => count.lane));
  expect(lanesAfter).not.toEqual(lanesBefore);
  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((count) => count.level === 0)).toEqual([]);
  await app.screenshot('big-timeline-scrolled');
});

test('while the wheel turns, no new event shows one by one; once it rests, they do', async ({
  app,
}) => {
  // About four days: some buckets are counted.
  const panel = (await app.page.locator('.vis-panel.vis-center').boundingBox())!;
  await app.page.mouse.move(panel.x + panel.width / 4, panel.y + 40);
  for (let i = 0; i < NOTCHES_TO_A_DAY - 8; i++) await app.page.mouse.wheel(0, -100);
  await settled(app);
  /**
   * The events drawn one by one, and whether the wheel was still turning, read in one go (one
   * round trip: on a busy machine two could straddle the moment the wheel rests).
   */
  const shown = () =>
    app.page.locator('.timeline-host').evaluate((host) => ({
      ids: [...host.querySelectorAll('.vis-item .ev-body')].map((body) =>
        body.getAttribute('data-event-id'),
      ),
      bands: host.querySelectorAll('.vis-item.agg-band').length,
      settling: host.hasAttribute('data-settling'),
    }));
  const before = new Set((await shown()).ids);
  // In, a notch at a time, looking after each while the wheel turns: the events already shown
  // stay, the rest are still counted. A look that comes after the wheel rested (a busy machine)
  // tells nothing; a few more notches give it more chances.
  let seenTurning = 0;
  let countedWhileTurning = 0;
  for (let notch = 0; notch < 5 || (seenTurning === 0 && notch < 10); notch++) {
    await app.page.mouse.wheel(0, -100);
    const now = await shown();
    if (!now.settling) continue;
    seenTurning += 1;
    expect(now.ids.filter((id) => !before.has(id))).toEqual([]);
    countedWhileTurning = Math.max(countedWhileTurning, now.bands);
  }
  expect(seenTurning, 'the view was seen while the wheel turned').toBeGreaterThan(0);
  // The rest stay counted while it turns.
  expect(countedWhileTurning).toBeGreaterThan(0);
  await app.screenshot('big-timeline-wheel-turning');
  // Once it rests, counted events of the new window show one by one.
  await settled(app);
  const after = (await shown()).ids;
  expect(after.filter((id) => !before.has(id)).length).toBeGreaterThan(0);
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
  await app.screenshot('big-timeline-wheel-rested');
});

test('while the wheel turns out from a day, counts fill the new stretches, never under an event', async ({
  app,
}) => {
  await zoomInToADay(app);
  await settled(app);
  /** The counts drawn, the events' boxes, and whether the wheel still turned once both were read. */
  const look = async () => {
    const counts = await drawnCounts(app);
    const events = await eventBoxes(app);
    return { counts, events, settling: await wheelTurning(app) };
  };
  // Out a notch at a time, looking after each while the wheel turns: the lanes count what lies
  // beyond the events already shown, and no count is drawn where an event sits in its row.
  let seenBeside = 0;
  for (let notch = 0; notch < 16; notch++) {
    await app.page.mouse.wheel(0, 100);
    if (notch < 8) continue;
    const { counts, events, settling } = await look();
    if (!settling || counts.length === 0 || events.length === 0) continue;
    seenBeside += 1;
    const under = counts.filter((count) =>
      events.some(
        (box) =>
          box.left < count.x + count.width - 1 &&
          box.right > count.x + 1 &&
          box.top < count.y + 10 &&
          box.bottom > count.y - 10,
      ),
    );
    expect(under).toEqual([]);
  }
  expect(seenBeside, 'counts and events seen together while the wheel turned').toBeGreaterThan(0);
  await app.screenshot('big-timeline-wheel-out');
  await settled(app);
  expect((await drawnCounts(app)).length).toBeGreaterThan(0);
  expect(await itemCount(app)).toBeLessThanOrEqual(MOST_ITEMS);
});

test('events a zoom out brings in are drawn full size, each in its own place', async ({ app }) => {
  await zoomInToADay(app);
  await settled(app);
  // Idle time: the view prepares the events it holds just outside the window.
  await app.page.waitForTimeout(500);
  const before = new Set((await eventBoxes(app)).map((box) => box.id));
  for (let notch = 0; notch < 2; notch++) await app.page.mouse.wheel(0, 100);
  await settled(app);
  const after = await eventBoxes(app);
  const arrived = after.filter((box) => !before.has(box.id));
  expect(arrived.length).toBeGreaterThan(0);
  for (const box of arrived) {
    expect(box.right - box.left, box.id).toBeGreaterThan(20);
    expect(box.bottom - box.top, box.id).toBeGreaterThan(12);
  }
  const overlapping = after.flatMap((a, i) =>
    after
      .slice(i + 1)
      .filter(
        (b) =>
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2,
      )
      .map((b) => `${a.id} / ${b.id}`),
  );
  expect(overlapping).toEqual([]);
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

/** The events a search for "vladivostok" finds: the prefix in any word the search reads. */
function vladivostokEvents(): TimelineEvent[] {
  return story.events.filter((event) =>
    /(^|[^\p{L}\p{N}])vladivostok/iu.test(
      [
        event.title,
        event.description,
        event.location,
        ...event.actors,
        ...event.tags,
        ...event.sources.flatMap((source) => [source.title, source.publisher, source.quote]),
      ].join('\n'),
    ),
  );
}

test('a search typed while the index is still built finds every match once it is', async ({
  app,
}) => {
  const page = app.page;
  // The index is built in the page's idle time once the story is drawn: typing at once races it.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Vladivostok');
  const raced = (await page.locator('.search[data-indexed]').count()) === 0;
  test.info().annotations.push({
    type: 'race',
    description: raced ? 'typed before the index was built' : 'the index was built first',
  });
  await expect(page.locator('.search[data-indexed]')).toHaveCount(1);
  await expect(page.getByRole('search').getByRole('status')).toHaveText(
    `${vladivostokEvents().length.toLocaleString('en')} of 10,000 events`,
  );
});

test('a search narrows each lane’s counts: the bands name and draw only the matching events', async ({
  app,
  page,
}) => {
  await expect.poll(async () => (await drawnCounts(app)).length).toBeGreaterThan(0);
  const before = await drawnCounts(app);
  const matches = vladivostokEvents();
  expect(matches.length).toBeGreaterThan(0);
  expect(matches.length).toBeLessThan(story.events.length / 2);

  await page.getByRole('searchbox', { name: 'Search' }).fill('Vladivostok');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(
    `${matches.length.toLocaleString('en')} of 10,000 events`,
  );
  await settled(app);
  // Each lane's events: in its bands' counts (their names say how many) or drawn one by one.
  const drawnOneByOne = await page
    .locator('.vis-item .ev-body')
    .evaluateAll((bodies) => bodies.map((body) => body.getAttribute('data-event-id')));
  const named = await page
    .locator('.vis-item.agg-band .agg-band-body')
    .evaluateAll((bodies) => bodies.map((body) => body.getAttribute('aria-label') ?? ''));
  for (const lane of story.lanes) {
    const inLane = matches.filter((event) => event.laneId === lane.id);
    const counted = named
      .filter((name) => name.includes(` in \u2068${lane.title}\u2069, `))
      .reduce((sum, name) => sum + Number(/^([\d,]+) event/.exec(name)?.[1]?.replace(/,/g, '')), 0);
    const single = inLane.filter((event) => drawnOneByOne.includes(event.id)).length;
    expect(counted + single, lane.title).toBe(inLane.length);
  }
  // The canvas draws the smaller counts lighter: none darker, some lighter.
  const after = await drawnCounts(app);
  const shade = (counts: readonly DrawnCount[]): number =>
    counts.reduce((sum, count) => sum + count.level, 0);
  expect(after.filter((count) => count.level === 0)).toEqual([]);
  expect(shade(after)).toBeLessThan(shade(before));
  await app.screenshot('big-timeline-searched');
  app.assertNothingWentWrong();
});
