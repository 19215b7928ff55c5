/**
 * The timeline by keyboard and screen reader (issue 16, part 4): one tab stop with a visible
 * focus ring, arrows, Home and End through the events in time and across lanes, Enter into the
 * editor, Delete and Undo on the keyboard's selection, + and - zoom; every event an option with
 * its own accessible name; what changed said in the status line's live region.
 */
import { readFileSync } from 'node:fs';

import type { Locator, Page } from '@playwright/test';

import { generateTimeline } from '../../bench/generate';
import type { TimelineDocument } from '../../src/shared/schema';
import { SEED_TITLES } from '../window-steps';
import type { AppDriver } from './app-driver';
import { expect, test } from './fixtures';

const [CAMPAIGN, KIM, VETO, VISIT, VIETNAM] = SEED_TITLES;
/** The seed's events in time: Feb 2022, Sep 2023, Mar 2024, June 2024 (a month), 16 June 2024. */
const IN_TIME = [CAMPAIGN, KIM, VETO, VIETNAM, VISIT];

function host(page: Page): Locator {
  return page.locator('.timeline-host');
}

/** Tabs from the page's start until the timeline has focus (it is one tab stop). */
async function tabToTimeline(app: AppDriver): Promise<void> {
  await app.page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 40; i++) {
    await app.page.keyboard.press('Tab');
    if (await host(app.page).evaluate((element) => element === element.ownerDocument.activeElement))
      return;
  }
  throw new Error('Tab never reached the timeline');
}

async function pressOnTimeline(app: AppDriver, key: string): Promise<void> {
  await app.page.keyboard.press(key);
}

