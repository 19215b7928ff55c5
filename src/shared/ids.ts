/** Branded identifiers, so that an event id and a lane id cannot be swapped by accident. */

export type EventId = string & { readonly __brand: 'EventId' };
export type LaneId = string & { readonly __brand: 'LaneId' };
export type TimelineId = string & { readonly __brand: 'TimelineId' };
export type EraId = string & { readonly __brand: 'EraId' };

/** An ISO 8601 instant with milliseconds, as written by Date.prototype.toISOString. */
export type Timestamp = string & { readonly __brand: 'Timestamp' };

export function newEventId(): EventId {
  return globalThis.crypto.randomUUID() as EventId;
}

export function newTimelineId(): TimelineId {
  return globalThis.crypto.randomUUID() as TimelineId;
}

export function timestamp(at: Date = new Date()): Timestamp {
  return at.toISOString() as Timestamp;
}
