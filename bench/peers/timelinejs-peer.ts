/**
 * The TimelineJS peer: Knight Lab's TimelineJS given our TimelineJS export of the same events
 * (bench/peers/timelinejs.html). It has no wheel zoom and no editing: pan is a drag on its time
 * navigation, zoom its own Zoom in / Zoom out buttons, from the deepest level to the shallowest.
 */
import { exportTimeline } from '../../src/shared/formats/index';
import type { TimelineDocument } from '../../src/shared/schema';
import { measureGesture, pause } from '../gestures';
import { waitForQuiet } from '../page-probe';
import type { Step, Tool, Visit } from '../session';
import { gestureKeys, openSteps, panStep } from '../vis-steps';
import type { PeerServer } from './server';

export const TIMELINEJS_PEER = 'TimelineJS';
/** TimelineJS's zoom_sequence has eleven levels (0 to 10): ten clicks cross all of them. */
const ZOOM_CLICKS = 10;

/** The page's TimelineJS, as page.evaluate sees it (the Node tsconfig has no DOM). */
interface TimelineJsGlobals {
  readonly timeline: { setZoom(level: number): void };
}
/** About as fast as a person clicks a button again. */
const CLICK_EVERY_MS = 150;

async function clickRepeatedly(visit: Visit, name: string): Promise<void> {
  // The mouse, not locator.click(): a button at its last level would wait to be enabled.
  const box = await visit.page.getByRole('button', { name, exact: true }).boundingBox();
  if (!box) throw new Error(`no ${name} button in view`);
  for (let n = 0; n < ZOOM_CLICKS; n++) {
    const sent = Date.now();
    await visit.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await pause(sent + CLICK_EVERY_MS - Date.now());
  }
}

export function timelineJsPeer(server: PeerServer, doc: TimelineDocument): Tool {
  const name = `timelinejs-${doc.events.length}.json`;
  server.setData(name, exportTimeline('timelinejs', doc).text);
  // Not measured: straight to its deepest level through its API, one redraw instead of ten.
  const zoomIn: Step = {
    name: 'zoom in',
    keys: [],
    limit: 'stepMs',
    run: async (visit) => {
      await visit.page.evaluate((level) => {
        (globalThis as unknown as TimelineJsGlobals).timeline.setZoom(level);
      }, ZOOM_CLICKS);
      await waitForQuiet(visit.page, 0, 500);
      await visit.count('zoomed in');
      await visit.screenshot('zoomed-in');
    },
  };
  const zoomOut: Step = {
    name: 'zoom out',
    keys: gestureKeys('zoom'),
    limit: 'stepMs',
    run: async (visit) => {
      const stats = await measureGesture(visit.page, () => clickRepeatedly(visit, 'Zoom out'));
      visit.setGesture('zoom', stats, `${ZOOM_CLICKS} clicks on Zoom out`);
      await visit.count('zoomed out');
    },
  };
  return {
    name: TIMELINEJS_PEER,
    slug: 'timelinejs',
    itemSelector: '.tl-timemarker',
    readyAttribute: null,
    notApplicable: { 'drag.saved': 'TimelineJS shows a timeline; it does not edit one' },
    steps: [
      ...openSteps(`${server.origin}/pages/timelinejs.html?data=${name}`),
      panStep('.tl-timeaxis'),
      zoomIn,
      zoomOut,
    ],
  };
}
