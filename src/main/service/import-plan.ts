/**
 * Pure planning of imports and restores: what a file would add or change, and the one Change
 * that merges it into the timeline or makes the timeline exactly the file.
 */
import type { Change } from '../../shared/contract';
import type { EventId } from '../../shared/ids';
import { AppFailure } from '../../shared/result';
import {
  DocumentOfCheckedEventsSchema,
  type TimelineDocument,
  type TimelineEvent,
} from '../../shared/schema';
import { describeIssue } from '../../shared/validation';

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

export function countImport(current: TimelineDocument, imported: TimelineDocument): ImportCounts {
  const byId = new Map(current.events.map((event) => [event.id, event]));
  let newEvents = 0;
  let changedEvents = 0;
  for (const event of imported.events) {
    const existing = byId.get(event.id);
    if (!existing) newEvents++;
    else if (!sameContent(existing, event)) changedEvents++;
  }
  const laneIds = new Set(current.lanes.map((lane) => lane.id));
  return {
    totalEvents: imported.events.length,
    newEvents,
    changedEvents,
    unchangedEvents: imported.events.length - newEvents - changedEvents,
    newLanes: imported.lanes.filter((lane) => !laneIds.has(lane.id)).map((lane) => lane.title),
  };
}

/**
 * Merge: imported events are added or replace those with their id, new lanes are added, the
 * rest stays. Replace: the timeline becomes the file (lanes, title, events). Either way events
 * whose content is unchanged are left alone, keeping their timestamps.
 */
export function planImport(
  mode: ImportMode,
  current: TimelineDocument,
  imported: TimelineDocument,
): ImportPlan {
  const byId = new Map(current.events.map((event) => [event.id, event]));
  const upserted = imported.events.filter((event) => {
    const existing = byId.get(event.id);
    return !existing || !sameContent(existing, event);
  });
  const kept = (event: TimelineEvent): TimelineEvent => {
    const existing = byId.get(event.id);
    return existing && sameContent(existing, event) ? existing : event;
  };
  if (mode === 'merge') {
    const laneIds = new Set(current.lanes.map((lane) => lane.id));
    const newLanes = imported.lanes.filter((lane) => !laneIds.has(lane.id));
    const lanes = newLanes.length > 0 ? [...current.lanes, ...newLanes] : undefined;
    const merged = new Map(byId);
    for (const event of upserted) merged.set(event.id, event);
    return {
      change: { upserted, removed: [], ...(lanes ? { lanes } : {}) },
      result: { ...current, lanes: lanes ?? current.lanes, events: [...merged.values()] },
    };
  }
  const importedIds = new Set(imported.events.map((event) => event.id));
  const removed: EventId[] = current.events
    .filter((event) => !importedIds.has(event.id))
    .map((event) => event.id);
  const lanesDiffer = canonical(current.lanes) !== canonical(imported.lanes);
  const timelineDiffers = canonical(current.timeline) !== canonical(imported.timeline);
  return {
    change: {
      upserted,
      removed,
      ...(lanesDiffer ? { lanes: imported.lanes } : {}),
      ...(timelineDiffers ? { timeline: imported.timeline } : {}),
    },
    result: { ...imported, events: imported.events.map(kept) },
  };
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

/** Equal JSON values, whatever the order of object keys (cheaper than comparing text). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length &&
    keys.every((key) => Object.hasOwn(y, key) && sameJson(x[key], y[key]))
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
 * the file was read, so they are not checked one by one again.
 */
export function checkResult(result: TimelineDocument, refusal: string): void {
  const parsed = DocumentOfCheckedEventsSchema.safeParse(result);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error);
    throw new AppFailure({ code: 'invalid', message: `${refusal}: ${issue.message}.` });
  }
}
