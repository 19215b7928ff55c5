/**
 * Finding and reaching events at size (issue 16, part 7): a keystroke in Search until the views
 * show the new matches, and a change of filter until the timeline shows what passes. The peers
 * have no search or filters: these figures are ours alone. Each is timed in the page, from the
 * key or click event to the paint of the frame that shows the result (after the window says it
 * shows it: the search box's data-shown-query, the Filter button's count), so vis-timeline's
 * redraw is inside the figure. "Painted" is what page-probe.ts takes it to be: a message posted
 * from the frame's first animation-frame callback, which runs once its style, layout and paint
 * are done.
 */
import type { Page } from '@playwright/test';

import { measureGesture, wheel } from './gestures';
import { waitForQuiet } from './page-probe';
import { ok } from './renderer-metrics';
import type { Step } from './session';

/** Typed one key at a time: words the generated stories hold ("Vladivostok", "meets"). */
const QUERY = 'vladivostok meets';
/** Status and certainty boxes ticked and unticked in turn. */
const FILTER_BOXES = ['scheduled', 'confirmed', 'alleged', 'cancelled'];

/** What the timer reads of the page (bench code is typed without the DOM library). */
interface FindElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  addEventListener(type: string, run: () => void, options: object): void;
}

interface FindGlobals {
  readonly document: { querySelector(selector: string): FindElement | null };
  readonly performance: { now(): number };
  requestAnimationFrame(run: () => void): number;
  readonly MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(value: unknown): void };
  };
  __findTimer?: Promise<number>;
  readonly MutationObserver: new (run: () => void) => {
    observe(target: FindElement, options: object): void;
    disconnect(): void;
  };
}

/**
 * Arms a timer in the page: it starts at the next `startOn` event on the element `from`, and
 * stops when the element `until` has `attribute` equal to `value` (or its text, when attribute
 * is null, equal to value), or, with `painted`, once the frame showing that has been painted.
 * Resolves once armed; `timerResult` waits for it.
 */
async function armTimer(
  page: Page,
  arm: {
    from: string;
    startOn: string;
    until: string;
    attribute: string | null;
    /** The value that ends the timer; null: any value other than the one when armed. */
    value: string | null;
    /** True to include the frame that draws it; false for the step's own work. */
    painted: boolean;
  },
): Promise<void> {
  await page.evaluate(({ from, startOn, until, attribute, value, painted }) => {
    const page = globalThis as unknown as FindGlobals;
    const source = page.document.querySelector(from);
    const target = page.document.querySelector(until);
    if (!source || !target) throw new Error(`no ${source ? until : from} in the page`);
    const read = (): string | null =>
      attribute === null ? target.textContent : target.getAttribute(attribute);
    const armedWith = read();
    page.__findTimer = new Promise<number>((resolve) => {
      let started = 0;
      const done = (): boolean =>
        started > 0 && (value === null ? read() !== armedWith : read() === value);
      const stop = (): void => resolve(page.performance.now() - started);
      const finish = (): void => {
        observer.disconnect();
        if (!painted) return stop();
        const channel = new page.MessageChannel();
        channel.port1.onmessage = stop;
        page.requestAnimationFrame(() => channel.port2.postMessage(null));
      };
      const observer = new page.MutationObserver(() => {
        if (done()) finish();
      });
      observer.observe(target, {
        attributes: true,
        childList: true,
        subtree: true,
        characterData: true,
      });
      source.addEventListener(
        startOn,
        () => {
          started = page.performance.now();
          if (done()) finish();
        },
        { capture: true, once: true },
      );
    });
  }, arm);
}

