/**
 * The editor's form as plain strings, and the way back: a patch validated with the shared schemas
 * before anything is sent. Pure: no DOM, so the rules are easy to read and to test.
 */
import type { z } from 'zod';

import { endsBeforeStart, isPartialDate } from '../../../shared/partial-date';
import { type EventPatch, EventPatchSchema, type TimelineEvent } from '../../../shared/schema';
import { formatPath } from '../../../shared/validation';

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

/** Checks the form with the shared schemas; on success returns the whole patch it describes. */
export function validate(values: FormValues): Validation {
  const parsed = EventPatchSchema.safeParse(rawPatch(values));
  const errors = parsed.success ? [] : issuesOf(parsed.error);
  const start = values.start.trim();
  const end = values.end.trim();
  if (end !== '' && isPartialDate(start) && isPartialDate(end) && endsBeforeStart(start, end)) {
    errors.push({ path: 'end', message: 'is before the start' });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, patch: parsed.data };
}

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

function rawPatch(values: FormValues): Record<string, unknown> {
  return {
    title: values.title.trim(),
    start: values.start.trim(),
    end: orNull(values.end),
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
      published: orNull(source.published),
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
