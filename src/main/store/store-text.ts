/**
 * The store file's text: compact JSON, exactly what JSON.stringify writes for the document,
 * built in parts from each event's cached JSON so that a save after one edit re-stringifies
 * one event, not all of them.
 */
import {
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  type TimelineEvent,
  type TimelineInfo,
} from '../../shared/schema';
import { createSlicer } from '../time-slices';
import type { EventJsonCache } from './event-json';

/** The document as it is at one moment; later changes do not touch it. */
export interface StoreSnapshot {
  readonly timeline: TimelineInfo;
  readonly lanes: readonly Lane[];
  readonly events: readonly TimelineEvent[];
}

/**
 * A part holds events up to about this many characters. Strings and buffers under V8's and
 * malloc's large-object size (128 KB) come from memory already in use; larger ones are fresh
 * pages, which cost about as much again as the work itself.
 */
export const PART_CHARS = 64 * 1024;

/** The parts of the file's text, in order; joined, they are JSON.stringify(document). */
export async function storeTextParts(
  snapshot: StoreSnapshot,
  json: EventJsonCache,
): Promise<string[]> {
  const { timeline, lanes, events } = snapshot;
  const head = JSON.stringify({
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline,
    lanes,
    events: [],
  });
  const parts = [head.slice(0, -2)]; // without the closing "]}"
  const slicer = createSlicer();
  let group: string[] = [];
  let length = 0;
  for (let i = 0; i < events.length; i++) {
    const text = json.of(events[i] as TimelineEvent);
    group.push(text);
    length += text.length;
    if (length < PART_CHARS && i < events.length - 1) continue;
    parts.push(parts.length === 1 ? group.join(',') : `,${group.join(',')}`);
    group = [];
    length = 0;
    await slicer.pause();
  }
  parts.push(']}');
  return parts;
}
