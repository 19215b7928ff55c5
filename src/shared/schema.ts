/**
 * The timeline document: the one source of truth for the store file, the export format, the
 * IPC payloads and data/timeline.schema.json (generated from these schemas).
 */
// First: zod must be told not to compile code before any schema is built (zod-config.ts).
import './zod-config';

import { z } from 'zod';

import type { EraId, EventId, LaneId, TimelineId, Timestamp } from './ids';
import { isPartialDate, parsePartialDate, type PartialDate } from './partial-date';
import { runToEnd, stepEnds } from './steps';

export const FORMAT = 'timeline-desk';
export const FORMAT_VERSION = 1;

export const EVENT_STATUSES = ['scheduled', 'occurred', 'postponed', 'cancelled'] as const;
export const CERTAINTIES = ['confirmed', 'reported', 'alleged', 'disputed', 'denied'] as const;

export const LIMITS = {
  title: 200,
  description: 20_000,
  shortText: 500,
  tag: 100,
  actor: 200,
  url: 2000,
  /** BCP 47 asks for language tags of up to 35 characters to be handled; longer ones are rare. */
  language: 35,
  /** The longest partial date, 2024-06-16T09:30:00+09:00 (its pattern allows no longer). */
  date: 25,
  listItems: 100,
  sources: 100,
  lanes: 200,
  /** Eras are a handful of shaded spans behind the lanes; hundreds would hide the events. */
  eras: 500,
  /** A story has hundreds of events, an archive thousands; more would stall the store and view. */
  maxEvents: 100_000,
} as const;

/**
 * Gives a checked string schema its branded output type. A `.transform` would do the same at
 * run time, one pipe per value: a third of the time it takes to check 100,000 events.
 */
const branded = <Brand extends string>(schema: z.ZodType<string, string>) =>
  schema as z.ZodType<Brand, string>;

// Control characters (C0, DEL, C1) hide text and break exports: none in a one-line field.
// eslint-disable-next-line no-control-regex -- matching them is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Characters that set the direction of the text after them: the embeddings and overrides
 * U+202A-U+202E and the isolates U+2066-U+2069. In a title, `\u202Efdp.exe` reads "exe.pdf".
 * Multi-line text may hold them; one-line fields, shown inside the app's own sentences, may not.
 */
export const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** What a one-line field holding a direction control is told; null when it holds none. */
export function directionControlIssue(value: string): string | null {
  const found = DIRECTION_CONTROLS.exec(value)?.[0];
  if (found === undefined) return null;
  return `contains a hidden text-direction character (U+${hex(found)}), which can make text read in a misleading order: remove it`;
}

/**
 * Text from elsewhere for a message, its direction controls written out as \u202E: shown, they
 * can reorder nothing of the message around them.
 */
export function writeOutDirectionControls(text: string): string {
  return text.replace(new RegExp(DIRECTION_CONTROLS.source, 'g'), (found) => `\\u${hex(found)}`);
}

/** A value quoted in a message. */
function quoted(value: unknown): string {
  return writeOutDirectionControls(JSON.stringify(value) ?? String(value));
}

function hex(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

const withoutDirectionControls = (schema: z.ZodString) =>
  schema.refine((value) => !DIRECTION_CONTROLS.test(value), {
    error: (issue) => directionControlIssue(issue.input as string) ?? undefined,
  });

const singleLine = (max: number) =>
  withoutDirectionControls(
    z
      .string()
      .max(max, { error: `is longer than ${max} characters` })
      .refine((value) => !CONTROL_CHARACTERS.test(value), {
        error: 'contains control characters',
      }),
  );

export const PartialDateSchema = branded<PartialDate>(
  z.string().refine(isPartialDate, {
    error: (issue) => `${quoted(issue.input)} is not a date`,
  }),
).meta({
  description:
    'ISO 8601 date at the precision that is known: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss](Z|±hh:mm)',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2}))?)?)?$',
});

export const EventIdSchema = branded<EventId>(z.uuid({ error: 'is not an event id (a UUID)' }));

