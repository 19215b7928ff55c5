/**
 * Pure planning of imports and restores: what a file would add or change, and the one Change
 * that merges it into the timeline or makes the timeline exactly the file. Written as steps
 * (shared/steps.ts): the service runs them in slices, as a file can hold 100,000 events.
 */
import type { Change } from '../../shared/contract';
import { checkWholeDocument } from '../../shared/formats/timeline-desk-json';
import type { EventId } from '../../shared/ids';
import { sameJson } from '../../shared/json-equal';
import { AppFailure } from '../../shared/result';
import type { Era, Lane, TimelineDocument, TimelineEvent } from '../../shared/schema';
import { stepEnds } from '../../shared/steps';

export type ImportMode = 'merge' | 'replace';

export interface ImportCounts {
  readonly totalEvents: number;
  /** Ids the timeline does not have. */
  readonly newEvents: number;
  /** Ids the timeline has, with different content. */
  readonly changedEvents: number;
  readonly unchangedEvents: number;
  /** Titles of lanes whose id the timeline does not have. */
  readonly newLanes: string[];
}

export interface ImportPlan {
  readonly change: Change;
  /** The whole document as it would be after the change, to validate before applying. */
  readonly result: TimelineDocument;
}

/**
 * What a file's events are to the timeline, event by event: the same for merge and replace.
 * Worked out once when the file is previewed, and used again when it is applied if the
 * timeline has not changed in between.
 */
export interface ImportDiff {
  /** The timeline's event with the id of the file's event at each index, if it has one. */
  readonly existing: readonly (TimelineEvent | undefined)[];
  /** 1 at each index whose event has the same content as the timeline's (sameContent). */
  readonly unchanged: Uint8Array;
  readonly counts: ImportCounts;
}

/** The timeline's events by id (TimelineRepository.get, or a map of a document's events). */
export type EventLookup = (id: EventId) => TimelineEvent | undefined;

export function* diffImport(
  lookup: EventLookup,
  currentLanes: readonly Lane[],
  imported: TimelineDocument,
): Generator<void, ImportDiff, undefined> {
  const { events } = imported;
  const existing = new Array<TimelineEvent | undefined>(events.length);
  const unchanged = new Uint8Array(events.length);
  let newEvents = 0;
  let changedEvents = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as TimelineEvent;
    const found = lookup(event.id);
    existing[i] = found;
    if (found === undefined) newEvents++;
    else if (sameContent(found, event)) unchanged[i] = 1;
    else changedEvents++;
    if (stepEnds(i)) yield;
  }
  const laneIds = new Set(currentLanes.map((lane) => lane.id));
  const counts: ImportCounts = {
    totalEvents: events.length,
    newEvents,
    changedEvents,
    unchangedEvents: events.length - newEvents - changedEvents,
    newLanes: imported.lanes.filter((lane) => !laneIds.has(lane.id)).map((lane) => lane.title),
  };
  return { existing, unchanged, counts };
}

export function* countImport(
  current: TimelineDocument,
  imported: TimelineDocument,
): Generator<void, ImportCounts, undefined> {
  const byId = yield* mapById(current.events);
  const diff = yield* diffImport((id) => byId.get(id), current.lanes, imported);
  return diff.counts;
}

/**
 * Merge: imported events are added or replace those with their id, new lanes are added, eras
 * are added (see mergeEras), the rest stays. Replace: the timeline becomes the file (lanes,
 * eras, title, events). Either way events
 * whose content is unchanged are left alone, keeping their timestamps. In steps.
 */
export function* planImport(
  mode: ImportMode,
  current: TimelineDocument,
  imported: TimelineDocument,
): Generator<void, ImportPlan, undefined> {
  const byId = yield* mapById(current.events);
  const diff = yield* diffImport((id) => byId.get(id), current.lanes, imported);
  return yield* planFromDiff(mode, current, imported, diff);
}

