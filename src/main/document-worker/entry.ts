/**
 * The document worker: reads and checks large documents (store and backup files, imported
 * files) off the main process, and sends the checked events back in batches while it checks
 * the next ones. Started by client.ts; built as out/main/document-worker.js.
 */
import { randomUUID } from 'node:crypto';
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';

import { checkEventWithSchema } from '../../shared/formats/timeline-desk-json';
import { isCanonicalLine } from '../../shared/formats/timeline-desk-lines';
import type { EventId } from '../../shared/ids';
import { sameJson } from '../../shared/json-equal';
import { ok } from '../../shared/result';
import type { TimelineDocument, TimelineEvent } from '../../shared/schema';
import { NOT_QUICK, quickEventCheck } from '../../shared/schema-fast';
import { loadFormats } from '../formats-on-demand';
import { checkStoreText, errorMessage, readStoreText } from '../store/store-file-check';
import {
  BATCHES_AHEAD,
  type FromWorker,
  type JobOutcome,
  type LinesOutcome,
  SEND_BATCH,
  type ToWorker,
  type WorkerJob,
} from './protocol';

const port = parentPort;
if (port === null) throw new Error('The document worker runs only as a worker thread.');

/** The job whose text is still arriving. */
let receiving: { id: number; job: WorkerJob; parts: string[] } | null = null;
/** Batches of the current job sent and not yet acknowledged. */
let ahead = 0;
let onAck: (() => void) | null = null;
let currentId = 0;

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'job':
      if (message.job.kind !== 'store' && message.job.textParts > 0) {
        receiving = { id: message.id, job: message.job, parts: [] };
      } else void run(message.id, message.job, '');
      return;
    case 'text':
      if (receiving?.id !== message.id) return;
      receiving.parts.push(message.part);
      if (receiving.job.kind !== 'store' && receiving.parts.length === receiving.job.textParts) {
        const { id, job, parts } = receiving;
        receiving = null;
        void run(id, job, parts.join(''));
      }
      return;
    case 'ack':
      if (message.id !== currentId) return;
      ahead--;
      onAck?.();
      onAck = null;
  }
});

function post(message: FromWorker): void {
  port?.postMessage(message);
}

async function run(id: number, job: WorkerJob, text: string): Promise<void> {
  currentId = id;
  ahead = 0;
  try {
    post({ type: 'done', id, outcome: await outcomeOf(id, job, text) });
  } catch (error) {
    post({ type: 'failed', id, message: errorMessage(error) });
  }
}

async function outcomeOf(id: number, job: WorkerJob, text: string): Promise<JobOutcome> {
  if (job.kind === 'lines') return { kind: 'lines', outcome: checkLines(text) };
  if (job.kind === 'store') {
    const read = await readStoreText(job.path);
    if (read.kind !== 'text') return { kind: 'store', state: read };
    const state = await sendAll(id, checkStoreText(read.text), (done) =>
      done.kind === 'valid' ? done.document.events : [],
    );
    return {
      kind: 'store',
      state: state.kind === 'valid' ? { ...state, document: noEvents(state.document) } : state,
    };
  }
  // Ids for rows that have none: random, as the service's own are.
  const newId = () => randomUUID() as EventId;
  const current: TimelineDocument = {
    ...job.current,
    lanes: [...job.current.lanes],
    eras: [...job.current.eras],
    events: [],
  };
  const { parseImportInBatches } = await loadFormats();
  const result = await sendAll(
    id,
    parseImportInBatches(text, job.fileName, {
      now: job.now,
      newId,
      current,
      mapping: job.mapping,
    }),
    (done) => (done.ok ? done.value.document.events : []),
  );
  return {
    kind: 'import',
    result: result.ok ? ok({ ...result.value, document: noEvents(result.value.document) }) : result,
  };
}

/**
 * Runs a checking generator, sending each batch it hands out; then sends whatever events of
 * the finished document were not handed out (formats that are converted whole).
 */
async function sendAll<Done>(
  id: number,
  checking: Generator<readonly TimelineEvent[], Done, undefined>,
  eventsOf: (done: Done) => readonly TimelineEvent[],
): Promise<Done> {
  let sent = 0;
  for (let step = checking.next(); ; step = checking.next()) {
    if (step.done) {
      const events = eventsOf(step.value);
      for (let from = sent; from < events.length; from += SEND_BATCH) {
        await send(id, events.slice(from, from + SEND_BATCH));
      }
      return step.value;
    }
    await send(id, step.value);
    sent += step.value.length;
  }
}

async function send(id: number, events: readonly TimelineEvent[]): Promise<void> {
  const data = serialize(events);
  // The serialized batch owns its memory: it moves to the main process without a copy.
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  port?.postMessage({ type: 'events', id, data } satisfies FromWorker, whole ? [data.buffer] : []);
  ahead++;
  while (ahead >= BATCHES_AHEAD) await new Promise<void>((acknowledged) => (onAck = acknowledged));
}

/**
 * The worker's share of an export's event lines: one event a line, a comma after each. Says
 * which lines are exactly their event's JSON, so the main process can keep them as that.
 */
function checkLines(text: string): LinesOutcome {
  const replacements: [number, TimelineEvent][] = [];
  const lines = text.split('\n');
  const canonical = new Uint8Array(lines.length);
  const none = new Uint8Array(0);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const end = i < lines.length - 1 ? line.length - 1 : line.length;
    let value: unknown;
    try {
      value = JSON.parse(end < line.length ? line.slice(0, end) : line);
    } catch {
      return { notJson: true, failure: null, replacements: [], canonical: none };
    }
    const quick = quickEventCheck(value);
    if (quick !== NOT_QUICK) {
      if (isCanonicalLine(line, 0, end, quick)) canonical[i] = 1;
      continue;
    }
    const event = checkEventWithSchema(value, i);
    if (!event.ok) return { notJson: false, failure: event, replacements: [], canonical: none };
    if (!sameJson(event.value, value)) replacements.push([i, event.value]);
  }
  return { notJson: false, failure: null, replacements, canonical };
}

function noEvents(document: TimelineDocument): TimelineDocument {
  return { ...document, events: [] };
}
