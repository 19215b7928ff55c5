/**
 * Our renderer in Chromium through the browser harness (the real renderer build, the real
 * main-process services over loopback HTTP), visited the way every peer is (bench/vis-steps.ts),
 * plus what only an editor does: an event dragged to another lane and the time until that change
 * is in the store file on disk.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { Page } from '@playwright/test';

import { startHarness } from '../e2e/harness/server';
import { listJournals } from '../src/main/store/journal';
import { STORE_FILE_NAME } from '../src/main/store/timeline-repository';
import type { TimelineDocument, TimelineEvent } from '../src/shared/schema';
import { deskWithStory, storeOnDisk, storyFolder } from '../test/fixtures/on-disk';
import { chronologyStep, filterStep, keyStepStep, searchStep } from './find-steps';
import { pause, type Point, visibleCentre, wheel } from './gestures';
import { waitForQuiet } from './page-probe';
import { type Figures, ok } from './renderer-metrics';
import { type Limits, type Step, visit } from './session';
import { AXIS, ITEMS_PANEL, visSteps } from './vis-steps';

export const OURS = 'Timeline Desk';

interface DragPlan {
  readonly from: Point;
  readonly to: Point;
  readonly title: string;
}

interface PlanGlobals {
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly document: {
    querySelector(selector: string): PlanElement | null;
    querySelectorAll(selector: string): ArrayLike<PlanElement>;
  };
}

interface PlanElement {
  readonly textContent: string | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
}

/** An item whose middle is in view, and the middle of another lane's row in view to drop it. */
async function planDrag(page: Page): Promise<DragPlan | null> {
  return page.evaluate(() => {
    const { document, innerWidth, innerHeight } = globalThis as unknown as PlanGlobals;
    const panel = document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
    if (!panel) return null;
    const [left, right] = [Math.max(panel.left, 0), Math.min(panel.right, innerWidth)];
    const [top, bottom] = [Math.max(panel.top, 0), Math.min(panel.bottom, innerHeight)];
    const rows = Array.from(document.querySelectorAll('.vis-foreground .vis-group'), (row) => {
      const box = row.getBoundingClientRect();
      return { top: Math.max(box.top, top), bottom: Math.min(box.bottom, bottom) };
    });
    // vis-timeline marks the items a user may drag; clusters and summaries are not among them.
    const items = document.querySelectorAll('.vis-item.vis-editable:not(.vis-cluster)');
    for (const item of Array.from(items)) {
      const box = item.getBoundingClientRect();
      const x = (Math.max(box.left, left) + Math.min(box.right, right)) / 2;
      const y = (box.top + box.bottom) / 2;
      if (Math.min(box.right, right) - Math.max(box.left, left) < 8 || y < top || y > bottom)
        continue;
      const other = rows.find((row) => row.bottom - row.top > 8 && (y < row.top || y > row.bottom));
      if (!other) continue;
      const title = (item.textContent ?? '').trim();
      return { from: { x, y }, to: { x, y: (other.top + other.bottom) / 2 }, title };
    }
    return null;
  });
}

/**
 * planDrag, asked again for up to a second, as a user looks before dragging: our view opens the
 * events of a window a moment after the wheel rests.
 */
async function planDragSoon(page: Page): Promise<DragPlan | null> {
  const until = Date.now() + 1_000;
  for (;;) {
    const plan = await planDrag(page);
    if (plan || Date.now() > until) return plan;
    await pause(50);
  }
}

const moved = (a: TimelineEvent, b: TimelineEvent | undefined) =>
  !b || a.laneId !== b.laneId || a.start !== b.start || a.end !== b.end;

/**
 * What is saved in a data folder, in short: the snapshot's identity and each journal's size. A
 * save changes it (a journal line, or a new snapshot); reading it costs a few stats.
 */
async function savedState(dataDir: string): Promise<string> {
  const folder = await storyFolder(dataDir);
  const snapshot = await stat(join(folder, STORE_FILE_NAME));
  const journals = await Promise.all(
    (await listJournals(folder)).map(
      async (file) => `${file.generation}:${(await stat(file.path)).size}`,
    ),
  );
  return [snapshot.ino, snapshot.mtimeMs, ...journals].join(' ');
}

/** Drags an event to another lane; the figure is the time from the drop to its save on disk. */
function dragStep(storePath: string, doc: TimelineDocument): Step {
  return {
    name: 'drag',
    keys: ['drag.saved'],
    limit: 'stepMs',
    run: async ({ page, set }) => {
      // Lanes stacked taller than the window hide their neighbours: zoom in until two show.
      let plan = await planDragSoon(page);
      let closer = 0;
      for (; !plan && closer < 20; closer++) {
        await wheel(page, await visibleCentre(page, ITEMS_PANEL), -1);
        await waitForQuiet(page, 0, 300);
        plan = await planDragSoon(page);
      }
      if (!plan) throw new Error('no event item and other lane in view to drag between');
      const dataDir = dirname(storePath);
      const before = await savedState(dataDir);
      const mouse = page.mouse;
      await mouse.move(plan.from.x, plan.from.y);
      await mouse.down();
      // Sideways first: vis-timeline starts an item drag only on horizontal movement.
      for (let step = 1; step <= 4; step++) await mouse.move(plan.from.x + 5 * step, plan.from.y);
      for (let step = 1; step <= 10; step++)
        await mouse.move(plan.to.x + 20, plan.from.y + ((plan.to.y - plan.from.y) * step) / 10);
      const dropped = Date.now();
      await mouse.up();
      const earlier = new Map(doc.events.map((event) => [event.id, event]));
      // A save of something else (the first snapshot, written in the background after the
      // window opens) changes the folder too: wait for the save that holds the move.
      let [state, changed, savedMs] = [before, [] as TimelineEvent[], 0];
      while (changed.length === 0) {
        while ((await savedState(dataDir)) === state) await pause(2);
        savedMs = Date.now() - dropped;
        state = await savedState(dataDir);
        const saved = await storeOnDisk(dataDir);
        changed = saved.events.filter((event) => moved(event, earlier.get(event.id)));
      }
      if (changed.length !== 1)
        throw new Error(`the file saved after the drop has ${changed.length} moved events, not 1`);
      const where = closer > 0 ? `, ${closer} wheel notches closer than a day` : '';
      set('drag.saved', ok(savedMs, `"${plan.title.slice(0, 40)}" to another lane${where}`));
      if (closer > 0) await wheel(page, await visibleCentre(page, ITEMS_PANEL), closer);
    },
  };
}

/** Writes `doc` as the harness's store, serves the renderer build with it, and visits it. */
export async function benchRenderer(doc: TimelineDocument, limits: Limits): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'timeline-desk-bench-'));
  await deskWithStory(dataDir, JSON.stringify(doc));
  const harness = await startHarness({ dataDir, port: 0 });
  try {
    const steps = visSteps(harness.url, AXIS, {
      extra: [
        dragStep(harness.services.storePath, doc),
        // The chronology opens first: its first opening sorts the events (the search step
        // opens it too).
        chronologyStep,
        searchStep,
        filterStep,
        keyStepStep,
      ],
    });
    return await visit(
      {
        name: OURS,
        slug: 'timeline-desk',
        itemSelector: '.vis-item',
        readyAttribute: 'data-ready',
        steps,
      },
      doc.events.length,
      limits,
    );
  } finally {
    await harness.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
