/**
 * The document worker: reads and checks large documents (store and backup files, imported
 * files) off the main process, and sends the checked events back in batches while it checks
 * the next ones. Started by client.ts; built as out/main/document-worker.js.
 */
import { randomUUID } from 'node:crypto';
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';

import { parseImportInBatches } from '../../shared/formats';
import { checkEvent } from '../../shared/formats/timeline-desk-json';
import type { EventId } from '../../shared/ids';
import { sameJson } from '../../shared/json-equal';
import { ok } from '../../shared/result';
import type { TimelineDocument, TimelineEvent } from '../../shared/schema';
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
  const current: TimelineDocument = { ...job.current, lanes: [...job.current.lanes], events: [] };
  const result = await sendAll(
    id,
    parseImportInBatches(text, job.fileName, { now: job.now, newId, current }),
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

/** The worker's share of an export's event lines: one event a line, a comma after each. */
function checkLines(text: string): LinesOutcome {
  const replacements: [number, TimelineEvent][] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(i < lines.length - 1 ? line.slice(0, -1) : line);
    } catch {
      return { notJson: true, failure: null, replacements: [] };
    }
    const event = checkEvent(value, i);
    if (!event.ok) return { notJson: false, failure: event, replacements: [] };
    if (!sameJson(event.value, value)) replacements.push([i, event.value]);
  }
  return { notJson: false, failure: null, replacements };
}

function noEvents(document: TimelineDocument): TimelineDocument {
  return { ...document, events: [] };
}
