/**
 * Issue 4's store and service figures, taken in Node on real files in a temp folder with the
 * real services: opening a store (also with a journal of 10,000 changes to replay), single edits
 * until durable (p50 and p95) and a burst of edits, and the JSON export and import, at a given
 * number of generated events. `npm run bench` runs it in a process of its own
 * (benchStoreApart); `npx tsx bench/store-bench.ts 10000 [--smoke]` prints the figures as a table,
 * with --json as one JSON array.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { type AppServices, startAppServices } from '../src/main/app-services';
import type { Host } from '../src/main/service/host';
import { syncFile } from '../src/main/store/atomic-write';
import { appendDurably, journalLine, journalPath } from '../src/main/store/journal';
import { STORE_FILE_NAME } from '../src/main/store/timeline-repository';
import type { CommandName } from '../src/shared/command-names';
import { type CommandOutput, MAX_IMPORT_BYTES } from '../src/shared/contract';
import type { EventId, Timestamp } from '../src/shared/ids';
import type { PartialDate } from '../src/shared/partial-date';
import type { TimelineEvent } from '../src/shared/schema';
import { deskWithStory, storeFileOf } from '../test/fixtures/on-disk';
import { BENCH_SIZES, generateTimeline } from './generate';
import { type Measurement, type Unit, withinBudget } from './measurement';
import { cpuMeter, sampleStalls, settle, type Stalls } from './store-stalls';

export interface StoreBenchOptions {
  /** Fewer repetitions, for a quick check that every figure can be taken. */
  readonly smoke?: boolean;
}

/** Edits are this far apart, longer than the store's write spacing: each is one on its own. */
const EDIT_SPACING_MS = 100;
const SETTLE_AFTER_OPEN_MS = 1000;
const BURST_EDITS = 100;
const BURST_SPAN_MS = 100;
/** Single edits timed, enough for a 95th percentile (the second slowest of 40). */
const EDITS = 40;
/** The changes the journal of store.open.journal holds. */
const JOURNAL_CHANGES = 10_000;
/** `store-bench.ts EVENTS --open-journal DIR` prints measureOpenWithJournal's figure as JSON. */
const OPEN_JOURNAL_FLAG = '--open-journal';

export async function benchStore(
  events: number,
  options: StoreBenchOptions = {},
): Promise<Measurement[]> {
  const root = await mkdtemp(join(tmpdir(), 'timeline-desk-bench-'));
  try {
    return await measureIn(root, events, options.smoke === true);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * benchStore in a child Node process. What a store bench leaves in its process (a heap full of
 * 10,000s of events, its file work) slowed the browser harness that serves the renderer bench
 * next in the same process: 10k first draw to data-ready ~545 ms after it, ~420 ms after a child.
 * The app's main process never ran a bench before opening a window, so the renderer gets a clean one.
 */
export async function benchStoreApart(
  events: number,
  options: StoreBenchOptions = {},
): Promise<Measurement[]> {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, String(events), '--json'];
  if (options.smoke === true) args.push('--smoke');
  const stdout = await new Promise<string>((done, fail) => {
    // execArgv carries tsx's loader, so the child runs this TypeScript file as the parent does.
    const child = execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, out) =>
      error ? fail(error) : done(out),
    );
    child.stderr?.pipe(process.stderr);
  });
  const figures: unknown = JSON.parse(stdout);
  if (!Array.isArray(figures) || !figures.every(isMeasurement))
    throw new Error(`The store bench printed no figures: ${stdout.slice(0, 200)}`);
  return figures;
}

function isMeasurement(value: unknown): value is Measurement {
  const figure = value as Partial<Measurement> | null;
  return (
    typeof figure?.name === 'string' &&
    typeof figure.events === 'number' &&
    (figure.value === null || typeof figure.value === 'number')
  );
}

