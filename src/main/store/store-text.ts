/**
 * The store file's text: compact JSON, exactly what JSON.stringify writes for the document,
 * as a list of parts made of each event's cached JSON: a save after one edit re-stringifies
 * one event, not all of them, and joins nothing (the writer encodes the parts one by one).
 */
import {
  type Era,
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  type TimelineEvent,
  type TimelineInfo,
} from '../../shared/schema';
import { stepEnds } from '../../shared/steps';
import { createSlicer } from '../time-slices';
import type { EventJsonCache } from './event-json';

/** The document as it is at one moment; later changes do not touch it. */
export interface StoreSnapshot {
  readonly timeline: TimelineInfo;
  readonly lanes: readonly Lane[];
  readonly eras: readonly Era[];
  readonly events: readonly TimelineEvent[];
}

/** The parts of the file's text, in order: the head, then each event's JSON and a comma. */
export async function storeTextParts(
  snapshot: StoreSnapshot,
  json: EventJsonCache,
): Promise<string[]> {
  const { timeline, lanes, eras, events } = snapshot;
  const head = JSON.stringify({
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline,
    lanes,
    eras,
    events: [],
  });
  const parts = [head.slice(0, -2)]; // without the closing "]}"
  const slicer = createSlicer();
  for (let i = 0; i < events.length; i++) {
    if (i > 0) parts.push(',');
    parts.push(json.of(events[i] as TimelineEvent));
    if (stepEnds(i)) await slicer.pause();
  }
  parts.push(']}');
  return parts;
}
