/**
 * The visit of a vis-timeline page, ours or the peer's: open it, pan on the time axis for two
 * seconds, zoom in to about a day with the wheel (not measured), then zoom back out to the whole
 * range with the wheel (measured). Both are driven the same way and read from the same axis.
 */
import type { Page } from '@playwright/test';

import { DAY_MS, notchesBetween, settledSpanMs, visibleSpanMs } from './axis';
import { round } from './frame-stats';
import { measureGesture, pan, pause, type Point, visibleCentre, wheel } from './gestures';
import type { PeerValue } from './measurement';
import { waitForFirstPaint, waitForQuiet, waitForReady } from './page-probe';
import type { Gesture, MetricKey } from './renderer-metrics';
import { ok } from './renderer-metrics';
import type { Step, Visit } from './session';

export const AXIS = '.vis-panel.vis-top';
export const ITEMS_PANEL = '.vis-panel.vis-center';

/** How long a user looks at the view a zoom-in reached before going on. */
const LOOK_MS = 500;
/** How far the pan sweeps each way, in pixels. */
const PAN_AMPLITUDE = 300;

export const gestureKeys = (gesture: Gesture): MetricKey[] => [
  `${gesture}.frame-p50`,
  `${gesture}.frame-p95`,
  `${gesture}.long-tasks`,
  `${gesture}.longest-task`,
];

/**
 * Opens `url` (ready: the page's own signal, within the ready limit), then waits for its main
 * thread to go quiet (interactive: the end of its last long task) and counts its items.
 */
export function openSteps(url: string): Step[] {
  const open: Step = {
    name: 'open',
    keys: ['ready', 'first-draw-to-ready'],
    limit: 'readyMs',
    run: async (visit) => {
      await visit.page.goto(url, { waitUntil: 'commit', timeout: visit.limits.readyMs });
      const readyAt = await waitForReady(visit.page, visit.limits.readyMs);
      visit.set('ready', ok(round(readyAt)!));
      const paintAt = await waitForFirstPaint(visit.page, FIRST_PAINT_WAIT_MS);
      visit.set('first-draw-to-ready', firstDrawToReady(readyAt, paintAt));
    },
  };
  const settle: Step = {
    name: 'settle',
    keys: ['interactive', 'items'],
    limit: 'stepMs',
    run: async (visit) => {
      const ready = visit.figures.get('ready')?.value ?? 0;
      visit.set('interactive', ok(round(await waitForQuiet(visit.page, ready))!));
      await visit.count('fitted');
      await visit.screenshot('fitted');
    },
  };
  return [open, settle];
}

/** How long after ready a page that has not drawn yet gets to draw. */
const FIRST_PAINT_WAIT_MS = 5_000;

/**
 * From the page's first paint to ready. A page that first drew with its data already in (or
 * after) is 0: its first draw was the whole timeline.
 */
export function firstDrawToReady(readyAt: number, paintAt: number | null): PeerValue {
  if (paintAt === null)
    return { value: null, status: 'not-finished', note: 'drew nothing within 5 s of ready' };
  const note =
    paintAt > readyAt
      ? `first paint ${round(paintAt - readyAt)} ms after ready`
      : `first paint at ${round(paintAt)} ms`;
  return ok(round(Math.max(0, readyAt - paintAt))!, note);
}

/** Presses on `target` and sweeps left and right (for two seconds, but one in the smoke). */
export function panStep(target: string): Step {
  return {
    name: 'pan',
    keys: gestureKeys('pan'),
    limit: 'stepMs',
    run: async (visit) => {
      const from = await visibleCentre(visit.page, target);
      visit.setGesture(
        'pan',
        await measureGesture(visit.page, () =>
          pan(visit.page, from, PAN_AMPLITUDE, visit.limits.panMs),
        ),
      );
      await visit.count('panned');
    },
  };
}

/**
 * Where the wheel zooms: mid-January 2024, the middle of the generated story (its events start
 * over 2023 and 2024), found from the "2024" on the axis, half-way down the items in view.
 * vis-timeline zooms about the pointer, so the day shown holds events (and not the pile of
 * month and year periods that start on the 1st), and zooming out there comes back.
 */
