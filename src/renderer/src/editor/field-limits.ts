/**
 * How long each of the editor's text fields may be: the schema's limits (shared/schema.ts). A
 * field then never takes more than the schema accepts, and a pasted megabyte is cut at the
 * limit instead of making every keystroke after it slow.
 */
import { LIMITS } from '../../../shared/schema';
import { TYPED_DATE_LENGTH } from '../../../shared/typed-date';
import type { ScalarKey, SourceKey } from './form-values';

/** The longest list the schema accepts, written as the form writes one: entries joined by ", ". */
export function listFieldLength(entryLimit: number): number {
  return LIMITS.listItems * (entryLimit + 2) - 2;
}

export const FIELD_LIMITS = {
  title: LIMITS.title,
  // Dates as people type them ("19 September 2024 09:30 +07:00"); the ISO form stored is shorter.
  start: TYPED_DATE_LENGTH,
  end: TYPED_DATE_LENGTH,
  description: LIMITS.description,
  tags: listFieldLength(LIMITS.tag),
  actors: listFieldLength(LIMITS.actor),
  location: LIMITS.shortText,
} as const satisfies Partial<Record<ScalarKey, number>>;

export const SOURCE_FIELD_LIMITS = {
  title: LIMITS.shortText,
  url: LIMITS.url,
  publisher: LIMITS.shortText,
  published: TYPED_DATE_LENGTH,
  quote: LIMITS.description,
  language: LIMITS.language,
} as const satisfies Record<SourceKey, number>;
