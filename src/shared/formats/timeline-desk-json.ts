/** The native format: the document itself as JSON, upgraded from older versions on import. */
import { z } from 'zod';

import { fail, type Result } from '../result';
import {
  DocumentHeadSchema,
  DocumentOfCheckedEventsSchema,
  type Lane,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineInfo,
} from '../schema';
import { describeIssue, parseWith } from '../validation';
import { isJsonObject, migrateDocument } from './migrate';

/** Everything of a document but its events. */
export interface DocumentHead {
  readonly format: TimelineDocument['format'];
  readonly version: TimelineDocument['version'];
  readonly timeline: TimelineInfo;
  readonly lanes: readonly Lane[];
}

/** A part holds event lines up to about this many characters (small strings are cheap). */
const PART_CHARS = 64 * 1024;

/**
 * Pretty JSON (two spaces, trailing newline) with one event a line: readable, a diff shows
 * which events changed, and 100,000 events stay under the 50 MB import limit.
 */
export function toTimelineDeskJson(doc: TimelineDocument): string {
  const events = doc.events.map((event) => JSON.stringify(event));
  return [...timelineDeskJsonParts(doc, events)].join('');
}

/**
 * toTimelineDeskJson's text in parts, from each event's compact JSON as JSON.stringify writes
 * it (the main process keeps those strings, so a large export stringifies nothing again).
 */
export function* timelineDeskJsonParts(
  doc: DocumentHead,
  eventJson: readonly string[],
): Generator<string, void, undefined> {
  const { format, version, timeline, lanes } = doc;
  const head = JSON.stringify({ format, version, timeline, lanes }, null, 2);
  yield `${head.slice(0, -2)},\n  "events": [`; // the head without its closing "\n}"
  let lines: string[] = [];
  let length = 0;
  for (let i = 0; i < eventJson.length; i++) {
    const line = eventJson[i] as string;
    lines.push(line);
    length += line.length;
    if (length < PART_CHARS && i < eventJson.length - 1) continue;
    yield `${i < lines.length ? '\n    ' : ',\n    '}${lines.join(',\n    ')}`;
    lines = [];
    length = 0;
  }
  yield eventJson.length === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

/** Checks parsed JSON from anywhere as a Timeline Desk document of any version we read. */
export function fromTimelineDeskJson(json: unknown): Result<TimelineDocument> {
  return runToEnd(fromTimelineDeskJsonInBatches(json));
}

/** fromTimelineDeskJson, handing out checked events in batches (see checkDocumentInBatches). */
export function* fromTimelineDeskJsonInBatches(
  json: unknown,
): Generator<readonly TimelineEvent[], Result<TimelineDocument>, undefined> {
  const migrated = migrateDocument(json);
  if (!migrated.ok) return migrated;
  return yield* checkDocumentInBatches(migrated.value);
}

/** Checked events are handed out this many at a time. */
export const CHECK_BATCH = 500;

/**
 * TimelineDocumentSchema.safeParse in stages, handing out each batch of checked events as it
 * is checked (a worker thread sends them on while it checks the next). Same document and same
 * first problem as the schema in one go: the fields before the events, each event in order,
 * then the document as a whole (event count, unknown keys, lanes, references).
 */
export function* checkDocumentInBatches(
  json: unknown,
): Generator<readonly TimelineEvent[], Result<TimelineDocument>, undefined> {
  if (!isJsonObject(json) || !Array.isArray(json.events)) {
    return parseWith(TimelineDocumentSchema, json);
  }
  const head = DocumentHeadSchema.safeParse({ ...json, events: [] });
  const first = head.success ? undefined : head.error.issues[0];
  if (first && HEAD_FIELDS.has(first.path[0])) return describedFailure(first);
  const events: TimelineEvent[] = [];
  for (let from = 0; from < json.events.length; from += CHECK_BATCH) {
    const batch: TimelineEvent[] = [];
    for (let i = from; i < Math.min(from + CHECK_BATCH, json.events.length); i++) {
      const event = TimelineEventSchema.safeParse(json.events[i]);
      if (!event.success) {
        const issue = event.error.issues[0] as z.core.$ZodIssue;
        return describedFailure({ ...issue, path: ['events', i, ...issue.path] });
      }
      batch.push(event.data);
    }
    events.push(...batch);
    yield batch;
  }
  return parseWith(DocumentOfCheckedEventsSchema, { ...json, events });
}

/** The document's fields checked before its events, as TimelineDocumentSchema orders them. */
const HEAD_FIELDS: ReadonlySet<PropertyKey | undefined> = new Set([
  'format',
  'version',
  'timeline',
  'lanes',
]);

function describedFailure(issue: z.core.$ZodIssue): Result<never> {
  const error = describeIssue(new z.ZodError([issue]));
  return fail(error.code, error.message, error.path);
}

/** Runs a batch generator to its end and returns its result (no one to hand batches to). */
export function runToEnd<Result>(generator: Generator<unknown, Result, undefined>): Result {
  for (;;) {
    const step = generator.next();
    if (step.done) return step.value;
  }
}