async function measureIn(root: string, events: number, smoke: boolean): Promise<Measurement[]> {
  const figure = (name: string, value: number, unit: Unit, budget: number | null, note?: string) =>
    ({ name, events, value, unit, budget, peers: {}, ...(note ? { note } : {}) }) as Measurement;
  const at = (size: number, budget: number) => (events === size ? budget : null);
  // The app's own blocking; what the machine's other work added is in the note (store-stalls.ts).
  const blocked = (name: string, stalls: Stalls, budget: number | null) =>
    figure(
      name,
      stalls.busyMs ?? stalls.wallMs,
      'ms',
      budget,
      `${stalls.busyMs === null ? '' : 'main-thread CPU between two timer turns; '}wall-clock gap ${round(stalls.wallMs)} ms, load average ${loadavg()[0]?.toFixed(1)}`,
    );

  const dataDir = join(root, 'store');
  const exportsDir = join(root, 'exports');
  await mkdir(exportsDir);
  const host: Host = { chooseExportPath: async (name) => join(exportsDir, name) };
  const journaled = await measureOpenWithJournalApart(join(root, 'journaled'), events);
  const { ids, fileSize } = await writeStore(dataDir, events);

  const opening = performance.now();
  const services = await startAppServices({ dataDir, host });
  const openMs = performance.now() - opening;
  const figures: Measurement[] = [
    figure('store.open', openMs, 'ms', null),
    figure('store.open.journal', journaled.ms, 'ms', at(100_000, 2000), journaled.note),
    figure('store.file-size', fileSize, 'bytes', null),
  ];
  try {
    // The backup made on opening is written, and the app has settled, before the edits start:
    // a user's first edit comes after the window has shown the timeline, seconds later.
    await services.flush();
    await settle(smoke ? 100 : SETTLE_AFTER_OPEN_MS);
    const probe = join(root, 'disk-probe');
    const edits = await measureEdits(services, ids, smoke ? 5 : EDITS, probe);
    figures.push(
      figure('store.edit.durable.p50', edits.p50, 'ms', null, edits.note),
      figure('store.edit.durable.p95', edits.p95, 'ms', at(100_000, 20), edits.note),
      blocked(
        'store.edit.blocked',
        edits.stalls,
        events === 10_000 || events === 100_000 ? 16 : null,
      ),
    );
    const burst = await measureBurst(services, ids);
    figures.push(figure('store.burst.writes', burst.writes, 'writes', null, burst.note));
    const exported = await measureExport(services);
    figures.push(
      figure('service.export.json', exported.ms, 'ms', at(100_000, 2000), exported.note),
      blocked('service.export.blocked', exported.stalls, at(100_000, 100)),
    );
    let text = await readFile(exported.path, 'utf8');
    let note = `${events.toLocaleString('en')} events in the JSON export, replacing the seed`;
    if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
      text = await readFile(await storeFileOf(dataDir), 'utf8');
      note = 'the JSON export is over the import limit: imported the compact store file';
    }
    const imported = await measureImport(join(root, 'import'), host, text, events);
    figures.push(
      figure('service.import', imported.ms, 'ms', at(100_000, 2000), `${note}; ${imported.note}`),
      blocked('service.import.blocked', imported.stalls, at(100_000, 100)),
    );
  } finally {
    await services.close();
  }
  return figures;
}

/**
 * The store file of a generated timeline, as the app writes it (compact JSON). Only the ids
 * are kept: the bench holds no large document while the app is measured.
 */
async function writeStore(dataDir: string, events: number) {
  const doc = generateTimeline(events);
  const text = JSON.stringify(doc);
  const folder = await deskWithStory(dataDir, text);
  await syncFile(join(folder, STORE_FILE_NAME)); // as writeJournaledStore does
  return { ids: doc.events.map((event) => event.id), fileSize: Buffer.byteLength(text, 'utf8') };
}

/**
 * Single title edits, spaced apart: dispatch until the change is on disk. The note tells the
 * app's part from the machine's: the CPU each edit took, and the disk alone, timed after each
 * edit (one line appended and fsynced to `probe`, as a journal commit does).
 */
