/**
 * Issue 15's big import: a JSON export of IMPORT_EVENTS events (46.5 MB; the issue's file was
 * 49 MB) previewed and applied (replace) to a small timeline through the real services and
 * dispatcher, while getTimeline is asked every 50 ms as the window would. Two figures: the most
 * memory the process (all its threads) held above its settled baseline, and the longest
 * getTimeline wait, from when the call was due to its answer (a busy thread delays a due timer
 * as it would an IPC message). The file is written before the baseline and read as part of the
 * import, as the text arrives by IPC in the app. `npm run bench` runs it in a process of its own
 * with --expose-gc (benchImportApart); `npx tsx --expose-gc bench/import-bench.ts [events]
 * [--pretty]` prints the figures as a table.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { type AppServices, startAppServices } from '../src/main/app-services';
import { exportTimeline } from '../src/shared/formats';
import type { TimelineDocument } from '../src/shared/schema';
import { generateTimeline } from './generate';
import type { Measurement } from './measurement';
import { call, tableRows } from './store-bench';
import { settle } from './store-stalls';

/** About 49 MB as the app exports it, the size issue 15 names. */
export const IMPORT_EVENTS = 100_000;
/** Over the document worker's 1 MB, so the smoke takes the same path. */
const SMOKE_EVENTS = 5_000;
const MB = 1_000_000;
const PEAK_BUDGET_BYTES = 600 * MB;
const WAIT_BUDGET_MS = 200;
const ASK_EVERY_MS = 50;
const SAMPLE_EVERY_MS = 20;
const SETTLE_MS = 1000;

export interface ImportBenchOptions {
  /** A small file, for a quick check that the figures can be taken. */
  readonly smoke?: boolean;
}

/** The import bench in a child Node process, with gc exposed for a settled baseline. */
export async function benchImportApart(options: ImportBenchOptions = {}): Promise<Measurement[]> {
  const events = options.smoke === true ? SMOKE_EVENTS : IMPORT_EVENTS;
  const script = fileURLToPath(import.meta.url);
  // execArgv carries tsx's loader, so the child runs this TypeScript file as the parent does.
  const args = [...process.execArgv, '--expose-gc', script, String(events), '--json'];
  const stdout = await new Promise<string>((done, fail) => {
    const child = execFile(process.execPath, args, { maxBuffer: 1024 * 1024 }, (error, out) =>
      error ? fail(error) : done(out),
    );
    child.stderr?.pipe(process.stderr);
  });
  const figures: unknown = JSON.parse(stdout);
  if (!Array.isArray(figures) || figures.length !== 2)
    throw new Error(`The import bench printed no figures: ${stdout.slice(0, 200)}`);
  return figures as Measurement[];
}

/**
 * 'export' is the file as the app exports it (one event a line, read by two threads); 'pretty'
 * is the same document indented throughout, as another tool might write it (read whole).
 */
export type Layout = 'export' | 'pretty';

function fileText(document: TimelineDocument, layout: Layout): string {
  return layout === 'export'
    ? exportTimeline('json', document).text
    : JSON.stringify(document, null, 2);
}

