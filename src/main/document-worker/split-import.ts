/**
 * A large Timeline Desk JSON export read a line at a time, and by two threads at once when it
 * is very large. The export has one event a line (formats/timeline-desk-lines.ts): the worker
 * checks the first part of the lines while this thread reads every line into the events it
 * keeps and checks the rest, in slices, so the slow part, checking 100,000 events against the
 * schema, is shared, and no events are copied from the worker. Other layouts, and lines that
 * are not JSON, are read whole the usual way; the result and every refusal are the same as
 * parseImport's. A line that is exactly its event's JSON (nearly all are) is kept as that
 * JSON (ParsedImport.eventJson), so the store does not stringify the event again.
 */
import type { ParsedImport } from '../../shared/formats';
import { isJsonObject } from '../../shared/formats/migrate';
import {
  checkEventWithSchema,
  checkHeadFields,
  checkWholeDocument,
} from '../../shared/formats/timeline-desk-json';
import {
  canonicalText,
  type EventLines,
  eventLines,
  isCanonicalLine,
  NOT_JSON,
  parseLine,
} from '../../shared/formats/timeline-desk-lines';
import { fail, ok, type Result } from '../../shared/result';
import {
  FORMAT,
  FORMAT_VERSION,
  LIMITS,
  type TimelineEvent,
  TOO_MANY_EVENTS,
} from '../../shared/schema';
import { NOT_QUICK, quickEventCheck } from '../../shared/schema-fast';
import { stepEnds } from '../../shared/steps';
import { createSlicer, runInSlices } from '../time-slices';
import { checkLinesInWorker, inWorkerOr } from './client';
import type { LinesOutcome } from './protocol';

/**
 * The worker's share of the lines: this thread also reads all of them (JSON.parse), and
 * checks the rest. Reading a line costs about twice what checking it does (schema-fast.ts).
 */
const WORKER_SHARE = 0.7;
/**
 * Below this many events this thread checks them all, in slices: quicker than waking the
 * worker's own copy of the checking code, which is slow for its first few thousand events.
 */
const WORKER_FROM_EVENTS = 20_000;

/** parseImport for an export in this app's layout, or null for a text to read the usual way. */
export async function parseExportInTwo(
  text: string,
  { workerFromEvents = WORKER_FROM_EVENTS }: { readonly workerFromEvents?: number } = {},
): Promise<Result<ParsedImport> | null> {
  const lines = eventLines(text);
  if (lines === null) return null;
  const head = parseHead(lines.headText);
  if (head === null) return null;
  const count = lines.starts.length;
  const split = count < workerFromEvents ? 0 : Math.floor(count * WORKER_SHARE);
  let there: Promise<LinesOutcome> = Promise.resolve({
    notJson: false,
    failure: null,
    replacements: [],
    canonical: new Uint8Array(0),
  });
  if (split > 0) {
    const job = checkLinesInWorker(lines.text.slice(lines.starts[0], lines.ends[split - 1]));
    there = inWorkerOr(
      () => job.outcome,
      () => checkHere(lines, 0, split),
    );
    // The worker's text goes first: this thread's reading would otherwise hold it up.
    await job.sent;
  }
  const here = await readHere(lines, split);
  const worker = await there;
  if (here === null || worker.notJson) return null;
  // From here the whole text is known to be JSON: refusals in parseImport's order.
  if (count > LIMITS.maxEvents) return fail('invalid', `events: ${TOO_MANY_EVENTS}`, 'events');
  const failure = checkHeadFields(head) ?? worker.failure ?? here.failure;
  if (failure) return failure;
  const events = here.events;
  for (const [index, event] of worker.replacements) events[index] = event;
  const document = await runInSlices(checkWholeDocument({ ...head, events }));
  if (!document.ok) return document;
  const eventJson = await jsonOfLines(lines, here.canonical, worker.canonical);
  return ok({ format: 'json', document: document.value, eventJson });
}

/** The text of each line that is exactly its event's JSON; the worker says of its share. */
async function jsonOfLines(lines: EventLines, here: Uint8Array, worker: Uint8Array) {
  const slicer = createSlicer();
  const texts = new Array<string | undefined>(lines.starts.length);
  for (let i = 0; i < texts.length; i++) {
    if (i < worker.length ? worker[i] === 1 : here[i] === 1) texts[i] = canonicalText(lines, i);
    if (stepEnds(i)) await slicer.pause();
  }
  return texts;
}

/** The head as JSON, when it is this version's Timeline Desk document (else read it whole). */
function parseHead(headText: string) {
  let head: unknown;
  try {
    head = JSON.parse(headText);
  } catch {
    return null;
  }
  return isJsonObject(head) && head.format === FORMAT && head.version === FORMAT_VERSION
    ? head
    : null;
}

/**
 * Reads every line; checks those from `split` on, keeping what the schema made of them, and
 * keeps the others as read (the worker says where the schema changes them). `canonical`
 * marks the lines from `split` on that are exactly their event's JSON. Null when a line is
 * not JSON.
 */
async function readHere(lines: EventLines, split: number) {
  const slicer = createSlicer();
  const { text, starts, ends } = lines;
  const events: TimelineEvent[] = new Array<TimelineEvent>(starts.length);
  const canonical = new Uint8Array(starts.length);
  let failure: Result<never> | null = null;
  for (let i = 0; i < starts.length; i++) {
    const value = parseLine(lines, i);
    if (value === NOT_JSON) return null;
    if (i < split || failure !== null) events[i] = value as TimelineEvent;
    else {
      const quick = quickEventCheck(value);
      if (quick !== NOT_QUICK) {
        events[i] = value as TimelineEvent;
        if (isCanonicalLine(text, starts[i] as number, ends[i] as number, quick)) canonical[i] = 1;
      } else {
        const event = checkEventWithSchema(value, i);
        if (event.ok) events[i] = event.value;
        else failure = event;
      }
    }
    if (stepEnds(i)) await slicer.pause();
  }
  return { events, failure, canonical };
}

/** The worker's share, checked here when the worker cannot run. */
async function checkHere(lines: EventLines, from: number, to: number): Promise<LinesOutcome> {
  const replacements: [number, TimelineEvent][] = [];
  const slicer = createSlicer();
  for (let i = from; i < to; i++) {
    const value = parseLine(lines, i);
    if (value === NOT_JSON) return notJson();
    const quick = quickEventCheck(value);
    const event = quick === NOT_QUICK ? checkEventWithSchema(value, i) : ok(value as TimelineEvent);
    if (!event.ok) return { notJson: false, failure: event, replacements: [], canonical: none };
    replacements.push([i, event.value]);
    if (stepEnds(i)) await slicer.pause();
  }
  // The events are this thread's own: it knows their JSON when it stores them.
  return { notJson: false, failure: null, replacements, canonical: none };
}

const none = new Uint8Array(0);

function notJson(): LinesOutcome {
  return { notJson: true, failure: null, replacements: [], canonical: none };
}