async function measureEdits(
  services: AppServices,
  ids: readonly EventId[],
  count: number,
  probe: string,
) {
  const durations: number[] = [];
  const syncs: number[] = [];
  const cpuMs: number[] = [];
  await writeFile(probe, '');
  let stalls: Stalls = { wallMs: 0, busyMs: null };
  for (let i = 0; i < count; i++) {
    await settle(EDIT_SPACING_MS);
    const sampler = sampleStalls();
    const cpu = cpuMeter();
    const started = performance.now();
    const id = ids[(i * 7919) % ids.length];
    await call(services, 'updateEvent', { id, patch: { title: `Edited title ${i}` } });
    await services.whenSaved();
    durations.push(performance.now() - started);
    cpuMs.push(cpu().allMs);
    stalls = worst(stalls, sampler.stop());
    syncs.push(await timeDiskSync(probe));
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const spread = (values: number[]) => {
    const ordered = [...values].sort((a, b) => a - b);
    return `p50 ${round(median(ordered))}, p95 ${round(percentile(ordered, 0.95))} ms`;
  };
  const note =
    `${count} edits; slowest ${round(sorted.at(-1) ?? 0)} ms; CPU per edit (all threads) ` +
    `${spread(cpuMs)}; the disk alone (append + fsync) ${spread(syncs)}; load average ` +
    `${loadavg()[0]?.toFixed(1)}`;
  return { p50: median(sorted), p95: percentile(sorted, 0.95), stalls, note };
}

/** One line appended to `path` and fsynced, as appendDurably does: the disk's part of an edit. */
async function timeDiskSync(path: string): Promise<number> {
  const started = performance.now();
  await appendDurably(path, `${'x'.repeat(500)}\n`);
  return performance.now() - started;
}

/**
 * measureOpenWithJournal in a Node process of its own, so that it opens cold as the app starts
 * (and store.open, taken next in this process, stays a cold start too).
 */
async function measureOpenWithJournalApart(dataDir: string, events: number) {
  const script = fileURLToPath(import.meta.url);
  const args = ['--import', 'tsx', script, String(events), OPEN_JOURNAL_FLAG, dataDir];
  const stdout = await new Promise<string>((done, fail) => {
    const child = execFile(process.execPath, args, (error, out) =>
      error ? fail(error) : done(out),
    );
    child.stderr?.pipe(process.stderr);
  });
  return JSON.parse(stdout) as { readonly ms: number; readonly note: string };
}

/**
 * Opening a store whose journal holds JOURNAL_CHANGES changes not yet in its snapshot (the app
 * was killed before folding them in): the time until the services are up, the replay included.
 */
async function measureOpenWithJournal(dataDir: string, events: number) {
  const journalBytes = await writeJournaledStore(dataDir, events);
  const cpu = cpuMeter();
  const started = performance.now();
  const services = await startAppServices({
    dataDir,
    host: { chooseExportPath: async () => null },
  });
  const ms = performance.now() - started;
  const used = cpu();
  try {
    await services.flush(); // the replayed journal folded into a snapshot, as after any start
  } finally {
    await services.close();
  }
  await rm(dataDir, { recursive: true, force: true });
  const size = (journalBytes / 1e6).toFixed(1);
  const changes = JOURNAL_CHANGES.toLocaleString('en');
  return { ms, note: `${changes} changes to replay, ${size} MB; ${cpuNote(used)}` };
}

/**
 * A store file of `events` generated events and a journal beside it of JOURNAL_CHANGES single
 * event edits, one a line as the app commits them: titles retitled, and some undated point
 * events moved a year on (only events nothing follows up, so no follow-up starts before its
 * event). Returns the journal's size.
 */
async function writeJournaledStore(dataDir: string, events: number): Promise<number> {
  const doc = generateTimeline(events);
  const folder = await deskWithStory(dataDir, JSON.stringify(doc));
  const parents = new Set(doc.events.map((event) => event.followUpOf));
  const lines: string[] = [];
  const at = new Date();
  for (let i = 0; i < JOURNAL_CHANGES; i++) {
    const event = doc.events[(i * 7919) % doc.events.length]!;
    const movable = event.end === null && !parents.has(event.id) && event.start.startsWith('2023');
    const edited: TimelineEvent = {
      ...event,
      ...(i % 3 === 0 && movable
        ? { start: `2024${event.start.slice(4)}` as PartialDate }
        : { title: `${event.title.slice(0, 180)} (edit ${i})` }),
      updatedAt: new Date(at.getTime() + i).toISOString() as Timestamp,
    };
    doc.events[(i * 7919) % doc.events.length] = edited;
    lines.push(journalLine([{ upserted: [edited], removed: [] }], at));
  }
  const text = lines.join('');
  await writeFile(journalPath(folder, 1), text);
  // On disk before the clock starts, as a store written by an earlier run is: otherwise the
  // open's first fsync (its lock) waits for the kernel to write these 50 MB out.
  await syncFile(join(folder, STORE_FILE_NAME));
  await syncFile(journalPath(folder, 1));
  return Buffer.byteLength(text);
}

/** BURST_EDITS edits evenly over BURST_SPAN_MS (late ones go at once), then the file writes. */
async function measureBurst(services: AppServices, ids: readonly EventId[]) {
  await settle(EDIT_SPACING_MS);
  const writesBefore = services.writeCount;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < BURST_EDITS; i++) {
    const wait = started + (i * BURST_SPAN_MS) / BURST_EDITS - performance.now();
    if (wait >= 1) await settle(wait);
    const id = ids[(i * 31) % ids.length];
    pending.push(call(services, 'updateEvent', { id, patch: { title: `Burst edit ${i}` } }));
  }
  const spanMs = performance.now() - started;
  await Promise.all(pending);
  await services.whenSaved();
  const note = `${BURST_EDITS} edits over ${round(spanMs)} ms`;
  return { writes: services.writeCount - writesBefore, note };
}