/** A lane id: letters, digits, - and _, up to 64. */
export const LANE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const LaneIdSchema = branded<LaneId>(
  z.string().regex(LANE_ID_PATTERN, {
    error: 'is not a lane id (letters, digits, - and _, up to 64)',
  }),
);

export const TimestampSchema = branded<Timestamp>(z.iso.datetime({ offset: true }));

/** A language tag such as "en" or "pt-BR", or nothing. */
export const LANGUAGE_PATTERN = /^$|^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export const HttpUrlSchema = withoutDirectionControls(
  z.string().max(LIMITS.url, { error: `is longer than ${LIMITS.url} characters` }),
).refine(isHttpUrl, { error: 'is not a web address (http or https)' });

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export const SourceSchema = z.strictObject({
  title: singleLine(LIMITS.shortText).min(1, { error: 'is empty' }),
  url: HttpUrlSchema.nullable().default(null),
  publisher: singleLine(LIMITS.shortText).default(''),
  published: PartialDateSchema.nullable().default(null),
  quote: z.string().max(LIMITS.description).default(''),
  language: z
    .string()
    .max(LIMITS.language, { error: `is longer than ${LIMITS.language} characters` })
    .regex(LANGUAGE_PATTERN, { error: 'is not a language tag' })
    .default(''),
});

const textList = (max: number) =>
  z
    .array(singleLine(max).trim().min(1, { error: 'is empty' }))
    .max(LIMITS.listItems, { error: `has more than ${LIMITS.listItems} entries` });

const eventFieldShape = {
  title: singleLine(LIMITS.title).trim().min(1, { error: 'is empty' }),
  start: PartialDateSchema,
  end: PartialDateSchema.nullable(),
  description: z
    .string()
    .max(LIMITS.description, { error: `is longer than ${LIMITS.description} characters` }),
  laneId: LaneIdSchema,
  status: z.enum(EVENT_STATUSES),
  certainty: z.enum(CERTAINTIES),
  tags: textList(LIMITS.tag),
  actors: textList(LIMITS.actor),
  location: singleLine(LIMITS.shortText),
  sources: z
    .array(SourceSchema)
    .max(LIMITS.sources, { error: `has more than ${LIMITS.sources} sources` }),
  followUpOf: EventIdSchema.nullable(),
};

const eventFieldsObject = z.strictObject({
  ...eventFieldShape,
  end: eventFieldShape.end.default(null),
  description: eventFieldShape.description.default(''),
  status: eventFieldShape.status.default('occurred'),
  certainty: eventFieldShape.certainty.default('reported'),
  tags: eventFieldShape.tags.default([]),
  actors: eventFieldShape.actors.default([]),
  location: eventFieldShape.location.default(''),
  sources: eventFieldShape.sources.default([]),
  followUpOf: eventFieldShape.followUpOf.default(null),
});

/** The fields a user edits: everything an event is except its identity and bookkeeping. */
export const EventFieldsSchema = eventFieldsObject.superRefine(checkEndAfterStart);

/** A change to some fields of an event; absent keys stay as they are (no defaults here). */
export const EventPatchSchema = z.strictObject(eventFieldShape).partial();

export const TimelineEventSchema = eventFieldsObject
  .extend({
    id: EventIdSchema,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .superRefine(checkEndAfterStart);

export const LaneSchema = z.strictObject({
  id: LaneIdSchema,
  title: singleLine(LIMITS.title).min(1, { error: 'is empty' }),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'is not a colour such as #3366cc' }),
});

export const EraIdSchema = branded<EraId>(z.uuid({ error: 'is not an era id (a UUID)' }));

const eraFieldsObject = z.strictObject({
  title: singleLine(LIMITS.title).trim().min(1, { error: 'is empty' }),
  start: PartialDateSchema,
  /** Required: an era is a span. */
  end: PartialDateSchema,
});

/** What a user edits of an era: its name and its dates, the end not before the start. */
export const EraFieldsSchema = eraFieldsObject.superRefine(checkEndAfterStart);

