/**
 * The store as commands that do not wait their turn see it (getTimeline, listEvents and the
 * preview of an import: dispatch.ts). A change is applied in slices, and an import's can hold
 * 100,000 events, so between two slices the repository holds part of it: these readers see the
 * store as it was before the change until all of it is in, never a half-applied one.
 */
import type { Change } from '../../shared/contract';
import type { EventId } from '../../shared/ids';
import type { Lane, TimelineDocument, TimelineEvent } from '../../shared/schema';
import type { TimelineRepository } from '../store/timeline-repository';

export interface SettledStore {
  /** The whole document after the last change that is wholly applied. */
  document(): TimelineDocument;
  events(): Iterable<TimelineEvent>;
  get(id: EventId): TimelineEvent | undefined;
  readonly lanes: readonly Lane[];
  /** TimelineRepository.changeCount of the document these answers come from. */
  readonly changeCount: number;
  /** Every change goes through here (the recorder's store), so the reads above can follow. */
  applyInSlices(change: Change): Promise<Change>;
}

/** The store before the change being applied: its document, and its events by id once asked. */
interface Before {
  readonly document: TimelineDocument;
  readonly changeCount: number;
  byId?: Map<EventId, TimelineEvent>;
}

export function settledStore(store: TimelineRepository): SettledStore {
  let before: Before | null = null;
  const byId = (at: Before) =>
    (at.byId ??= new Map(at.document.events.map((event) => [event.id, event])));
  return {
    document: () => before?.document ?? store.document(),
    events: () => before?.document.events ?? store.events(),
    get: (id) => (before ? byId(before).get(id) : store.get(id)),
    get lanes() {
      return before?.document.lanes ?? store.lanes;
    },
    get changeCount() {
      return before?.changeCount ?? store.changeCount;
    },
    async applyInSlices(change) {
      // Mutations run one at a time (dispatch.ts), so there is one change in flight at most.
      before = { document: store.document(), changeCount: store.changeCount };
      try {
        return await store.applyInSlices(change);
      } finally {
        before = null;
      }
    },
  };
}