test('a keyboard user reaches, reads, opens, deletes and restores events on the timeline', async ({
  app,
  page,
}) => {
  await tabToTimeline(app);
  const timeline = host(page);
  await expect(timeline).toBeFocused();
  await expect(timeline).toHaveAttribute('role', 'listbox');
  // The ring: a 2px border in the accent colour drawn over the timeline, only when focused by key.
  const ring = await timeline.evaluate((element) => {
    const style = element.ownerDocument.defaultView!.getComputedStyle(element, '::after');
    return { width: style.borderTopWidth, color: style.borderTopColor, content: style.content };
  });
  expect(ring).toEqual({ width: '2px', color: 'rgb(37, 99, 201)', content: '""' });
  await app.screenshot('timeline-keyboard-focus');
  // In the dark theme, the dark theme's accent (5:1 on its surface).
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect
    .poll(() =>
      timeline.evaluate(
        (element) =>
          element.ownerDocument.defaultView!.getComputedStyle(element, '::after').borderTopColor,
      ),
    )
    .toBe('rgb(102, 152, 234)');
  await app.screenshot('timeline-keyboard-focus-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Home, then Right through every event in time, across lanes; End and Left back.
  await pressOnTimeline(app, 'Home');
  await expect(app.field('Title')).toHaveValue(CAMPAIGN);
  for (const title of IN_TIME.slice(1)) {
    await pressOnTimeline(app, 'ArrowRight');
    await expect(app.field('Title')).toHaveValue(title);
  }
  await pressOnTimeline(app, 'ArrowRight'); // the last stays
  await expect(app.field('Title')).toHaveValue(VISIT);
  await pressOnTimeline(app, 'Home');
  await pressOnTimeline(app, 'End');
  await expect(app.field('Title')).toHaveValue(VISIT);
  await pressOnTimeline(app, 'ArrowLeft');
  await expect(app.field('Title')).toHaveValue(VIETNAM);
  await expect(timeline).toBeFocused();

  // Each event is an option named by its title, date in words, lane, status and certainty; the
  // selected one is the host's active descendant.
  const visit = page.getByRole('option', {
    name: "Putin's state visit to North Korea, 16 June 2024, Russia–North Korea relations, scheduled, confirmed",
    exact: true,
  });
  await expect(visit).toHaveCount(1);
  const vietnam = page.getByRole('option', {
    name: 'Putin travels on to Vietnam, June 2024, Russia–North Korea relations, scheduled, reported',
    exact: true,
  });
  await expect(vietnam).toHaveAttribute('aria-selected', 'true');
  await expect(visit).toHaveAttribute('aria-selected', 'false');
  await expect(timeline).toHaveAttribute(
    'aria-activedescendant',
    (await vietnam.getAttribute('id'))!,
  );

  // Up and Down: the nearest event in time in the lane above or below.
  await pressOnTimeline(app, 'Home');
  await pressOnTimeline(app, 'ArrowDown'); // War in Ukraine → Russia–North Korea: Sep 2023
  await expect(app.field('Title')).toHaveValue(KIM);
  await pressOnTimeline(app, 'ArrowDown'); // → United Nations: Mar 2024
  await expect(app.field('Title')).toHaveValue(VETO);
  await pressOnTimeline(app, 'ArrowUp'); // → nearest to Mar 2024 in its lane: June 2024
  await expect(app.field('Title')).toHaveValue(VIETNAM);
  await pressOnTimeline(app, 'ArrowUp');
  await expect(app.field('Title')).toHaveValue(CAMPAIGN);

  // + and - zoom around the selection: February 2022, a month drawn its whole length, widens
  // by half at each +, and narrows back at each -.
  const width = await app.itemWidth(CAMPAIGN);
  await pressOnTimeline(app, '+');
  await pressOnTimeline(app, '+');
  await expect.poll(() => app.itemWidth(CAMPAIGN)).toBeGreaterThan(width * 2);
  await app.screenshot('timeline-keyboard-zoomed-in');
  await pressOnTimeline(app, '-');
  await pressOnTimeline(app, '-');
  await expect.poll(() => app.itemWidth(CAMPAIGN)).toBeLessThan(width * 1.1);

  // Enter opens the editor on the selection, with the caret in its first field.
  await pressOnTimeline(app, 'End');
  await pressOnTimeline(app, 'Enter');
  await expect(app.field('Title')).toBeFocused();
  await expect(app.field('Title')).toHaveValue(VISIT);

  // Back on the timeline, Delete asks, then deletes the keyboard's selection; the live region
  // says so, and Undo brings it back.
  await timeline.focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await app.screenshot('timeline-keyboard-delete');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(app.item(VISIT)).toHaveCount(0);
  await expect(app.status()).toHaveText(`Deleted “${VISIT}”`);
  await expect(app.status()).toHaveAttribute('aria-live', 'polite');
  await timeline.focus();
  await page.keyboard.press('Control+z');
  await expect(app.item(VISIT)).toHaveCount(1);
  await expect(app.status()).toHaveText('Undone: Delete event');

  // After a drag, the same live region says where the event went.
  await app.dragEvent(KIM, 120);
  await expect(app.status()).toHaveText(new RegExp(`^Moved “${KIM}” to `));

  // Ctrl+Shift+N adds a follow-up to the keyboard's selection.
  await timeline.focus();
  await page.keyboard.press('Home');
  await expect(app.field('Title')).toHaveValue(CAMPAIGN);
  await page.keyboard.press('Control+Shift+N');
  await expect(app.field('Title')).toBeFocused();
  const campaign = await app.storedEvent(CAMPAIGN);
  await expect
    .poll(async () => (await app.stored()).events.filter((e) => e.followUpOf === campaign!.id))
    .toHaveLength(1);
});

test.describe('on a story of 2,000 events', () => {
  test.use({ initialStoreText: JSON.stringify(generateTimeline(2_000)) });

  test('a keyboard user lands on a count, hears what it holds, and opens it with Enter', async ({
    app,
    page,
  }) => {
    const timeline = host(page);
    await tabToTimeline(app);
    const count = page.locator('[id^="timeline-count-option-"]');
    const onCount = async (): Promise<boolean> =>
      /^timeline-count-option-/.test((await timeline.getAttribute('aria-activedescendant')) ?? '');
    // From the start, Right goes through events and counts in time; the dense parts are counts.
    await page.keyboard.press('Home');
    for (let i = 0; i < 30 && !(await count.isVisible().catch(() => false)); i++) {
      if (await onCount()) break;
      await page.keyboard.press('ArrowRight');
    }
    await expect(timeline).toHaveAttribute('aria-activedescendant', /^timeline-count-option-/);
    const option = page.getByRole('option', { name: /^[\d,.]+K? events in .+, .+$/ });
    await expect(option).toHaveCount(1);
    await expect(option).toHaveAttribute('aria-selected', 'true');
    const name = (await option.getAttribute('aria-label'))!;
    // No event is in the editor while the keyboard is on a count.
    await expect(page.getByText('No event selected')).toBeVisible();
    await app.screenshot('timeline-keyboard-count');

    // Enter zooms into the count and goes to its first event, or to a smaller count of it; a
    // few Enters reach an event, which the editor shows.
    for (let i = 0; i < 8; i++) {
      if (!(await onCount())) break;
      await page.keyboard.press('Enter');
    }
    await expect(app.field('Title')).not.toHaveValue('');
    const title = await app.field('Title').inputValue();
    await expect(app.item(title)).toBeVisible();
    expect(name).not.toBe(await timeline.getAttribute('aria-activedescendant'));
    await expect(timeline).toHaveAttribute('aria-activedescendant', /^event-option-/);
    await app.screenshot('timeline-keyboard-count-opened');
  });

  test('a search while the keyboard is on a count gives the count its new number', async ({
    app,
    page,
  }) => {
    await tabToTimeline(app);
    await page.keyboard.press('Home');
    const activeName = async (): Promise<string | null> => (await activeCount(page))?.name ?? null;
    for (let i = 0; i < 30 && (await activeName()) === null; i++) {
      await page.keyboard.press('ArrowRight');
    }
    const before = (await activeName())!;
    const number = (name: string): number =>
      Number(/^([\d,]+) events? in/.exec(name)?.[1]?.replace(/,/g, ''));
    expect(number(before)).toBeGreaterThan(1);

    // About one event in eight happens in Hanoi: the count the keyboard is on holds fewer now.
    await page.getByRole('searchbox', { name: 'Search' }).fill('hanoi');
    await expect(page.getByRole('search').getByRole('status')).toHaveText(/ of 2,000 events$/);
    await expect.poll(activeName).not.toBe(before);
    const after = await activeName();
    // On a count still (its new number), or on nothing once that count is gone: never the old name.
    if (after !== null) expect(number(after)).toBeLessThan(number(before));
  });

  test('each count the keyboard reaches is a new active option, so a screen reader reads it', async ({
    app,
    page,
  }) => {
    await tabToTimeline(app);
    await page.keyboard.press('Home');
    const seen: { id: string; name: string }[] = [];
    for (let i = 0; i < 40 && seen.length < 2; i++) {
      const count = await activeCount(page);
      if (count !== null && seen.at(-1)?.id !== count.id) seen.push(count);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]!.name).not.toBe(seen[1]!.name);
  });
});

