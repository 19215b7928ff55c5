/** The native format: the document itself as JSON, upgraded from older versions on import. */
import { z } from 'zod';

import { fail, ok, type Result } from '../result';
import {
  DocumentHeadSchema,
  type Era,
  type Lane,
  LIMITS,
  referenceIssues,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
  TimelineEventSchema,
  type TimelineInfo,
  TOO_MANY_EVENTS,
} from '../schema';
import { NOT_QUICK, quickEventCheck } from '../schema-fast';
import { runToEnd } from '../steps';
import { describeIssue, parseWith } from '../validation';
import { isJsonObject, type JsonObject, migrateDocument } from './migrate';

/** Everything of a document but its events. */
export interface DocumentHead {
  readonly format: TimelineDocument['format'];
  readonly version: TimelineDocument['version'];
  readonly timeline: TimelineInfo;
  readonly lanes: readonly Lane[];
  readonly eras: readonly Era[];
}

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
 * it (the main process keeps those strings, so a large export stringifies nothing again and
 * joins nothing: the parts are written one by one).
 */
export function* timelineDeskJsonParts(
  doc: DocumentHead,
  eventJson: readonly string[],
): Generator<string, void, undefined> {
  const { format, version, timeline, lanes, eras } = doc;
  const head = JSON.stringify({ format, version, timeline, lanes, eras }, null, 2);
  yield `${head.slice(0, -2)},\n  "events": [`; // the head without its closing "\n}"
  for (let i = 0; i < eventJson.length; i++) {
    yield i === 0 ? '\n    ' : ',\n    ';
    yield eventJson[i] as string;
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
  const headFailure = checkHead(json).failure;
  if (headFailure) return headFailure;
  const events: TimelineEvent[] = [];
  for (let from = 0; from < json.events.length; from += CHECK_BATCH) {
    const batch: TimelineEvent[] = [];
    for (let i = from; i < Math.min(from + CHECK_BATCH, json.events.length); i++) {
      const event = checkEvent(json.events[i], i);
      if (!event.ok) return event;
      batch.push(event.value);
    }
    events.push(...batch);
    yield batch;
  }
  return runToEnd(checkWholeDocument({ ...json, events }));
}

/**
 * Checks the document's event at `index`; a problem is named as the whole schema names it.
 * An event the schema would give back unchanged is given back as it is (schema-fast.ts).
 */
export function checkEvent(value: unknown, index: number): Result<TimelineEvent> {
  if (quickEventCheck(value) !== NOT_QUICK) return ok(value as TimelineEvent);
  return checkEventWithSchema(value, index);
}

/** checkEvent by the schema alone, for a value quickEventCheck has said NOT_QUICK of. */
export function checkEventWithSchema(value: unknown, index: number): Result<TimelineEvent> {
  const event = TimelineEventSchema.safeParse(value);
  if (event.success) return ok(event.data);
  const issue = event.error.issues[0] as z.core.$ZodIssue;
  return describedFailure({ ...issue, path: ['events', index, ...issue.path] });
}

/**
 * TimelineDocumentSchema's rules for a document whose events each passed TimelineEventSchema
 * already (they are not checked again): its fields, the number of events, unknown keys, then
 * lanes and references. The same result and first problem as the schema, in steps.
 */
export function* checkWholeDocument(
  json: JsonObject & { readonly events: readonly TimelineEvent[] },
): Generator<void, Result<TimelineDocument>, undefined> {
  const { head, failure, unknownKeys } = checkHead(json);
  if (failure) return failure;
  if (json.events.length > LIMITS.maxEvents) {
    return describedFailure(customIssue(['events'], TOO_MANY_EVENTS));
  }
  if (unknownKeys || !head) return unknownKeys ?? fail('invalid', 'is not valid');
  const [issue] = yield* referenceIssues({
    lanes: head.lanes,
    eras: head.eras,
    events: json.events,
  });
  if (issue) return describedFailure(customIssue(issue.path, issue.message));
  return ok({ ...head, events: [...json.events] });
}

/**
 * The document's fields other than its events. `failure` is a problem TimelineDocumentSchema
 * reports before any event's; `unknownKeys` one it reports after the events.
 */
/** A problem of the document's fields that TimelineDocumentSchema reports before any event's. */
export function checkHeadFields(json: JsonObject): Result<never> | null {
  return checkHead(json).failure;
}

function checkHead(json: JsonObject) {
  const parsed = DocumentHeadSchema.safeParse({ ...json, events: [] });
  if (parsed.success) return { head: parsed.data, failure: null, unknownKeys: null };
  const first = parsed.error.issues[0] as z.core.$ZodIssue;
  const before = HEAD_FIELDS.has(first.path[0]);
  return {
    head: null,
    failure: before ? describedFailure(first) : null,
    unknownKeys: before ? null : describedFailure(first),
  };
}

function customIssue(path: PropertyKey[], message: string): z.core.$ZodIssue {
  return { code: 'custom', path, message, input: undefined } as z.core.$ZodIssue;
}

/** The document's fields checked before its events, as TimelineDocumentSchema orders them. */
const HEAD_FIELDS: ReadonlySet<PropertyKey | undefined> = new Set([
  'format',
  'version',
  'timeline',
  'lanes',
  'eras',
]);

function describedFailure(issue: z.core.$ZodIssue): Result<never> {
  const error = describeIssue(new z.ZodError([issue]));
  return fail(error.code, error.message, error.path);
}
