/** The change that undoes another, computed from the state before it (pure). */
import type { Change } from '../../shared/contract';
import type { EventId } from '../../shared/ids';
import type { Era, Lane, TimelineEvent, TimelineInfo } from '../../shared/schema';
import { stepEnds } from '../../shared/steps';

export interface StateBefore {
  get(id: EventId): TimelineEvent | undefined;
  readonly lanes: readonly Lane[];
  readonly eras: readonly Era[];
  readonly info: TimelineInfo;
}

/**
 * Events that existed come back as they were; events the change created go; lanes, eras and
 * timeline info return to their previous values when the change set them. In steps (shared/steps.ts).
 */
export function* inverseOf(
  change: Change,
  before: StateBefore,
): Generator<void, Change, undefined> {
  const upserted: TimelineEvent[] = [];
  const removed: EventId[] = [];
  /** Ids whose inverse is decided, each once, whether the change removes or upserts it. */
  const touched = new Set<EventId>();
  for (const [i, id] of change.removed.entries()) {
    const previous = touched.has(id) ? undefined : before.get(id);
    if (previous) {
      touched.add(id);
      upserted.push(previous);
    }
    if (stepEnds(i)) yield;
  }
  for (const [i, { id }] of change.upserted.entries()) {
    if (!touched.has(id)) {
      touched.add(id);
      const previous = before.get(id);
      if (previous) upserted.push(previous);
      else removed.push(id);
    }
    if (stepEnds(i)) yield;
  }
  return {
    upserted,
    removed,
    ...(change.lanes === undefined ? {} : { lanes: [...before.lanes] }),
    ...(change.eras === undefined ? {} : { eras: [...before.eras] }),
    ...(change.timeline === undefined ? {} : { timeline: before.info }),
  };
}

/** True when applying the change would do nothing at all. */
export function isEmptyChange(change: Change): boolean {
  return (
    change.upserted.length === 0 &&
    change.removed.length === 0 &&
    change.lanes === undefined &&
    change.eras === undefined &&
    change.timeline === undefined
  );
}
