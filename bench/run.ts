/**
 * npm run bench: Timeline Desk at 1,000, 10,000 and 100,000 events beside the tools a user would
 * otherwise pick, in one run on one machine: the store and services in Node, our renderer and
 * the peers (vis-timeline with its defaults, TimelineJS) in Chromium, and the Electron cold
 * start where Electron is installed. Prints the table, writes bench/results.json and the table in
 * docs/benchmarks.md. Exits 0 when figures are over budget (they are printed as FAIL) unless
 * --strict is given; a figure that cannot be taken at all is an error either way.
 *
 *   --smoke    1,000 events, short limits, results to test-results/: checks every figure can
 *              be taken (part of npm test); budgets are not applied.
 *   --strict   exit 1 when any figure is over its budget.
 *   --sizes=1000,10000   a subset of sizes (results go to test-results/, not the docs).
 *   --no-peers           ours only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { benchBuiltApp } from './built-app-bench';
import { chromiumVersion } from './chromium';
import { benchDesk } from './desk-bench';
import { benchElectron, ELECTRON_EVENTS } from './electron-bench';
import { BENCH_SIZES, generateTimeline } from './generate';
import { benchImportApart, IMPORT_EVENTS } from './import-bench';
import type { Measurement } from './measurement';
import { startPeerServer } from './peers/server';
import { timelineJsPeer } from './peers/timelinejs-peer';
import { visPeer } from './peers/vis-peer';
import { benchRenderer, OURS } from './renderer-bench';
import { type Figures, rendererMeasurements } from './renderer-metrics';
import {
  type BenchResults,
  consoleTable,
  DOCS_PATH,
  RESULTS_PATH,
  type RunInfo,
  updateDocs,
  verdict,
} from './report';
import { FULL_LIMITS, type Limits, notRun, type Tool, visit } from './session';
import { smokeProblems } from './smoke-check';
import { benchStoreApart } from './store-bench';

const SMOKE_LIMITS: Limits = { readyMs: 20_000, stepMs: 15_000, panMs: 1_000 };

const onlyOpening = (tool: Tool): Tool => ({
  ...tool,
  steps: tool.steps.filter((step) => step.name === 'open' || step.name === 'settle'),
});

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
  },
});
const smoke = values.smoke === true;
const sizes = smoke
  ? [1_000]
  : values.sizes
    ? values.sizes.split(',').map(Number)
    : [...BENCH_SIZES];
if (sizes.some((size) => !Number.isSafeInteger(size) || size < 1))
  throw new Error(`--sizes takes numbers of events, not ${values.sizes}`);
const full = !smoke && sizes.join() === BENCH_SIZES.join();
const limits = smoke ? SMOKE_LIMITS : FULL_LIMITS;
const resultsPath = full ? RESULTS_PATH : `test-results/bench-${smoke ? 'smoke' : 'partial'}.json`;

const started = Date.now();
/** Other work on the machine moves every figure: say how busy it was. */
const loadAtStart = loadavg()[0]!;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message: string) => console.log(`[${elapsed().padStart(5)}] ${message}`);

const measurements: Measurement[] = [];
/** A peer that could not open at a size is not run at the larger ones: it would not either. */
const didNotOpen = new Map<string, number>();
const server = await startPeerServer();
try {
  for (const events of sizes) {
    const at = `${events.toLocaleString('en')} events`;
    const doc = generateTimeline(events);
    log(`${at}: store and services in Node`);
    measurements.push(...(await benchStoreApart(events, { smoke })));
    log(`${at}: ${OURS} in Chromium`);
    const ours = await benchRenderer(doc, limits);
    const peers = new Map<string, Figures>();
    if (!values['no-peers']) {
      for (const tool of [visPeer(server, doc), timelineJsPeer(server, doc)]) {
        const failedAt = didNotOpen.get(tool.name);
        if (failedAt !== undefined) {
          const note = `not run: did not open in ${limits.readyMs / 1000} s at ${failedAt.toLocaleString('en')} events`;
          log(`${at}: ${tool.name} ${note}`);
          peers.set(tool.name, notRun(tool, note));
          continue;
        }
        log(`${at}: ${tool.name} in Chromium`);
        // In the smoke the peers only open (is the page drawn?): ours covers the gestures' code.
        const figures = await visit(smoke ? onlyOpening(tool) : tool, events, limits);
        if (figures.get('ready')?.status !== 'ok') didNotOpen.set(tool.name, events);
        peers.set(tool.name, figures);
      }
    }
    measurements.push(...rendererMeasurements(events, ours, peers));
  }
  log(`Import of ${smoke ? 'a small' : `a ${IMPORT_EVENTS.toLocaleString('en')}-event`} file`);
  measurements.push(...(await benchImportApart({ smoke })));
  log(
    `Stories: switching to a ${smoke ? 'small' : '10,000-event'} story; a TimelineJS-sheet CSV import`,
  );
  measurements.push(...(await benchDesk({ smoke })));
  const electronEvents = smoke ? 1_000 : ELECTRON_EVENTS;
  const startDoc = generateTimeline(electronEvents);
  log(`Built app cold start (Electron stand-in), ${electronEvents.toLocaleString('en')} events`);
  measurements.push(await benchBuiltApp(startDoc, Math.max(limits.readyMs, 60_000)));
  log(`Electron cold start, ${electronEvents.toLocaleString('en')} events`);
  const electron = await benchElectron(startDoc, limits.readyMs);
  if (electron.skipped) console.log(`Skipped the Electron cold start: ${electron.skipped}.`);
  measurements.push(electron);
} finally {
  await server.close();
}

const run: RunInfo = {
  date: new Date().toISOString(),
  command: `npm run bench${smoke ? ':smoke' : ''}${process.argv
    .slice(2)
    .filter((arg) => arg !== '--smoke')
    .map((arg) => ` ${arg}`)
    .join('')}`,
  durationMs: Date.now() - started,
  machine: {
    os: `${osType()} ${release()}`,
    cpus: [...new Set(cpus().map((cpu) => cpu.model))].map((model) => {
      const same = cpus().filter((cpu) => cpu.model === model);
      return { model, count: same.length, mhz: same[0]!.speed };
    }),
    memoryBytes: totalmem(),
    loadAverage: { start: loadAtStart, end: loadavg()[0]! },
  },
  node: process.version,
  chromium: await chromiumVersion(),
  sizes,
  limits,
};
const results: BenchResults = { run, measurements };
await mkdir(dirname(resultsPath), { recursive: true });
await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${consoleTable(measurements)}\n`);
log(`Wrote ${resultsPath}${full ? ` and the table in ${DOCS_PATH}` : ''}`);
if (full) await updateDocs(results);

const over = measurements.filter((m) => verdict(m) === 'FAIL');
if (over.length > 0 && !smoke)
  console.log(
    `${over.length} figure(s) over budget: ${over.map((m) => `${m.name} at ${m.events}`).join(', ')}`,
  );
const problems = smokeProblems(measurements, smoke);
if (problems.length > 0) {
  console.error(`Figures that could not be taken:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else if (values.strict && over.length > 0) {
  process.exitCode = 1;
}
