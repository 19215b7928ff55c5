/**
 * The editor's form as plain strings, and the way back: a patch validated with the shared schemas
 * before anything is sent. Pure: no DOM, so the rules are easy to read and to test.
 */
import type { z } from 'zod';

import { endsBeforeStart, isPartialDate } from '../../../shared/partial-date';
import { type EventPatch, EventPatchSchema, type TimelineEvent } from '../../../shared/schema';
import { type DateContext, readTypedDate, storedDate } from '../../../shared/typed-date';
import { formatPath } from '../../../shared/validation';
import { displayZone } from '../state/display-zone';

export const SOURCE_KEYS = ['title', 'url', 'publisher', 'published', 'quote', 'language'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
export type SourceValues = Record<SourceKey, string>;

export const SCALAR_KEYS = [
  'title',
  'start',
  'end',
  'laneId',
  'status',
  'certainty',
  'description',
  'tags',
  'actors',
  'location',
] as const;
export type ScalarKey = (typeof SCALAR_KEYS)[number];

export type FormValues = Record<ScalarKey, string> & { readonly sources: readonly SourceValues[] };

export interface FieldError {
  /** Where, as the shared code writes paths: "title", "end", "sources[0].url". */
  readonly path: string;
  readonly message: string;
}

export type Validation =
  | { readonly ok: true; readonly patch: EventPatch }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export function valuesOf(event: TimelineEvent): FormValues {
  return {
    title: event.title,
    start: event.start,
    end: event.end ?? '',
    laneId: event.laneId,
    status: event.status,
    certainty: event.certainty,
    description: event.description,
    tags: event.tags.join(', '),
    actors: event.actors.join(', '),
    location: event.location,
    sources: event.sources.map((source) => ({
      title: source.title,
      url: source.url ?? '',
      publisher: source.publisher,
      published: source.published ?? '',
      quote: source.quote,
      language: source.language,
    })),
  };
}

export function emptySource(): SourceValues {
  return { title: '', url: '', publisher: '', published: '', quote: '', language: '' };
}

/**
 * Checks the form with the shared schemas; on success returns the whole patch it describes. Dates
 * are read as people type them ("19 Juni 2024", "today"; see typed-date.ts) against `dates`, the
 * user's clock and zone, and stored in the ISO form; one that cannot be read says why.
 */
export function validate(values: FormValues, dates = displayZone.dates()): Validation {
  const parsed = EventPatchSchema.safeParse(rawPatch(values, dates));
  // A date that cannot be read says why, in place of the schema's "is not a date".
  const errors = (parsed.success ? [] : issuesOf(parsed.error)).map((error) => {
    const key = DATE_KEYS.find((date) => date === error.path);
    const typed = key === undefined ? null : readTypedDate(values[key], dates);
    return typed !== null && !typed.ok ? { path: error.path, message: typed.message } : error;
  });
  const start = storedDate(values.start, dates);
  const end = storedDate(values.end, dates);
  if (end !== '' && isPartialDate(start) && isPartialDate(end) && endsBeforeStart(start, end)) {
    errors.push({ path: 'end', message: 'is before the start' });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, patch: parsed.data };
}

/** The form's fields that take a date as people type it. */
const DATE_KEYS = ['start', 'end'] as const satisfies readonly ScalarKey[];

/** Keeps only the fields of a patch that differ from the event. */
export function changesFrom(patch: EventPatch, event: TimelineEvent): EventPatch {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const current: unknown = event[key as keyof TimelineEvent];
    if (JSON.stringify(value) !== JSON.stringify(current)) changed[key] = value;
  }
  return changed as EventPatch;
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "a, b,, c " → ["a", "b", "c"] */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function rawPatch(values: FormValues, dates: DateContext): Record<string, unknown> {
  return {
    title: values.title.trim(),
    start: storedDate(values.start, dates),
    end: orNull(storedDate(values.end, dates)),
    laneId: values.laneId,
    status: values.status,
    certainty: values.certainty,
    description: values.description,
    tags: splitList(values.tags),
    actors: splitList(values.actors),
    location: values.location.trim(),
    sources: values.sources.map((source) => ({
      title: source.title.trim(),
      url: orNull(source.url),
      publisher: source.publisher.trim(),
      published: orNull(storedDate(source.published, dates)),
      quote: source.quote,
      language: source.language.trim(),
    })),
  };
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function issuesOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
