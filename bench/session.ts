/**
 * One tool at one size in a fresh Chromium: the steps of the visit (open, pan, zoom, drag...)
 * run one after another, each within its time limit. A step that runs out of time ends the
 * visit: its figures and those of every later step are reported as not finished, and the
 * browser is closed, so a peer that never finishes cannot hold up the run.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { launchChromium, VIEWPORT } from './chromium';
import type { GestureStats } from './frame-stats';
import { OutOfTime, withinLimit } from './gestures';
import type { PeerValue } from './measurement';
import { addProbe } from './page-probe';
import { type Figures, type Gesture, type MetricKey, ok } from './renderer-metrics';

export const SCREENSHOTS = 'test-results/screenshots';

export interface Limits {
  /** For a page to say it is ready (and its main thread to go quiet). */
  readonly readyMs: number;
  /** For each gesture or other step after that. */
  readonly stepMs: number;
  /** How long the pan sweeps (not a limit: the smoke pans for less). */
  readonly panMs: number;
}

export const FULL_LIMITS: Limits = { readyMs: 60_000, stepMs: 20_000, panMs: 2_000 };

export interface Visit {
  readonly page: Page;
  readonly events: number;
  readonly limits: Limits;
  readonly figures: ReadonlyMap<MetricKey, PeerValue>;
  set(key: MetricKey, value: PeerValue): void;
  setGesture(
    gesture: Gesture,
    stats: GestureStats & { readonly coreShare: number | null },
    note?: string,
  ): void;
  /** Counts the item elements now, in a named state (the visit reports the most). */
  count(state: string): Promise<void>;
  screenshot(state: string): Promise<void>;
}

export interface Step {
  readonly name: string;
  /** The figures this step sets; reported as not finished when the step is not. */
  readonly keys: readonly MetricKey[];
  /** Which limit applies. */
  readonly limit: keyof Limits;
  run(visit: Visit): Promise<void>;
}

export interface Tool {
  /** As shown in the table, e.g. "vis-timeline (defaults)". */
  readonly name: string;
  /** For file names. */
  readonly slug: string;
  /** What counts as an item element in this tool's DOM. */
  readonly itemSelector: string;
  /** The attribute our app sets when ready; null when the page calls __bench.markReady(). */
  readonly readyAttribute: string | null;
  readonly steps: readonly Step[];
  /** Figures this tool cannot have, and why (a viewer saves nothing). */
  readonly notApplicable?: Readonly<Partial<Record<MetricKey, string>>>;
}

function notApplicable(tool: Tool): Figures {
  const figures: Figures = new Map();
  for (const [key, note] of Object.entries(tool.notApplicable ?? {}) as [MetricKey, string][])
    figures.set(key, { value: null, status: 'not-applicable', note });
  return figures;
}

/** The figures of a tool that is not run at this size, each saying why. */
export function notRun(tool: Tool, note: string): Figures {
  const figures = notApplicable(tool);
  for (const step of tool.steps)
    for (const key of step.keys) figures.set(key, { value: null, status: 'not-finished', note });
  return figures;
}

export async function visit(tool: Tool, events: number, limits: Limits): Promise<Figures> {
  const figures = notApplicable(tool);
  const counts: { state: string; count: number }[] = [];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await addProbe(page, tool.readyAttribute);
    const session: Visit = {
      page,
      events,
      limits,
      figures,
      set: (key, value) => figures.set(key, value),
      setGesture: (gesture, stats, note) => {
        const share =
          stats.coreShare === null
            ? ''
            : `main thread had a core ${Math.round(Math.min(1, stats.coreShare) * 100)}% of its task time`;
        const frames = [`${stats.frames} frames, ${stats.inputs} input events`, share, note]
          .filter(Boolean)
          .join('; ');
        const measured = (value: number | null) =>
          value === null ? { value, status: 'not-finished' as const, note: 'no frame' } : ok(value);
        figures.set(`${gesture}.frame-p50`, measured(stats.p50));
        figures.set(`${gesture}.frame-p95`, { ...measured(stats.p95), note: frames });
        figures.set(`${gesture}.long-tasks`, ok(stats.longTasks));
        figures.set(`${gesture}.longest-task`, ok(stats.longestTask));
      },
      count: async (state) => {
        counts.push({ state, count: await page.locator(tool.itemSelector).count() });
      },
      screenshot: async (state) => {
        await mkdir(SCREENSHOTS, { recursive: true });
        const path = join(SCREENSHOTS, `bench-${tool.slug}-${events}-${state}.png`);
        await page.screenshot({ path, timeout: limits.stepMs });
      },
    };
    await runSteps(tool.steps, session, figures);
  } finally {
    await browser.close();
  }
  // The most over the states reached, even when a later step did not finish.
  if (counts.length > 0) {
    const most = Math.max(...counts.map((entry) => entry.count));
    const states = counts.map((entry) => `${entry.state} ${entry.count}`).join(', ');
    figures.set('items', ok(most, states));
  }
  return figures;
}

async function runSteps(steps: readonly Step[], session: Visit, figures: Figures): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const limitMs = session.limits[step.limit];
    try {
      await withinLimit(limitMs, step.run(session));
    } catch (error) {
      if (!(error instanceof OutOfTime)) {
        const note = `failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`;
        for (const key of step.keys)
          figures.set(key, { value: null, status: 'not-finished', note });
        continue;
      }
      for (const key of step.keys)
        if (!figures.has(key)) figures.set(key, { value: null, status: 'not-finished', limitMs });
      const note = `not reached: ${step.name} did not finish in ${limitMs / 1000} s`;
      for (const later of steps.slice(index + 1))
        for (const key of later.keys)
          figures.set(key, { value: null, status: 'not-finished', note });
      return;
    }
  }
}