/** The count the keyboard is on (the timeline's active option) and its name; null if none. */
async function activeCount(page: Page): Promise<{ id: string; name: string } | null> {
  const id = (await host(page).getAttribute('aria-activedescendant')) ?? '';
  if (!id.startsWith('timeline-count-option-')) return null;
  return { id, name: (await page.locator(`#${id}`).getAttribute('aria-label')) ?? '' };
}

/** The seed story with 24 more lanes, one event each: the lanes overflow the window. */
function manyLanes(): string {
  const seed = JSON.parse(readFileSync('data/seed-timeline.json', 'utf8')) as TimelineDocument;
  const visit = seed.events.find((event) => event.title === VISIT)!;
  const lanes = Array.from({ length: 24 }, (_, n) => ({
    id: `extra-${n}`,
    title: `Extra lane ${n + 1}`,
    color: '#4b6cb7',
  }));
  const events = lanes.map((lane, n) => ({
    ...visit,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Event in extra lane ${n + 1}`,
    laneId: lane.id,
    followUpOf: null,
  }));
  return JSON.stringify({
    ...seed,
    lanes: [...seed.lanes, ...lanes],
    events: [...seed.events, ...events],
  });
}

/** How wide 2024 is on the axis: from its label to 2025's. */
async function yearWidth(page: Page): Promise<number> {
  const x = async (year: string): Promise<number> =>
    (await page
      .locator('.vis-time-axis .vis-text', { hasText: new RegExp(`^${year}$`) })
      .first()
      .boundingBox())!.x;
  return (await x('2025')) - (await x('2024'));
}

test.describe('on a story of many lanes', () => {
  test.use({ initialStoreText: manyLanes() });

  test('Shift+wheel moves through the lanes, a plain wheel still zooms, and a scroll bar shows', async ({
    app,
    page,
  }) => {
    const labels = page.locator('.vis-panel.vis-left');
    await expect(labels).toHaveClass(/vis-vertical-scroll/);
    const scroller = await labels.evaluate((element) => ({
      overflow: element.ownerDocument.defaultView!.getComputedStyle(element).overflowY,
      scrolls: element.scrollHeight > element.clientHeight,
    }));
    expect(scroller).toEqual({ overflow: 'scroll', scrolls: true });
    const last = page.locator('.vis-label', { hasText: 'Extra lane 24' });
    const top = async (): Promise<number> => (await last.boundingBox())!.y;
    const before = await top();
    const width = await yearWidth(page);

    const panel = (await page.locator('.vis-panel.vis-center').boundingBox())!;
    await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2);
    await page.keyboard.down('Shift');
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 100);
    await page.keyboard.up('Shift');
    // Down to the last lane: the lanes overflow by about 250 px.
    await expect.poll(top).toBeLessThan(before - 200);
    await expect(last).toBeInViewport();
    // The zoom did not change: a year on the axis is as wide as before.
    expect(await yearWidth(page)).toBeCloseTo(width, 0);
    await app.screenshot('timeline-shift-wheel-lanes');

    // A plain wheel notch zooms, as before.
    await page.mouse.wheel(0, -100);
    await expect.poll(() => yearWidth(page)).toBeGreaterThan(width * 1.1);
  });
});

// The axis is in the zone shown, the computer's by default: a day event begins at that zone's
// midnight, wherever the computer is (New York here, for the built app the machine's zone).
test.describe('with the computer in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('zoomed in to days, a day event spans its whole day on the axis', async ({ app, page }) => {
    await tabToTimeline(app);
    await page.keyboard.press('End');
    await expect(app.field('Title')).toHaveValue(VISIT);
    // Each + narrows the window by a third, around the selection: to a few days.
    for (let i = 0; i < 15; i++) await page.keyboard.press('+');
    const item = app.item(VISIT);
    await expect(item).toHaveClass(/ev--day/);
    // Still drawn as selected, though vis made its item afresh as a range.
    await expect(item).toHaveClass(/vis-selected/);
    const box = (await item.boundingBox())!;
    // The axis's day labels sit at each day's start: 16 June begins where the item does.
    const dayStarts = await page
      .locator('.vis-time-axis .vis-text.vis-minor')
      .evaluateAll((labels) =>
        labels.map((label) => ({
          text: label.textContent ?? '',
          x: label.getBoundingClientRect().left,
        })),
      );
    const at = (day: number): number =>
      dayStarts.find(({ text }) => new RegExp(`(^|\\s)${day}$`).test(text.trim()))!.x;
    expect(Math.abs(box.x - at(16))).toBeLessThan(3);
    expect(Math.abs(box.x + box.width - at(17))).toBeLessThan(3);
    await app.screenshot('timeline-day-event-spans-its-day');
  });
});