function timerResult(page: Page): Promise<number> {
  return page.evaluate(() => {
    const timer = (globalThis as unknown as FindGlobals).__findTimer;
    if (!timer) throw new Error('no timer armed');
    return timer;
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * The query typed key by key in each view: on the timeline (the chronology out of sight), then
 * with the chronology shown (its rows made again for each key, the hidden timeline kept up too).
 * The p95 is over every key of both.
 */
export const searchStep: Step = {
  name: 'search',
  keys: ['search.keystroke-p95'],
  limit: 'stepMs',
  run: async ({ page, set }) => {
    const field = page.getByRole('searchbox', { name: 'Search' });
    // The index is built in the background after the window opens; typing before then finds less.
    await page.locator('.search[data-indexed]').waitFor({ timeout: 60_000 });
    const typeQuery = async (): Promise<number[]> => {
      await field.click();
      const times: number[] = [];
      for (let typed = 1; typed <= QUERY.length; typed++) {
        await armTimer(page, {
          from: '.search-input',
          startOn: 'keydown',
          until: '.search',
          attribute: 'data-shown-query',
          value: QUERY.slice(0, typed),
          painted: true,
        });
        await page.keyboard.press(QUERY[typed - 1] === ' ' ? 'Space' : QUERY[typed - 1]!);
        times.push(await timerResult(page));
      }
      return times;
    };
    const describe = (view: string, times: readonly number[]): string => {
      const slowest = Math.max(...times);
      return (
        `${view}: first key ${Math.round(times[0] ?? NaN)} ms, median ` +
        `${Math.round(percentile(times, 50))}, slowest ${Math.round(slowest)} at ` +
        `"${QUERY.slice(0, times.indexOf(slowest) + 1)}"`
      );
    };
    const onTimeline = await typeQuery();
    const shown = (await page.locator('.search-count').textContent()) ?? '';
    await field.press('Escape');
    await waitForQuiet(page, 0, 300);
    await page.locator('.timeline-host').focus();
    await page.keyboard.press('Control+2');
    await page.getByRole('listbox', { name: 'Chronology' }).waitFor();
    await waitForQuiet(page, 0, 300);
    const onChronology = await typeQuery();
    await field.press('Escape');
    await page.locator('.chronology-list').focus();
    await page.keyboard.press('Control+1');
    await page.locator('.timeline-pane:not(.is-hidden)').waitFor();
    const times = [...onTimeline, ...onChronology];
    set(
      'search.keystroke-p95',
      ok(
        percentile(times, 95),
        `"${QUERY}" typed key by key in each view (${times.length} keys); ` +
          `${describe('timeline', onTimeline)}; ${describe('chronology', onChronology)}; ` +
          `then ${shown}`,
      ),
    );
    await waitForQuiet(page, 0, 300);
  },
};

export const filterStep: Step = {
  name: 'filter',
  keys: ['filter.change'],
  limit: 'stepMs',
  run: async ({ page, set }) => {
    const button = page.locator('.filter-button');
    await button.click();
    const times: number[] = [];
    let active = 0;
    for (const round of [1, -1] as const) {
      for (const name of FILTER_BOXES) {
        active += round;
        const box = page
          .getByRole('dialog', { name: 'Filter events' })
          .getByRole('checkbox', { name, exact: true });
        await armTimer(page, {
          from: '.filter-panel',
          startOn: 'click',
          until: '.filter-button .button-label',
          attribute: null,
          value: active > 0 ? `Filter (${active})` : 'Filter',
          painted: true,
        });
        await box.click();
        times.push(await timerResult(page));
      }
    }
    await page.keyboard.press('Escape');
    set(
      'filter.change',
      ok(
        Math.max(...times),
        `slowest of ${times.length} status/certainty boxes ticked or unticked ` +
          `(${times.map((time) => Math.round(time)).join(', ')} ms)`,
      ),
    );
    await waitForQuiet(page, 0, 300);
  },
};

/** Right arrow steps on the timeline: the work from the key to the next event's selection. */
const STEPS = 20;

export const keyStepStep: Step = {
  name: 'keyboard step',
  keys: ['keyboard.step-p95'],
  limit: 'stepMs',
  run: async ({ page, set }) => {
    const host = page.locator('.timeline-host');
    await host.focus();
    await page.keyboard.press('Home');
    await waitForQuiet(page, 0, 300);
    const times: number[] = [];
    for (let step = 0; step < STEPS; step++) {
      await armTimer(page, {
        from: '.timeline-host',
        startOn: 'keydown',
        until: '.timeline-host',
        attribute: 'aria-activedescendant',
        value: null,
        painted: false,
      });
      await page.keyboard.press('ArrowRight');
      times.push(await timerResult(page));
    }
    set(
      'keyboard.step-p95',
      ok(
        percentile(times, 95),
        `${STEPS} presses of Right from the first event, key to selection: median ` +
          `${percentile(times, 50).toFixed(1)} ms, slowest ${Math.max(...times).toFixed(1)} ms`,
      ),
    );
    await waitForQuiet(page, 0, 300);
  },
};

/** Wheel notches down the chronology, then as many back up: a reader scrolling the list. */
const CHRONOLOGY_NOTCHES = 30;

/**
 * The chronology at size: Ctrl+2 until its rows are drawn (the paint after the list box is
 * shown), then its scroll's work per frame while the wheel turns through it, and Ctrl+1 back.
 */
export const chronologyStep: Step = {
  name: 'chronology',
  keys: ['chronology.open', 'chronology.scroll-frame-p95'],
  limit: 'stepMs',
  run: async (visit) => {
    const { page, set } = visit;
    await page.locator('.timeline-host').focus();
    await armTimer(page, {
      from: 'body',
      startOn: 'keydown',
      until: '.chronology-pane',
      attribute: 'hidden',
      value: null,
      painted: true,
    });
    await page.keyboard.press('Control+2');
    const openMs = await timerResult(page);
    const list = page.getByRole('listbox', { name: 'Chronology' });
    await list.waitFor();
    const rows = await page.locator('.chronology-canvas [role="option"]').count();
    set('chronology.open', ok(openMs, `Ctrl+2 to its rows drawn (${rows} rows in the page)`));
    await visit.screenshot('chronology');
    const box = await list.boundingBox();
    if (!box) throw new Error('the chronology has no box');
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const stats = await measureGesture(page, async () => {
      await wheel(page, at, CHRONOLOGY_NOTCHES);
      await wheel(page, at, -CHRONOLOGY_NOTCHES);
    });
    set(
      'chronology.scroll-frame-p95',
      stats.p95 === null
        ? { value: null, status: 'not-finished', note: 'no frame drawn' }
        : ok(
            stats.p95,
            `${CHRONOLOGY_NOTCHES} wheel notches down and back, ${stats.frames} frames`,
          ),
    );
    await page.keyboard.press('Control+1');
    await waitForQuiet(page, 0, 300);
  },
};
