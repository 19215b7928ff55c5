/** Where an event ends, for formats that read times as instants (Markwhen, iCalendar). */
import type { ParsedDate } from '../partial-date';

/**
 * A calendar end covers its whole period; a time end is its instant, unless that falls before
 * the start (a minute end around a start given to the second), then it is the end of its minute.
 */
export function endInstant(start: ParsedDate, end: ParsedDate): number {
  if (end.precision !== 'minute' && end.precision !== 'second') return end.latestExclusive;
  return end.earliest >= start.earliest ? end.earliest : end.latestExclusive;
}
