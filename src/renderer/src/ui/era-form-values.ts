/**
 * The Eras panel's form read into an era's fields: the name trimmed and required, Start and End
 * read as the event editor reads them (typed-date.ts: "19 June 2024", "Juni 2024", "2024",
 * "19/06/2024", "today"), both required, the end not before the start. Pure, so tested in Node.
 */
import { endsBeforeStart } from '../../../shared/partial-date';
import type { EraFields } from '../../../shared/schema';
import { type DateContext, readTypedDate } from '../../../shared/typed-date';

export interface EraFormValues {
  readonly title: string;
  readonly start: string;
  readonly end: string;
}

export type EraFormField = keyof EraFormValues;

export type EraFormResult =
  | { readonly ok: true; readonly fields: EraFields }
  | { readonly ok: false; readonly field: EraFormField; readonly message: string };

export function readEraForm(values: EraFormValues, dates: DateContext): EraFormResult {
  const title = values.title.trim();
  if (title === '') return refused('title', 'An era needs a name.');
  const start = readTypedDate(values.start, dates);
  if (start === null) return refused('start', 'Start is empty: an era needs its first date.');
  if (!start.ok) return refused('start', `Start ${start.message}.`);
  const end = readTypedDate(values.end, dates);
  if (end === null) return refused('end', 'End is empty: an era needs its last date.');
  if (!end.ok) return refused('end', `End ${end.message}.`);
  if (endsBeforeStart(start.date, end.date)) {
    return refused('end', 'End is before Start: an era cannot end before it starts.');
  }
  return { ok: true, fields: { title, start: start.date, end: end.date } };
}

function refused(field: EraFormField, message: string): EraFormResult {
  return { ok: false, field, message };
}
