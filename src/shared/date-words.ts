/**
 * Dates as people write them, at the precision that is known: "2022", "February 2022",
 * "16 June 2024", "16 June 2024, 09:30 UTC". The chronology's rows and its exports use these.
 */
import {
  formatPartialDate,
  mustParse,
  type PartialDate,
  partialDateFromInstant,
} from './partial-date';

export function dateInWords(date: PartialDate): string {
  const parsed = mustParse(date);
  if (parsed.precision !== 'minute' && parsed.precision !== 'second') {
    return formatPartialDate(date);
  }
  // The day in words, then the time of day in UTC, as wire copy writes it.
  const day = formatPartialDate(partialDateFromInstant(parsed.earliest, 'day'));
  const iso = new Date(parsed.earliest).toISOString(); // 2024-06-16T09:30:15.000Z
  const time = parsed.precision === 'minute' ? iso.slice(11, 16) : iso.slice(11, 19);
  return `${day}, ${time} UTC`;
}

/** An event's dates: the start, or "start – end" for a range. */
export function datesInWords(event: { start: PartialDate; end: PartialDate | null }): string {
  const start = dateInWords(event.start);
  return event.end === null ? start : `${start} – ${dateInWords(event.end)}`;
}
