/**
 * Our TimelineJS export, loaded by TimelineJS itself (Knight Lab's built library from
 * node_modules) in real Chromium: one slide per event with our headlines, dates at their
 * precision, lanes as groups, and hostile text shown as text. The page is served from loopback;
 * every other request is blocked and recorded, and there must be none.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

import { expect, type Page, test } from '@playwright/test';

import seedJson from '../../data/seed-timeline.json' with { type: 'json' };
import { toTimelineJs } from '../../src/shared/formats/timelinejs';
import type { EraId, EventId, LaneId, TimelineId, Timestamp } from '../../src/shared/ids';
import type { PartialDate } from '../../src/shared/partial-date';
import {
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
} from '../../src/shared/schema';

const DIST = resolve('node_modules/@knight-lab/timelinejs/dist');
const SCREENSHOTS = resolve('test-results/screenshots');
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>TimelineJS check</title>
    <link rel="stylesheet" href="/tl/css/timeline.css" />
    <script src="/tl/js/timeline.js"></script>
    <style>html, body { margin: 0; } #timeline-embed { width: 100%; height: 680px; }</style>
  </head>
  <body><div id="timeline-embed"></div></body>
</html>`;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.eot': 'application/vnd.ms-fontobject',
};

const seed = TimelineDocumentSchema.parse(seedJson);
const HOSTILE = `<img src=x onerror="document.title='pwned';alert(1)">`;

let server: Server;
let origin: string;
/** Paths the server was asked for that it does not have (an injected <img src=x> would be one). */
const missing: string[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://loopback').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    const file = normalize(join(DIST, path.replace(/^\/tl\//, '/')));
    if (!path.startsWith('/tl/') || !file.startsWith(DIST + sep)) {
      missing.push(path);
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => {
        missing.push(path);
        response.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(SCREENSHOTS, { recursive: true });
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

/** The page's globals as page.evaluate sees them (this tsconfig has no DOM). */
interface PageGlobals {
  readonly TL: { Timeline: new (id: string, data: unknown, options: object) => TimelineJs };
  timeline?: TimelineJs;
  readonly document: {
    querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }>;
  };
}

interface TimelineJs {
  readonly ready?: boolean;
  readonly config: { readonly events: readonly unknown[]; getErrors(): unknown[] };
  goToId(id: string): void;
}

interface Watch {
  readonly blocked: string[];
  readonly dialogs: string[];
}

/** Opens the page with every request off loopback blocked, and renders `doc` in TimelineJS. */
async function renderInTimelineJs(page: Page, doc: TimelineDocument): Promise<Watch> {
  const watch: Watch = { blocked: [], dialogs: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    watch.blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  missing.length = 0;
  await page.goto(`${origin}/`);
  await page.evaluate(
    ({ data, scriptPath }) => {
      const page = globalThis as unknown as PageGlobals;
      page.timeline = new page.TL.Timeline(
        'timeline-embed',
        data,
        // Our copy of the library and no web font: nothing is fetched from a CDN.
        { script_path: scriptPath, font: null, hash_bookmark: false, language: 'en' },
      );
    },
    {
      data: JSON.parse(JSON.stringify(toTimelineJs(doc))) as unknown,
      scriptPath: `${origin}/tl/js/`,
    },
  );
  await page.waitForFunction(() => {
    const { timeline, document } = globalThis as unknown as PageGlobals;
    return timeline?.ready === true && document.querySelectorAll('.tl-timemarker').length > 0;
  });
  return watch;
}

/** What TimelineJS made of the data: its event count, errors, and the texts it shows. */
async function rendered(page: Page) {
  return page.evaluate(() => {
    const { timeline, document } = globalThis as unknown as Required<PageGlobals>;
    const texts = (selector: string) =>
      Array.from(document.querySelectorAll(selector), (el) => el.textContent?.trim() ?? '');
    return {
      events: timeline.config.events.length,
      errors: timeline.config.getErrors(),
      slideHeadlines: texts('.tl-slide:not(.tl-slide-titleslide) .tl-headline'),
      titleHeadline: texts('.tl-slide-titleslide .tl-headline')[0],
      markers: texts('.tl-timemarker .tl-headline'),
      groups: texts('.tl-timegroup-message'),
      eras: texts('.tl-timeera .tl-headline'),
    };
  });
}

/** Moves TimelineJS to the slide of an event, as its "next" button would. */
async function goToEvent(page: Page, id: string): Promise<void> {
  await page.evaluate((eventId) => {
    (globalThis as unknown as Required<PageGlobals>).timeline.goToId(eventId);
  }, id);
}

/** The date line of the slide whose headline is `headline`. */
async function dateOfSlide(page: Page, headline: string): Promise<string> {
  const slide = page.locator('.tl-slide').filter({
    has: page.locator('.tl-headline', { hasText: headline }),
  });
  return ((await slide.locator('.tl-headline-date').textContent()) ?? '').trim();
}

test('TimelineJS shows the seed: a slide per event, our headlines, lanes and precise dates', async ({
  page,
}) => {
  const watch = await renderInTimelineJs(page, seed);
  const shown = await rendered(page);
  expect(shown.errors).toEqual([]);
  expect(shown.events).toBe(seed.events.length);
  expect(shown.slideHeadlines.toSorted()).toEqual(seed.events.map((e) => e.title).toSorted());
  expect(shown.markers.toSorted()).toEqual(seed.events.map((e) => e.title).toSorted());
  expect(shown.titleHeadline).toBe(seed.timeline.title);
  const usedLanes = new Set(seed.events.map((e) => e.laneId));
  expect(shown.groups.toSorted()).toEqual(
    seed.lanes
      .filter((lane) => usedLanes.has(lane.id))
      .map((lane) => lane.title)
      .toSorted(),
  );
  // Month precision reads as a month, day precision as a day.
  expect(await dateOfSlide(page, "Russia's military campaign in Ukraine begins")).toBe(
    'February 2022',
  );
  expect(await dateOfSlide(page, "Putin's state visit to North Korea")).toMatch(/June 16,? 2024/);

  await goToEvent(page, seed.events[0]!.id);
  await expect(
    page.locator('.tl-slide-content').filter({ hasText: 'February 2022' }).first(),
  ).toBeInViewport();
  await page.screenshot({ path: join(SCREENSHOTS, 'timelinejs.png') });
  expect(watch.blocked).toEqual([]);
  expect(missing).toEqual([]);
});

test('TimelineJS shows our eras in its time navigation, each with its name', async ({ page }) => {
  const eras = [
    {
      id: '6f1d3f0e-3c1a-4c55-9d7e-2b8f0a1c9e01' as EraId,
      title: 'Summit month',
      start: '2024-06' as PartialDate,
      end: '2024-06' as PartialDate,
    },
    {
      id: '6f1d3f0e-3c1a-4c55-9d7e-2b8f0a1c9e02' as EraId,
      title: 'War & <b>sanctions</b>',
      start: '2022-02-24' as PartialDate,
      end: '2024' as PartialDate,
    },
  ];
  const watch = await renderInTimelineJs(page, { ...seed, eras });
  const shown = await rendered(page);
  expect(shown.errors).toEqual([]);
  expect(shown.events).toBe(seed.events.length);
  expect(shown.eras.toSorted()).toEqual(eras.map((era) => era.title).toSorted());
  await page.screenshot({ path: join(SCREENSHOTS, 'timelinejs-eras.png') });
  expect(watch.blocked).toEqual([]);
  expect(watch.dialogs).toEqual([]);
});

test('TimelineJS shows hostile titles, text and lane names as text and runs nothing', async ({
  page,
}) => {
  const doc = hostileTimeline();
  const watch = await renderInTimelineJs(page, doc);
  const shown = await rendered(page);
  expect(shown.errors).toEqual([]);
  expect(shown.events).toBe(doc.events.length);
  expect(shown.slideHeadlines.toSorted()).toEqual(doc.events.map((e) => e.title).toSorted());
  expect(shown.titleHeadline).toBe(HOSTILE);
  expect(shown.groups.toSorted()).toEqual([HOSTILE, '<b>Bold</b> & "quoted"'].toSorted());
  const description = page.locator('.tl-text-content', { hasText: '<script>' }).first();
  await expect(description).toContainText('<script>document.title="pwned"</script>');
  await expect(description).toContainText('second line');
  // Nothing ran: no dialog, no new title, no element made from our text, no request for "x".
  expect(watch.dialogs).toEqual([]);
  expect(await page.title()).toBe('TimelineJS check');
  expect(
    await page
      .locator('#timeline-embed img[src="x"], #timeline-embed script, #timeline-embed b')
      .count(),
  ).toBe(0);
  expect(watch.blocked).toEqual([]);
  expect(missing).toEqual([]);
  // A time is written as UTC parts, and the label TimelineJS shows says UTC.
  expect(await dateOfSlide(page, 'Text with <b>tags</b> & "quotes"')).toMatch(
    /19 June 2024.*14:30 UTC/,
  );
  await goToEvent(page, doc.events[1]!.id);
  await expect(description).toBeInViewport();
  await page.screenshot({ path: join(SCREENSHOTS, 'timelinejs-hostile.png') });
});

function hostileTimeline(): TimelineDocument {
  const at = '2024-06-17T08:00:00.000Z' as Timestamp;
  const event = (n: number, overrides: Partial<TimelineEvent>): TimelineEvent => ({
    id: `00000000-0000-4000-8000-00000000000${n}` as EventId,
    title: `Event ${n}`,
    start: '2024-06-18' as PartialDate,
    end: null,
    description: '',
    laneId: 'evil' as LaneId,
    status: 'occurred',
    certainty: 'reported',
    tags: [],
    actors: [],
    location: '',
    sources: [],
    followUpOf: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
  return TimelineDocumentSchema.parse({
    format: 'timeline-desk',
    version: 1,
    timeline: {
      id: '00000000-0000-4000-8000-0000000000aa' as TimelineId,
      title: HOSTILE,
      description: HOSTILE,
    },
    lanes: [
      { id: 'evil', title: HOSTILE, color: '#c0392b' },
      { id: 'quoted', title: '<b>Bold</b> & "quoted"', color: '#2e6fba' },
    ],
    events: [
      event(1, { title: HOSTILE }),
      event(2, {
        title: `Text with <b>tags</b> & "quotes"`,
        description: '<script>document.title="pwned"</script>\nsecond line',
        start: '2024-06-19T14:30Z' as PartialDate,
        laneId: 'quoted' as LaneId,
        sources: [
          {
            title: `<a href="javascript:alert(2)">x</a>`,
            url: 'https://example.org/?q=<script>',
            publisher: '',
            published: null,
            quote: '',
            language: '',
          },
        ],
      }),
      event(3, { title: 'javascript:alert(3)', start: '2024-06' as PartialDate }),
    ],
  });
}