export async function benchImport(
  events: number,
  layout: Layout = 'export',
): Promise<Measurement[]> {
  const root = await mkdtemp(join(tmpdir(), 'timeline-desk-import-bench-'));
  try {
    return await measureIn(root, events, layout);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function measureIn(root: string, events: number, layout: Layout): Promise<Measurement[]> {
  const filePath = join(root, 'big.timeline.json');
  await writeFile(filePath, fileText(generateTimeline(events), layout));
  const { size } = await stat(filePath);
  const services = await startAppServices({
    dataDir: join(root, 'store'),
    host: { chooseExportPath: async () => null },
  });
  try {
    await services.flush();
    const before = (await call(services, 'getTimeline', undefined)).document.events.length;
    const baseline = await settledMemory();
    const memory = sampleMemory();
    const asking = askTimelineMeanwhile(services, before, events);
    const started = performance.now();
    const text = await readFile(filePath, 'utf8');
    const { token } = await call(services, 'previewImport', { fileName: 'big.json', text });
    const change = await call(services, 'applyImport', { token, mode: 'replace' });
    await services.whenSaved();
    const importMs = performance.now() - started;
    const waits = await asking.stop();
    const peak = memory.stop();
    if (change.upserted.length !== events)
      throw new Error(`The import brought ${change.upserted.length} events, not ${events}`);
    const at = (budget: number) => (events === IMPORT_EVENTS ? budget : null);
    const load = `load average ${loadavg()[0]?.toFixed(1)}`;
    const peakNote =
      `${events.toLocaleString('en')} events, ${layout === 'export' ? 'exported' : 'pretty-printed'}, file of ${size.toLocaleString('en')} bytes, ` +
      `replacing the seed (a merge would pass the 100,000-event limit); peak RSS over a baseline of ${mb(baseline.rss)}, ` +
      `JS heap peak ${mb(peak.heapUsed - baseline.heapUsed)} over it; ` +
      `preview, apply and save took ${Math.round(importMs)} ms; ${load}`;
    const waitNote =
      `longest of ${waits.count} getTimeline calls due every ${ASK_EVERY_MS} ms during ` +
      `the import (median ${Math.round(waits.medianMs)} ms); each answer was the timeline ` +
      `before or after it, never between; ${load}`;
    return [
      figure(
        'store.import.peakMemory',
        events,
        peak.rss - baseline.rss,
        'bytes',
        at(PEAK_BUDGET_BYTES),
        peakNote,
      ),
      figure(
        'store.import.getTimelineWait',
        events,
        waits.longestMs,
        'ms',
        at(WAIT_BUDGET_MS),
        waitNote,
      ),
    ];
  } finally {
    await services.close();
  }
}

function figure(
  name: string,
  events: number,
  value: number,
  unit: Measurement['unit'],
  budget: number | null,
  note: string,
): Measurement {
  return { name, events, value, unit, budget, peers: {}, note };
}

/** Memory once garbage is collected (when gc is exposed) and the process has gone quiet. */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  await settle(SETTLE_MS);
  globalThis.gc?.();
  await settle(100);
  return process.memoryUsage();
}

/** The highest RSS and JS heap seen, sampled every SAMPLE_EVERY_MS. */
function sampleMemory() {
  let rss = 0;
  let heapUsed = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heapUsed = Math.max(heapUsed, now.heapUsed);
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { rss, heapUsed };
    },
  };
}

/**
 * getTimeline every ASK_EVERY_MS until stopped: how long each answer took, and a check that each
 * holds the events of the timeline before the import or after it, never a part of it.
 */
function askTimelineMeanwhile(services: AppServices, before: number, after: number) {
  const waits: number[] = [];
  let stopped = false;
  let seen: number | null = null;
  const loop = (async () => {
    let asked = performance.now();
    while (!stopped) {
      const { document } = await call(services, 'getTimeline', undefined);
      waits.push(performance.now() - asked);
      const count = document.events.length;
      if (count !== before && count !== after) seen ??= count;
      // From when it is due: a message that comes while the thread is busy waits for it too.
      asked = performance.now() + ASK_EVERY_MS;
      await settle(ASK_EVERY_MS);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      if (seen !== null) throw new Error(`getTimeline saw ${seen} events during the import`);
      const sorted = waits.sort((a, b) => a - b);
      return {
        count: sorted.length,
        longestMs: sorted.at(-1) ?? 0,
        medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
      };
    },
  };
}

function mb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const sizes = args.filter((arg) => !arg.startsWith('--')).map(Number);
  const events = sizes[0] ?? IMPORT_EVENTS;
  if (!Number.isSafeInteger(events) || events < 1) throw new Error(`Not a number of events`);
  const figures = await benchImport(events, args.includes('--pretty') ? 'pretty' : 'export');
  if (args.includes('--json')) process.stdout.write(JSON.stringify(figures));
  else console.table(tableRows(figures));
}
