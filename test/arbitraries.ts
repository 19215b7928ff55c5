/**
 * fast-check arbitraries for valid timeline documents, in the schema's normal form, with the
 * text that breaks converters: quotes, separators, newlines, formula starts, unicode.
 */
import fc from 'fast-check';

import type { EraId, EventId, LaneId, TimelineId, Timestamp } from '../src/shared/ids';
import {
  endsBeforeStart,
  type PartialDate,
  partialDateFromInstant,
  type Precision,
  PRECISIONS,
} from '../src/shared/partial-date';
import {
  CERTAINTIES,
  type Era,
  EVENT_STATUSES,
  FORMAT,
  FORMAT_VERSION,
  isHttpUrl,
  type Lane,
  type Source,
  type TimelineDocument,
  TimelineDocumentSchema,
  type TimelineEvent,
} from '../src/shared/schema';

// eslint-disable-next-line no-control-regex -- the schema's own rule for one-line fields
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Characters that CSV, JSON, HTML and spreadsheets treat specially. */
const TRICKY = [';', ',', '"', "'", '\\', '=', '+', '-', '@', '<', '>', '&', '[', ']', '{', ' '];

const textUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Text for one-line fields: no control characters; may be empty or have outer spaces. */
export function arbitraryLine(maxLength = 12): fc.Arbitrary<string> {
  return fc
    .string({ unit: textUnit, maxLength })
    .map((text) => text.replace(CONTROL_CHARACTERS, ''));
}

/** A one-line field the schema trims and requires: non-empty, no outer spaces. */
export function arbitraryTitle(maxLength = 12): fc.Arbitrary<string> {
  return arbitraryLine(maxLength).map((text) => text.trim() || 'Untitled');
}

/** Free text with newlines, CRLF, tabs and everything else. */
export function arbitraryText(maxLength = 30): fc.Arbitrary<string> {
  const unit = fc.oneof(textUnit, fc.constantFrom('\n', '\r\n', '\r', '\t'));
  return fc.string({ unit, maxLength });
}

const FIRST = Date.UTC(1000, 0, 1);
const LAST = Date.UTC(2100, 0, 1);

/** A partial date at a random precision; minutes and seconds sometimes with an offset. */
export function arbitraryPartialDate(
  min: number = FIRST,
  max: number = LAST,
): fc.Arbitrary<PartialDate> {
  return fc
    .record({
      instant: fc.integer({ min, max }),
      precision: fc.constantFrom(...PRECISIONS),
      offsetMinutes: fc.constantFrom(0, 0, 60, -300, 330, 545, -690),
    })
    .map(({ instant, precision, offsetMinutes }) => dateText(instant, precision, offsetMinutes));
}

