import { describe, expect, it } from 'vitest';

import type { DateContext } from '../../../shared/typed-date';
import { readEraForm } from './era-form-values';

/** 17 June 2024, 10:00 in UTC+07:00. */
const dates: DateContext = { now: Date.UTC(2024, 5, 17, 3), offsetAt: () => 420 };

describe('readEraForm', () => {
  it('reads dates as the event editor does, at the precision typed', () => {
    expect(
      readEraForm({ title: ' Summit month ', start: 'June 2024', end: '30/06/2024' }, dates),
    ).toEqual({ ok: true, fields: { title: 'Summit month', start: '2024-06', end: '2024-06-30' } });
    expect(readEraForm({ title: 'Talks', start: '17 Juni 2024', end: 'today' }, dates)).toEqual({
      ok: true,
      fields: { title: 'Talks', start: '2024-06-17', end: '2024-06-17' },
    });
  });

  it('names the field that is wrong and why', () => {
    expect(readEraForm({ title: ' ', start: '2024', end: '2024' }, dates)).toEqual({
      ok: false,
      field: 'title',
      message: 'An era needs a name.',
    });
    expect(readEraForm({ title: 'X', start: 'soon', end: '2024' }, dates)).toMatchObject({
      ok: false,
      field: 'start',
      message: expect.stringMatching(/^Start is not a date: write it as /),
    });
    expect(readEraForm({ title: 'X', start: '2024', end: '' }, dates)).toMatchObject({
      field: 'end',
      message: 'End is empty: an era needs its last date.',
    });
    expect(readEraForm({ title: 'X', start: 'July 2024', end: 'June 2024' }, dates)).toEqual({
      ok: false,
      field: 'end',
      message: 'End is before Start: an era cannot end before it starts.',
    });
  });
});
