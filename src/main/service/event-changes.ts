/**
 * Pure planning of event commands: each takes what exists and returns the Change to apply.
 * Checks that need the whole store (lanes, parents) take them as lookups.
 */
import type { Change } from '../../shared/contract';
import { type EventId, type LaneId, type Timestamp } from '../../shared/ids';
import { comparePartialDates, endsBeforeStart } from '../../shared/partial-date';
import { AppFailure } from '../../shared/result';
import type { EventFields, EventPatch, TimelineEvent } from '../../shared/schema';
import { LIMITS } from '../../shared/schema';

export interface StoreLookups {
  get(id: EventId): TimelineEvent | undefined;
  hasLane(id: LaneId): boolean;
  followUpsOf(id: EventId): readonly EventId[];
}

export function planCreate(
  fields: EventFields,
  id: EventId,
  at: Timestamp,
  store: StoreLookups,
): Change {
  const event: TimelineEvent = { ...fields, id, createdAt: at, updatedAt: at };
  checkEvent(event, store);
  return { upserted: [event], removed: [] };
}

export function planUpdate(
  existing: TimelineEvent,
  patch: EventPatch,
  at: Timestamp,
  store: StoreLookups,
): Change {
  const changed = (Object.keys(patch) as (keyof EventPatch)[]).some(
    (key) => patch[key] !== undefined && !sameValue(patch[key], existing[key]),
  );
  if (!changed) return { upserted: [], removed: [] };
  const definedPatch = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as EventPatch;
  const event: TimelineEvent = { ...existing, ...definedPatch, updatedAt: at };
  checkEvent(event, store);
  return { upserted: [event], removed: [] };
}

/** Deleting an event unlinks its follow-ups (they stay, no longer following anything). */
export function planDelete(existing: TimelineEvent, at: Timestamp, store: StoreLookups): Change {
  const unlinked = store
    .followUpsOf(existing.id)
    .map((id) => store.get(id))
    .filter((event): event is TimelineEvent => event !== undefined)
    .map((event) => ({ ...event, followUpOf: null, updatedAt: at }));
  return { upserted: unlinked, removed: [existing.id] };
}

/** The fields of a new follow-up: same lane, dated at the parent's start unless given. */
export function followUpFields(parent: TimelineEvent, patch: EventPatch | undefined): EventFields {
  const title = `Follow-up: ${parent.title}`.slice(0, LIMITS.title);
  const fields: EventFields = {
    title,
    start: parent.start,
    end: null,
    description: '',
    laneId: parent.laneId,
    status: 'occurred',
    certainty: 'reported',
    tags: [...parent.tags],
    actors: [],
    location: '',
    sources: [],
    followUpOf: parent.id,
  };
  const definedPatch = Object.fromEntries(
    Object.entries(patch ?? {}).filter(([, value]) => value !== undefined),
  );
  const merged = { ...fields, ...definedPatch, followUpOf: parent.id };
  if (comparePartialDates(merged.start, parent.start) < 0) {
    throw invalid('start', 'start: a follow-up cannot begin before the event it follows up');
  }
  return merged;
}

function checkEvent(event: TimelineEvent, store: StoreLookups): void {
  if (event.end !== null && endsBeforeStart(event.start, event.end)) {
    throw invalid('end', 'end: is before the start');
  }
  if (!store.hasLane(event.laneId)) {
    throw invalid('laneId', `laneId: there is no lane "${event.laneId}"`);
  }
  if (event.followUpOf !== null) checkParent(event.id, event.followUpOf, store);
}

function checkParent(id: EventId, parentId: EventId, store: StoreLookups): void {
  if (parentId === id) throw invalid('followUpOf', 'followUpOf: an event cannot follow up itself');
  let current = store.get(parentId);
  if (!current) throw invalid('followUpOf', 'followUpOf: there is no such event');
  const seen = new Set<EventId>();
  while (current?.followUpOf && !seen.has(current.id)) {
    if (current.followUpOf === id) {
      throw invalid('followUpOf', 'followUpOf: this would make a loop of follow-ups');
    }
    seen.add(current.id);
    current = store.get(current.followUpOf);
  }
}

function invalid(path: string, message: string): AppFailure {
  return new AppFailure({ code: 'invalid', message, path });
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