async function measureExport(services: AppServices) {
  await settle(EDIT_SPACING_MS);
  const sampler = sampleStalls();
  const cpu = cpuMeter();
  const started = performance.now();
  const { path } = await call(services, 'exportJson', undefined);
  const ms = performance.now() - started;
  const stalls = sampler.stop();
  const used = cpu();
  const { size } = await stat(path);
  return { ms, stalls, path, note: `file of ${size.toLocaleString('en')} bytes; ${cpuNote(used)}` };
}

/** previewImport then applyImport (replace) into a fresh store holding the seed. */
async function measureImport(dataDir: string, host: Host, text: string, events: number) {
  const target = await startAppServices({ dataDir, host });
  try {
    await target.flush();
    await settle(EDIT_SPACING_MS);
    const sampler = sampleStalls();
    const cpu = cpuMeter();
    const started = performance.now();
    const fileName = 'bench.timeline.json';
    const { token } = await call(target, 'previewImport', { fileName, text });
    const change = await call(target, 'applyImport', { token, mode: 'replace' });
    const ms = performance.now() - started;
    const used = cpu();
    await target.whenSaved();
    const savedMs = performance.now() - started;
    if (change.upserted.length !== events) {
      throw new Error(`The import brought ${change.upserted.length} events, not ${events}`);
    }
    return {
      ms,
      stalls: sampler.stop(),
      note: `${cpuNote(used)}; on disk after ${round(savedMs)} ms`,
    };
  } finally {
    await target.close();
  }
}

/** Runs a command through the real dispatcher; a refusal is a failed bench, not a figure. */
export async function call<K extends CommandName>(
  services: AppServices,
  name: K,
  input: unknown,
): Promise<CommandOutput<K>> {
  const result = await services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
  return result.value;
}

/** How much CPU the work had: on a loaded machine, wall-clock time is mostly waiting for it. */
function cpuNote(used: ReturnType<ReturnType<typeof cpuMeter>>): string {
  const main = used.mainMs === null ? '' : `main thread ${round(used.mainMs)} ms, `;
  return `CPU: ${main}all threads ${round(used.allMs)} ms`;
}

function worst(a: Stalls, b: Stalls): Stalls {
  const busy =
    a.busyMs === null || b.busyMs === null ? (a.busyMs ?? b.busyMs) : Math.max(a.busyMs, b.busyMs);
  return { wallMs: Math.max(a.wallMs, b.wallMs), busyMs: busy };
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The figures as rows for console.table. */
export function tableRows(figures: readonly Measurement[]) {
  return figures.map((m) => ({
    name: m.name,
    events: m.events,
    value: m.value === null ? null : round(m.value),
    unit: m.unit,
    budget: m.budget,
    within: m.budget === null ? '' : withinBudget(m) ? 'yes' : 'NO',
    note: m.note ?? '',
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args[1] === OPEN_JOURNAL_FLAG && args[2]) {
    process.stdout.write(JSON.stringify(await measureOpenWithJournal(args[2], Number(args[0]))));
    process.exit(0);
  }
  const smoke = args.includes('--smoke');
  const json = args.includes('--json');
  const sizes = args.filter((arg) => !arg.startsWith('--')).map(Number);
  const figures: Measurement[] = [];
  for (const size of sizes.length > 0 ? sizes : BENCH_SIZES) {
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`Not a number of events: ${size}`);
    const taken = await benchStore(size, { smoke });
    if (json) figures.push(...taken);
    else console.table(tableRows(taken));
  }
  if (json) process.stdout.write(JSON.stringify(figures));
}