/** An era: a named, shaded span of time behind every lane (TimelineJS's `eras`). */
export const EraSchema = eraFieldsObject
  .extend({ id: EraIdSchema })
  .superRefine(checkEndAfterStart);

export const TimelineInfoSchema = z.strictObject({
  id: branded<TimelineId>(z.uuid()),
  title: singleLine(LIMITS.title).min(1, { error: 'is empty' }),
  description: z.string().max(LIMITS.description).default(''),
});

/** Every field of a document but its events, in the order they are checked. */
const documentHeadShape = {
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  timeline: TimelineInfoSchema,
  lanes: z.array(LaneSchema).min(1).max(LIMITS.lanes),
  /** Optional on read: files written before eras existed have none. */
  eras: z
    .array(EraSchema)
    .max(LIMITS.eras, { error: `has more than ${LIMITS.eras} eras` })
    .default([]),
};

export const TOO_MANY_EVENTS = `has more than ${LIMITS.maxEvents} events`;

export const TimelineDocumentSchema = z
  .strictObject({
    ...documentHeadShape,
    events: z.array(TimelineEventSchema).max(LIMITS.maxEvents, { error: TOO_MANY_EVENTS }),
  })
  .superRefine(checkReferences)
  .meta({
    title: 'Timeline Desk document',
    description: 'A timeline of a developing news story, as stored and exported by Timeline Desk.',
  });

/**
 * A large document is checked in stages with pieces of TimelineDocumentSchema: the fields
 * before the events (this), each event with TimelineEventSchema, then the document as a whole
 * (referenceIssues). The stages find the same first problem (formats/timeline-desk-json.ts).
 */
export const DocumentHeadSchema = z.strictObject({
  ...documentHeadShape,
  events: z.array(z.unknown()),
});

export type EventFields = z.output<typeof EventFieldsSchema>;
export type EventFieldsInput = z.input<typeof EventFieldsSchema>;
export type EventPatch = z.output<typeof EventPatchSchema>;
export type TimelineEvent = z.output<typeof TimelineEventSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Lane = z.output<typeof LaneSchema>;
export type TimelineInfo = z.output<typeof TimelineInfoSchema>;
export type Era = z.output<typeof EraSchema>;
export type EraFields = z.output<typeof EraFieldsSchema>;
export type TimelineDocument = z.output<typeof TimelineDocumentSchema>;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type Certainty = (typeof CERTAINTIES)[number];

function checkEndAfterStart(
  event: { start: PartialDate; end: PartialDate | null },
  ctx: z.RefinementCtx,
): void {
  // zod still runs this refinement when start or end failed its own check: compare valid dates only.
  if (event.end === null) return;
  const start = parsePartialDate(event.start);
  const end = parsePartialDate(event.end);
  if (start === null || end === null) return;
  if (end.latestExclusive <= start.earliest) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'is before the start' });
  }
}

interface ReferenceShape {
  readonly lanes: readonly { readonly id: string }[];
  readonly eras?: readonly { readonly id: string }[];
  readonly events: readonly {
    readonly id: string;
    readonly laneId: string;
    readonly followUpOf: string | null;
  }[];
}

function checkReferences(doc: ReferenceShape, ctx: z.RefinementCtx): void {
  for (const issue of runToEnd(referenceIssues(doc))) ctx.addIssue({ code: 'custom', ...issue });
}

export interface ReferenceIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * The rules that concern the whole document: lane, era and event ids used once, lanes and
 * parents that exist, no loops of follow-ups. Written as steps (shared/steps.ts) so that the
 * main process can check 100,000 events in slices; returns every issue, in document order.
 */