async function zoomPoint(page: Page, fittedSpan: number): Promise<Point> {
  const centre = await visibleCentre(page, ITEMS_PANEL);
  const width = await page.locator(ITEMS_PANEL).evaluate((panel) => panel.clientWidth);
  const label = page.locator('.vis-time-axis .vis-text', { hasText: /^2024$/ }).first();
  const box = await label.boundingBox();
  if (!box) throw new Error('no 2024 on the time axis');
  return { x: box.x + (MID_JANUARY - Date.UTC(2024, 0, 1)) * (width / fittedSpan), y: centre.y };
}

const MID_JANUARY = Date.UTC(2024, 0, 16, 12);

/** The vis-timeline of the peer page, as page.evaluate sees it. */
interface VisGlobals {
  readonly timeline: {
    setWindow(start: number, end: number, options: { animation: boolean }): void;
  };
}

/**
 * The window the wheel would have reached, set at once through vis-timeline's API: the peer's
 * pages are ours to script, and at 10,000 events forty wheel redraws would take minutes.
 */
async function setWindowLikeWheel(page: Page, at: Point, span: number): Promise<void> {
  const panel = await page.locator(ITEMS_PANEL).boundingBox();
  if (!panel) throw new Error('no items panel');
  const before = ((at.x - panel.x) / panel.width) * span;
  await page.evaluate(
    ([start, end]) =>
      (globalThis as unknown as VisGlobals).timeline.setWindow(start!, end!, { animation: false }),
    [MID_JANUARY - before, MID_JANUARY - before + span],
  );
}

/** What the zoom-in found, for the zoom-out to undo. */
interface ZoomState {
  notches: number;
  fitted: number | null;
  day: number | null;
  at: Point;
}

const days = (ms: number | null) =>
  ms === null ? '?' : `${(ms / DAY_MS).toFixed(ms < 10 * DAY_MS ? 1 : 0)} d`;

/**
 * The vis-timeline visit. `panOn` is where a user presses to pan (the axis in our app, where
 * items move when dragged; anywhere in vis-timeline's default read-only view). `extra` runs while
 * zoomed in to a day (our drag). The zoom-in (not measured) is the wheel's, or for the peer the
 * same window set through its API; the zoom-out turns the wheel as many notches as that zoom-in
 * is, which brings back the fitted span.
 */
export function visSteps(
  url: string,
  panOn: string,
  { extra = [], zoomInBy = 'wheel' }: { extra?: readonly Step[]; zoomInBy?: 'wheel' | 'setWindow' },
): Step[] {
  const zoom: ZoomState = { notches: 0, fitted: null, day: null, at: { x: 0, y: 0 } };
  const zoomIn: Step = {
    name: 'zoom in',
    keys: [],
    limit: 'stepMs',
    run: async (visit: Visit) => {
      zoom.fitted = await visibleSpanMs(visit.page);
      if (zoom.fitted === null) throw new Error('cannot read the time axis');
      zoom.notches = notchesBetween(zoom.fitted, DAY_MS);
      zoom.at = await zoomPoint(visit.page, zoom.fitted);
      if (zoomInBy === 'wheel') await wheel(visit.page, zoom.at, -zoom.notches);
      else await setWindowLikeWheel(visit.page, zoom.at, zoom.fitted / 1.2 ** zoom.notches);
      await waitForQuiet(visit.page, 0, 500);
      // A user looks at the day before going on (our view opens its events once the wheel rests).
      await pause(LOOK_MS);
      zoom.day = await visibleSpanMs(visit.page);
      await visit.count('day');
      await visit.screenshot('day');
    },
  };
  const zoomOut: Step = {
    name: 'zoom out',
    keys: gestureKeys('zoom'),
    limit: 'stepMs',
    run: async (visit) => {
      const { fitted } = zoom;
      if (fitted === null) throw new Error('the zoom in did not read the axis');
      let [sent, after] = [0, zoom.day];
      const stats = await measureGesture(visit.page, async () => {
        // A busy page gets notches folded together, and vis-timeline zooms less for a folded
        // event than for its notches one by one: turn on until the whole range shows, as a user would.
        for (let more = zoom.notches; more > 0 && sent < 3 * zoom.notches;) {
          await wheel(visit.page, zoom.at, more);
          sent += more;
          after = await settledSpanMs(visit.page);
          more = after === null ? 0 : notchesBetween(fitted, after);
        }
      });
      visit.setGesture('zoom', stats, `${sent} notches, ${days(zoom.day)} → ${days(after)}`);
      await visit.count('zoomed out');
    },
  };
  return [...openSteps(url), panStep(panOn), zoomIn, ...extra, zoomOut];
}
