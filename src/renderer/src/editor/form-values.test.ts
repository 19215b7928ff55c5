import { describe, expect, it } from 'vitest';

import { makeEvent } from '../../../../test/builders';
import type { DateContext } from '../../../shared/typed-date';
import { type FormValues, validate, valuesOf } from './form-values';

/** 7 December 2026 in Jakarta (UTC+07:00). */
const JAKARTA: DateContext = { now: Date.UTC(2026, 11, 7, 12), offsetAt: () => 420 };

function form(changes: Partial<FormValues>): FormValues {
  const event = makeEvent({
    sources: [
      {
        title: 'Putin tiba di Pyongyang',
        url: null,
        publisher: 'Kompas',
        published: null,
        quote: '',
        language: 'id',
      },
    ],
  });
  return { ...valuesOf(event), ...changes };
}

describe('the editor’s dates as people type them', () => {
  it('stores what was typed in the ISO form, at the precision typed', () => {
    const values = form({ start: '19 Juni 2024', end: '21/06/2024' });
    const result = validate(
      { ...values, sources: [{ ...values.sources[0]!, published: 'kemarin' }] },
      JAKARTA,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.patch.start).toBe('2024-06-19');
    expect(result.patch.end).toBe('2024-06-21');
    expect(result.patch.sources?.[0]?.published).toBe('2026-12-06');
    expect(validate(form({ start: 'June 2024', end: '' }), JAKARTA)).toMatchObject({
      ok: true,
      patch: { start: '2024-06', end: null },
    });
  });

  it('says at the field why a date cannot be read', () => {
    expect(validate(form({ start: '19 June' }), JAKARTA)).toEqual({
      ok: false,
      errors: [{ path: 'start', message: 'needs the year too, as in 19 June 2024' }],
    });
    const result = validate(form({ end: 'soon' }), JAKARTA);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['end']);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/^is not a date: write it as/);
  });

  it('compares the typed dates: an end before the start is refused', () => {
    expect(validate(form({ start: '19 June 2024', end: '18.06.2024' }), JAKARTA)).toEqual({
      ok: false,
      errors: [{ path: 'end', message: 'is before the start' }],
    });
  });
});
