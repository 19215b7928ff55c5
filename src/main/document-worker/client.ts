/**
 * The main process's side of the document worker: one worker thread, started when a large
 * document must be read and stopped after a while without work. Checked events arrive in
 * batches and are acknowledged one by one, so each costs the main process a few milliseconds
 * and nothing else waits long. Anything wrong with the worker itself falls back to doing the
 * same work here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';

import type { ImportContext, ParsedImport } from '../../shared/formats';
import { ok, type Result } from '../../shared/result';
import type { TimelineEvent } from '../../shared/schema';
import type { StoreFileState } from '../store/store-file-check';
import { createSlicer } from '../time-slices';
import type { FromWorker, JobOutcome, LinesOutcome, ToWorker, WorkerJob } from './protocol';

/** Files from this size on are read in the worker; smaller ones take a few ms to read here. */
export const WORKER_MIN_BYTES = 1024 * 1024;
/** The worker stops after this long without a job (its memory goes back). */
const IDLE_MS = 60_000;
/** An imported text goes to the worker in parts of this many characters (small copies). */
const TEXT_PART_CHARS = 64 * 1024;

export async function readStoreFileInWorker(path: string): Promise<StoreFileState> {
  const { outcome, events } = await runJob({ kind: 'store', path });
  if (outcome.kind !== 'store') throw new Error('The document worker answered another job.');
  const { state } = outcome;
  return state.kind === 'valid' ? { ...state, document: { ...state.document, events } } : state;
}

/** parseImport in the worker; ids it gives rows that have none are random UUIDs. */
export async function parseImportInWorker(
  text: string,
  fileName: string,
  context: Pick<ImportContext, 'now' | 'current' | 'mapping'>,
): Promise<Result<ParsedImport>> {
  const { format, version, timeline, lanes, eras } = context.current;
  const job: WorkerJob = {
    kind: 'import',
    fileName,
    now: context.now,
    current: { format, version, timeline, lanes, eras },
    mapping: context.mapping,
    textParts: Math.ceil(text.length / TEXT_PART_CHARS),
  };
  const { outcome, events } = await runJob(job, text);
  if (outcome.kind !== 'import') throw new Error('The document worker answered another job.');
  const { result } = outcome;
  return result.ok
    ? ok({ ...result.value, document: { ...result.value.document, events } })
    : result;
}

/**
 * Checks event lines of an export (split-import.ts) in the worker. `sent` settles once the
 * worker has all the text (or the job has ended), so that the caller's own work does not hold
 * up the worker's start.
 */
export function checkLinesInWorker(text: string): {
  readonly sent: Promise<void>;
  readonly outcome: Promise<LinesOutcome>;
} {
  const job: WorkerJob = { kind: 'lines', textParts: Math.ceil(text.length / TEXT_PART_CHARS) };
  let markSent = (): void => undefined;
  const sent = new Promise<void>((done) => (markSent = done));
  const outcome = runJob(job, text, markSent).then(({ outcome: done }) => {
    if (done.kind !== 'lines') throw new Error('The document worker answered another job.');
    return done.outcome;
  });
  outcome.then(markSent, markSent);
  return { sent, outcome };
}

/**
 * Starts the worker ahead of need for a timeline this large (its imports, exports' files and
 * backups are large too), and has it check some of the timeline's own events: the first large
 * file then meets code that is loaded and compiled, which checks it a third faster.
 */
export function prestartWorkerFor(count: number, events: Iterable<TimelineEvent>): void {
  if (count < PRESTART_EVENTS || worker !== null) return;
  const lines: string[] = [];
  for (const event of events) {
    if (lines.length === WARM_UP_EVENTS) break;
    lines.push(JSON.stringify(event));
  }
  // Nothing waits for the outcome; a worker that cannot start tells the first real job.
  checkLinesInWorker(lines.join(',\n')).outcome.catch(() => undefined);
}

/** About WORKER_MIN_BYTES of events. */
const PRESTART_EVENTS = 2000;
/** Events the worker checks when it starts ahead. */
const WARM_UP_EVENTS = 1000;