function dateText(instant: number, precision: Precision, offsetMinutes: number): PartialDate {
  if (precision !== 'minute' && precision !== 'second') {
    return partialDateFromInstant(instant, precision);
  }
  const local = partialDateFromInstant(instant + offsetMinutes * 60_000, precision);
  if (offsetMinutes === 0) return local;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${local.slice(0, -1)}${zone}` as PartialDate;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const arbitraryTimestamp: fc.Arbitrary<Timestamp> = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) })
  .map((ms) => new Date(ms).toISOString() as Timestamp);

const arbitraryUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(isHttpUrl),
  fc.constantFrom(
    'https://example.com/a?q="quoted",x;y',
    'http://example.org/path with spaces',
    'https://news.example/%E2%9C%93?a=1&b=2#top',
  ),
);

export const arbitrarySource: fc.Arbitrary<Source> = fc.record({
  title: arbitraryTitle(),
  url: fc.option(arbitraryUrl, { nil: null }),
  publisher: arbitraryLine(),
  published: fc.option(arbitraryPartialDate(), { nil: null }),
  quote: arbitraryText(),
  language: fc.constantFrom('', 'en', 'ko', 'de-CH', 'pt-BR'),
});

const arbitraryLane = (id: string): fc.Arbitrary<Lane> =>
  fc.record({
    id: fc.constant(id as LaneId),
    title: arbitraryTitle(),
    color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  });

const arbitraryLaneId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,11}$/);

interface EventDraft {
  readonly title: string;
  readonly start: PartialDate;
  readonly end: PartialDate | null;
  readonly description: string;
  readonly laneIndex: number;
  readonly status: TimelineEvent['status'];
  readonly certainty: TimelineEvent['certainty'];
  readonly tags: string[];
  readonly actors: string[];
  readonly location: string;
  readonly sources: Source[];
  /** Picks an earlier event (by creation order) to follow up, or none; so no loops. */
  readonly parentPick: number | null;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

const arbitraryDraft: fc.Arbitrary<EventDraft> = fc.record({
  title: arbitraryTitle(),
  start: arbitraryPartialDate(),
  end: fc.option(arbitraryPartialDate(), { nil: null }),
  description: arbitraryText(),
  laneIndex: fc.nat(),
  status: fc.constantFrom(...EVENT_STATUSES),
  certainty: fc.constantFrom(...CERTAINTIES),
  tags: fc.array(arbitraryTitle(), { maxLength: 3 }),
  actors: fc.array(arbitraryTitle(), { maxLength: 3 }),
  location: arbitraryLine(),
  sources: fc.array(arbitrarySource, { maxLength: 2 }),
  parentPick: fc.option(fc.nat(), { nil: null }),
  createdAt: arbitraryTimestamp,
  updatedAt: arbitraryTimestamp,
});

/** Valid eras: any two dates, the later one the end (dates of other precisions overlap). */
export const arbitraryEra: fc.Arbitrary<Era> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    title: arbitraryTitle().filter((title) => title.trim() !== ''),
    a: arbitraryPartialDate(),
    b: arbitraryPartialDate(),
  })
  .map(({ id, title, a, b }) => {
    const [start, end] = endsBeforeStart(a, b) ? [b, a] : [a, b];
    return { id: id as EraId, title: title.trim(), start, end };
  });

/**
 * Valid TimelineDocuments: 1-4 lanes, minEvents-maxEvents events, follow-ups without loops;
 * with `eras`, 0-3 eras (formats that carry no eras leave them out).
 */
export function arbitraryTimeline(
  options: {
    readonly minEvents?: number;
    readonly maxEvents?: number;
    readonly eras?: boolean;
  } = {},
): fc.Arbitrary<TimelineDocument> {
  const maxEvents = options.maxEvents ?? 8;
  const minEvents = Math.min(options.minEvents ?? 0, maxEvents);
  return fc
    .record({
      timelineId: fc.uuid({ version: 4 }),
      title: arbitraryTitle(),
      description: arbitraryText(),
      laneIds: fc.uniqueArray(arbitraryLaneId, { minLength: 1, maxLength: 4 }),
      drafts: fc.array(arbitraryDraft, { minLength: minEvents, maxLength: maxEvents }),
      ids: fc.uniqueArray(fc.uuid({ version: [4, 7] }), {
        minLength: maxEvents,
        maxLength: maxEvents,
      }),
      eras: options.eras
        ? fc.uniqueArray(arbitraryEra, { maxLength: 3, selector: (era) => era.id })
        : fc.constant([]),
    })
    .chain(({ laneIds, drafts, ids, eras, ...timeline }) =>
      fc
        .record({
          lanes: fc.tuple(...laneIds.map(arbitraryLane)),
          order: fc.shuffledSubarray(
            drafts.map((_, i) => i),
            { minLength: drafts.length, maxLength: drafts.length },
          ),
        })
        .map(({ lanes, order }) => {
          const events = drafts.map((draft, i) => toEvent(draft, i, ids, lanes));
          return TimelineDocumentSchema.parse({
            format: FORMAT,
            version: FORMAT_VERSION,
            timeline: {
              id: timeline.timelineId as TimelineId,
              title: timeline.title,
              description: timeline.description,
            },
            lanes,
            eras,
            events: order.map((i) => events[i]!),
          });
        }),
    );
}

function toEvent(
  draft: EventDraft,
  index: number,
  ids: readonly string[],
  lanes: readonly Lane[],
): TimelineEvent {
  const { laneIndex, parentPick, end, ...fields } = draft;
  return {
    ...fields,
    id: ids[index] as EventId,
    end: end !== null && !endsBeforeStart(draft.start, end) ? end : null,
    laneId: lanes[laneIndex % lanes.length]!.id,
    followUpOf: parentPick === null || index === 0 ? null : (ids[parentPick % index] as EventId),
  };
}
