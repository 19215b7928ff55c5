/** The readings under the Start and End fields: what a typed date means, and its precision. */
import { formatPartialDate, parsePartialDate } from '../../../shared/partial-date';

export const DATE_FORMAT_HINT = 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mmZ';

/** The id of the one visible note that spells out the date formats. */
export const DATE_NOTE_ID = 'date-format-note';

/** "February 2022 · month"; `emptyMeaning` when blank; a nudge when not (yet) a date. */
export function describeDateInput(text: string, emptyMeaning: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return emptyMeaning;
  const parsed = parsePartialDate(trimmed);
  if (!parsed) return 'Not a date yet';
  return `${formatPartialDate(parsed.text)} · ${parsed.precision}`;
}