export function* referenceIssues(
  doc: ReferenceShape,
): Generator<void, ReferenceIssue[], undefined> {
  const issues: ReferenceIssue[] = [];
  const laneIds = new Set<string>();
  doc.lanes.forEach((lane, i) => {
    if (laneIds.has(lane.id)) issues.push({ path: ['lanes', i, 'id'], message: 'is used twice' });
    laneIds.add(lane.id);
  });
  const eraIds = new Set<string>();
  (doc.eras ?? []).forEach((era, i) => {
    if (eraIds.has(era.id)) issues.push({ path: ['eras', i, 'id'], message: 'is used twice' });
    eraIds.add(era.id);
  });
  const { events } = doc;
  /** Each id's last place: an id used twice follows up what its last event does. */
  const lastAt = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ReferenceShape['events'][number];
    if (lastAt.has(event.id)) issues.push({ path: ['events', i, 'id'], message: 'is used twice' });
    lastAt.set(event.id, i);
    if (!laneIds.has(event.laneId)) {
      issues.push({ path: ['events', i, 'laneId'], message: 'names no lane' });
    }
    if (stepEnds(i)) yield;
  }
  const onLoop = followUpLoopsAt(events.length, (at) => {
    const parent = (events[at] as ReferenceShape['events'][number]).followUpOf;
    return parent === null ? -1 : (lastAt.get(parent) ?? -1);
  });
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ReferenceShape['events'][number];
    if (event.followUpOf !== null) {
      if (!lastAt.has(event.followUpOf)) {
        issues.push({ path: ['events', i, 'followUpOf'], message: 'names no event' });
      } else if (onLoop(lastAt.get(event.id) as number)) {
        issues.push({ path: ['events', i, 'followUpOf'], message: 'makes a loop of follow-ups' });
      }
    }
    if (stepEnds(i)) yield;
  }
  return issues;
}

/**
 * Whether an event lies on a loop of followUpOf links (following them from it leads back to
 * it). Each chain is walked once: what is learnt about every event on the way is kept, so a
 * long chain costs its length once, not once per event on it.
 */
export function followUpLoops(
  parents: ReadonlyMap<string, string | null>,
): (id: string) => boolean {
  const ids = [...parents.keys()];
  const at = new Map(ids.map((id, i) => [id, i]));
  const onLoop = followUpLoopsAt(ids.length, (i) => {
    const parent = parents.get(ids[i] as string) ?? null;
    return parent === null ? -1 : (at.get(parent) ?? -1);
  });
  return (id) => {
    const i = at.get(id);
    return i !== undefined && onLoop(i);
  };
}

/** What is known of an event while looking for loops (followUpLoopsAt). */
const UNKNOWN = 0;
const ON_THIS_WALK = 1;
/** The chain from it ends. */
const FREE = 2;
const ON_LOOP = 3;
/** It leads into a loop it is not part of. */
const TAIL = 4;

/**
 * followUpLoops for events numbered 0 to count - 1, each with the number of its parent (-1
 * for none): what is known is kept in typed arrays rather than maps of ids.
 */
export function followUpLoopsAt(
  count: number,
  parentOf: (at: number) => number,
): (at: number) => boolean {
  const known = new Uint8Array(count);
  const path = new Int32Array(count);
  return (start) => {
    let length = 0;
    let current = start;
    while (current !== -1 && known[current] === UNKNOWN) {
      known[current] = ON_THIS_WALK;
      path[length++] = current;
      current = parentOf(current);
    }
    let end = FREE;
    if (current !== -1) {
      if (known[current] === ON_THIS_WALK) {
        // The walk came back to itself: from there on it is a loop, before it a tail.
        let loopFrom = 0;
        while (path[loopFrom] !== current) loopFrom++;
        for (let i = 0; i < length; i++) known[path[i] as number] = i < loopFrom ? TAIL : ON_LOOP;
        return known[start] === ON_LOOP;
      }
      if (known[current] !== FREE) end = TAIL;
    }
    for (let i = 0; i < length; i++) known[path[i] as number] = end;
    return known[start] === ON_LOOP;
  };
}

/** True when following followUpOf links from an event leads back to it (followUpLoops, slowly). */
export function followUpCycle(start: string, parents: ReadonlyMap<string, string | null>): boolean {
  let current = parents.get(start) ?? null;
  for (let steps = 0; current !== null && steps <= parents.size; steps++) {
    if (current === start) return true;
    current = parents.get(current) ?? null;
  }
  return false;
}
