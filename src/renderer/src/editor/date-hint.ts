/** The readings under the Start and End fields: what a typed date means, and its precision. */
import { readTypedDate, TYPED_DATE_EXAMPLES } from '../../../shared/typed-date';
import { displayZone } from '../state/display-zone';

/** The one visible note on the dates the editor takes (ISO as well: 2024-06-19T09:30Z). */
export const DATE_FORMAT_HINT = `${TYPED_DATE_EXAMPLES}, 19 June 2024 09:30 WIB or ISO`;

/** The id of the one visible note that spells out the date formats. */
export const DATE_NOTE_ID = 'date-format-note';

/**
 * How a typed date reads: "19 June 2024 · day", "5 June 2024 · day · read day first", a time in
 * the zone shown ("19 June 2024 at 09:30 Asia/Jakarta (UTC+7) · minute");
 * `emptyMeaning` when blank; a nudge when not (yet) a date.
 */
export function describeDateInput(
  text: string,
  emptyMeaning: string,
  dates = displayZone.dates(),
): string {
  const typed = readTypedDate(text, dates);
  if (typed === null) return emptyMeaning;
  return typed.ok ? typed.reading : typed.hint;
}