/** planImport from the diff of the file against `current` (diffImport). */
export function* planFromDiff(
  mode: ImportMode,
  current: TimelineDocument,
  imported: TimelineDocument,
  diff: ImportDiff,
): Generator<void, ImportPlan, undefined> {
  const { events } = imported;
  const upserted: TimelineEvent[] = [];
  /** The imported events, with those whose content is unchanged as the timeline has them. */
  const kept = new Array<TimelineEvent>(events.length);
  /** Ids the timeline has that the file has too. */
  const alsoImported = new Set<EventId>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as TimelineEvent;
    const existing = diff.existing[i];
    if (existing !== undefined) alsoImported.add(event.id);
    if (existing !== undefined && diff.unchanged[i] === 1) kept[i] = existing;
    else {
      upserted.push(event);
      kept[i] = event;
    }
    if (stepEnds(i)) yield;
  }
  if (mode === 'merge') {
    const laneIds = new Set(current.lanes.map((lane) => lane.id));
    const newLanes = imported.lanes.filter((lane) => !laneIds.has(lane.id));
    const lanes = newLanes.length > 0 ? [...current.lanes, ...newLanes] : undefined;
    const eras = mergeEras(current.eras, imported.eras);
    const merged = yield* mapById([...current.events, ...upserted]);
    return {
      change: { upserted, removed: [], ...(lanes ? { lanes } : {}), ...(eras ? { eras } : {}) },
      result: {
        ...current,
        lanes: lanes ?? current.lanes,
        eras: eras ?? current.eras,
        events: [...merged.values()],
      },
    };
  }
  const removed = current.events.filter((e) => !alsoImported.has(e.id)).map((e) => e.id);
  const lanesDiffer = canonical(current.lanes) !== canonical(imported.lanes);
  const erasDiffer = canonical(current.eras) !== canonical(imported.eras);
  const timelineDiffers = canonical(current.timeline) !== canonical(imported.timeline);
  return {
    change: {
      upserted,
      removed,
      ...(lanesDiffer ? { lanes: imported.lanes } : {}),
      ...(erasDiffer ? { eras: imported.eras } : {}),
      ...(timelineDiffers ? { timeline: imported.timeline } : {}),
    },
    result: { ...imported, events: kept },
  };
}

/**
 * The timeline's eras with the file's: one with an id the timeline has replaces it, one the
 * timeline already has by name and dates is skipped, the others are added. Undefined when
 * nothing changes.
 */
export function mergeEras(current: readonly Era[], imported: readonly Era[]): Era[] | undefined {
  const key = (era: Era) => JSON.stringify([era.title, era.start, era.end]);
  const eras = [...current];
  let changed = false;
  for (const era of imported) {
    const at = eras.findIndex((each) => each.id === era.id);
    if (at >= 0) {
      if (canonical(eras[at]) === canonical(era)) continue;
      eras[at] = era;
      changed = true;
    } else if (!eras.some((each) => key(each) === key(era))) {
      eras.push(era);
      changed = true;
    }
  }
  return changed ? eras : undefined;
}

/** Events by id, the last of a repeated id winning, in the order first seen. */
function* mapById(
  events: readonly TimelineEvent[],
): Generator<void, Map<EventId, TimelineEvent>, undefined> {
  const byId = new Map<EventId, TimelineEvent>();
  for (const [i, event] of events.entries()) {
    byId.set(event.id, event);
    if (stepEnds(i)) yield;
  }
  return byId;
}

/** Same event apart from when it was created and last edited. */
export function sameContent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      key === 'createdAt' ||
      key === 'updatedAt' ||
      (Object.hasOwn(b, key) &&
        sameJson(a[key as keyof TimelineEvent], b[key as keyof TimelineEvent])),
  );
}

/** JSON with object keys sorted, so key order never makes equal values differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

/**
 * Refuses a would-be document that does not validate as a whole (lanes, references, count),
 * naming the first problem. Its events each passed the schema already, in the store or when
 * the file was read, so they are not checked one by one again. In steps (shared/steps.ts).
 */
export function* checkResult(
  result: TimelineDocument,
  refusal: string,
): Generator<void, void, undefined> {
  const checked = yield* checkWholeDocument(result);
  if (!checked.ok) {
    throw new AppFailure({ code: 'invalid', message: `${refusal}: ${checked.error.message}.` });
  }
}
