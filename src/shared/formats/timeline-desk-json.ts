/** The native format: the document itself as JSON, upgraded from older versions on import. */
import type { Result } from '../result';
import { type Lane, type TimelineDocument, TimelineDocumentSchema, type TimelineInfo } from '../schema';
import { parseWith } from '../validation';
import { migrateDocument } from './migrate';

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
  const migrated = migrateDocument(json);
  if (!migrated.ok) return migrated;
  return parseWith(TimelineDocumentSchema, migrated.value);
}