/** Runs `work` in the worker, or `here` in this thread when the worker cannot run at all. */
export async function inWorkerOr<T>(
  work: () => Promise<T>,
  here: () => T | Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!warned) console.warn('The document worker failed; reading in the main process.', error);
    warned = true;
    return here();
  }
}

interface Received {
  readonly outcome: JobOutcome;
  readonly events: TimelineEvent[];
}

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
/** Jobs run one after another. */
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;
let warned = false;

function runJob(job: WorkerJob, text = '', onSent?: () => void): Promise<Received> {
  const run = queue.then(() => runOne(job, text, onSent));
  queue = run.catch(() => undefined);
  return run;
}

async function runOne(job: WorkerJob, text: string, onSent?: () => void): Promise<Received> {
  const thread = startedWorker();
  const id = nextId++;
  const send = (message: ToWorker) => thread.postMessage(message);
  const batches = new BatchReader();
  let settle = (): void => undefined;
  try {
    return await new Promise<Received>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.id !== id) return;
        if (message.type === 'events') {
          send({ type: 'ack', id });
          batches.add(message.data);
        } else if (message.type === 'done') {
          batches.all().then((events) => resolve({ outcome: message.outcome, events }), reject);
        } else reject(new Error(`The document worker failed: ${message.message}`));
      };
      const onError = (error: Error) => reject(error);
      const onExit = (code: number) =>
        reject(new Error(`The document worker stopped (exit code ${code}).`));
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      settle = () => {
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      send({ type: 'job', id, job });
      sendText(send, id, text).then(onSent, reject);
    });
  } finally {
    settle();
    rest(thread);
  }
}

/** Deserializes batches of events one at a time, in slices, in the order they came. */
class BatchReader {
  readonly #waiting: Uint8Array[] = [];
  readonly #events: TimelineEvent[] = [];
  #reading: Promise<void> | null = null;
  #failure: unknown = null;

  add(data: Uint8Array): void {
    this.#waiting.push(data);
    this.#reading ??= this.#read().finally(() => (this.#reading = null));
  }

  async all(): Promise<TimelineEvent[]> {
    await this.#reading;
    if (this.#failure !== null) throw this.#failure;
    return this.#events;
  }

  async #read(): Promise<void> {
    const slicer = createSlicer();
    try {
      while (this.#waiting.length > 0) {
        const batch = deserialize(this.#waiting[0] as Uint8Array) as TimelineEvent[];
        this.#waiting.shift();
        for (const event of batch) this.#events.push(event);
        await slicer.pause();
      }
    } catch (error) {
      this.#failure = error;
      this.#waiting.length = 0;
    }
  }
}

/** The text in parts, yielding between them: copying 50 MB at once would hold up the app. */
async function sendText(send: (message: ToWorker) => void, id: number, text: string) {
  const slicer = createSlicer();
  for (let from = 0; from < text.length; from += TEXT_PART_CHARS) {
    send({ type: 'text', id, part: text.slice(from, from + TEXT_PART_CHARS) });
    await slicer.pause();
  }
}

function startedWorker(): Worker {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  if (worker !== null) {
    worker.ref();
    return worker;
  }
  const started = newWorker();
  // A worker that fails is replaced for the next job; its error is reported to the job.
  started.on('error', () => undefined);
  started.on('exit', () => {
    if (worker === started) worker = null;
  });
  worker = started;
  return started;
}

/** Lets the process exit while the worker waits for work, and stops it when idle. */
function rest(thread: Worker): void {
  thread.unref();
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (worker === thread) worker = null;
    void thread.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/**
 * Built, this module is part of out/main/index.js and the worker is out/main/document-worker.js
 * (electron.vite.config.ts). From source (vitest, tsx) the worker's own .ts file runs, through
 * tsx's loader registered inside the worker (Node 20 workers ignore `--import` loaders).
 */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./document-worker.js', import.meta.url));
  }
  const tsx = pathToFileURL(
    join(dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  );
  const entry = new URL('./entry.ts', import.meta.url);
  const boot = `import(${JSON.stringify(tsx.href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}

// Not named `require`: the bundle's ESM shim declares that name at the top of out/main/index.js.
const requireHere = createRequire(import.meta.url);
