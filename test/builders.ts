/** Test-data builders: valid domain values with fresh ids, overridden where a test cares. */
import type { ImportContext } from '../src/shared/formats/types';
import {
  type EraId,
  type EventId,
  type LaneId,
  newEventId,
  newTimelineId,
  type Timestamp,
  timestamp,
} from '../src/shared/ids';
import type { PartialDate } from '../src/shared/partial-date';
import {
  type Era,
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  type TimelineDocument,
  type TimelineEvent,
  type TimelineInfo,
} from '../src/shared/schema';

const CREATED_AT = timestamp(new Date('2024-06-17T08:00:00.000Z'));

/** A valid event on lane 'lane-a', starting on a day, with a fresh UUID id. */
export function makeEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: newEventId(),
    title: 'Putin arrives in Pyongyang',
    start: '2024-06-18' as PartialDate,
    end: null,
    description: '',
    laneId: 'lane-a' as LaneId,
    status: 'occurred',
    certainty: 'reported',
    tags: [],
    actors: [],
    location: '',
    sources: [],
    followUpOf: null,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

/** n valid events on consecutive days from 2024-06-01, titled "Event 1" .. "Event n". */
export function makeEvents(n: number, overrides: Partial<TimelineEvent> = {}): TimelineEvent[] {
  return Array.from({ length: n }, (_, i) =>
    makeEvent({
      title: `Event ${i + 1}`,
      start: new Date(Date.UTC(2024, 5, 1 + i)).toISOString().slice(0, 10) as PartialDate,
      ...overrides,
    }),
  );
}

/** A valid lane with id 'lane-a' unless overridden. */
export function makeLane(overrides: Partial<Lane> = {}): Lane {
  return { id: 'lane-a' as LaneId, title: 'Diplomacy', color: '#2e6fba', ...overrides };
}

/** A valid document with lanes 'lane-a' and 'lane-b' and the given events (none by default). */
export function makeDocument(
  overrides: {
    events?: TimelineEvent[];
    lanes?: Lane[];
    eras?: Era[];
    timeline?: Partial<TimelineInfo>;
  } = {},
): TimelineDocument {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline: {
      id: newTimelineId(),
      title: 'Test timeline',
      description: '',
      ...overrides.timeline,
    },
    lanes: overrides.lanes ?? [
      makeLane(),
      makeLane({ id: 'lane-b' as LaneId, title: 'War', color: '#c0392b' }),
    ],
    eras: overrides.eras ?? [],
    events: overrides.events ?? [],
  };
}

/** A valid era, June 2024, named "Summit month" unless overridden. */
export function makeEra(overrides: Partial<Era> = {}): Era {
  return {
    id: '6f1d3f0e-3c1a-4c55-9d7e-2b8f0a1c9e01' as EraId,
    title: 'Summit month',
    start: '2024-06' as PartialDate,
    end: '2024-06' as PartialDate,
    ...overrides,
  };
}

/** An import's context: a fixed clock, ids numbered from 1, and the timeline imported into. */
export function importContext(current: TimelineDocument = makeDocument()): ImportContext {
  let n = 0;
  return {
    now: '2026-12-01T10:00:00.000Z' as Timestamp,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` as EventId,
    current,
  };
}
