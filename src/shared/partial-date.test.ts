import { describe, expect, it } from 'vitest';

import {
  comparePartialDates,
  endsBeforeStart,
  formatPartialDate,
  isPartialDate,
  mustParse,
  parsePartialDate,
  type PartialDate,
  partialDateEndingAt,
  partialDateFromInstant,
  type Precision,
  roundInstant,
  shiftPartialDate,
} from './partial-date';

const date = (text: string) => text as PartialDate;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('parsePartialDate', () => {
  it.each<[string, Precision, number, number]>([
    ['2024', 'year', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1)],
    ['2022-02', 'month', Date.UTC(2022, 1, 1), Date.UTC(2022, 2, 1)],
    ['2024-12', 'month', Date.UTC(2024, 11, 1), Date.UTC(2025, 0, 1)],
    ['2024-06-16', 'day', Date.UTC(2024, 5, 16), Date.UTC(2024, 5, 17)],
    ['2024-12-31', 'day', Date.UTC(2024, 11, 31), Date.UTC(2025, 0, 1)],
    ['2024-06-16T09:30Z', 'minute', Date.UTC(2024, 5, 16, 9, 30), Date.UTC(2024, 5, 16, 9, 31)],
    [
      '2024-06-16T09:30:15Z',
      'second',
      Date.UTC(2024, 5, 16, 9, 30, 15),
      Date.UTC(2024, 5, 16, 9, 30, 16),
    ],
    // Pyongyang is UTC+09:00, Hanoi +07:00: the instant is the same one the world saw.
    [
      '2024-06-16T09:30+07:00',
      'minute',
      Date.UTC(2024, 5, 16, 2, 30),
      Date.UTC(2024, 5, 16, 2, 31),
    ],
    [
      '2024-06-16T00:30:05+09:00',
      'second',
      Date.UTC(2024, 5, 15, 15, 30, 5),
      Date.UTC(2024, 5, 15, 15, 30, 6),
    ],
    [
      '2024-06-16T23:45-05:30',
      'minute',
      Date.UTC(2024, 5, 17, 5, 15),
      Date.UTC(2024, 5, 17, 5, 16),
    ],
  ])('reads %s as a %s from its first instant to the next period', (text, precision, from, to) => {
    expect(parsePartialDate(text)).toEqual({
      text,
      precision,
      earliest: from,
      latestExclusive: to,
    });
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    const parsed = parsePartialDate('0050-03')!;
    expect(new Date(parsed.earliest).toISOString()).toBe('0050-03-01T00:00:00.000Z');
    expect(new Date(parsed.latestExclusive).toISOString()).toBe('0050-04-01T00:00:00.000Z');
  });

  it.each([
    ['2024-13-01', 'month 13'],
    ['2024-00', 'month 0'],
    ['2024-06-00', 'day 0'],
    ['2023-02-29', '29 February in a common year'],
    ['2100-02-29', '29 February in a century that is not a leap year'],
    ['2024-06-31', '31 June'],
    ['2024-04-31', '31 April'],
    ['2024-6-1', 'one-digit month and day'],
    ['24-06-16', 'a two-digit year'],
    ['0000', 'year zero'],
    ['2024-06-16T25:00Z', 'hour 25'],
    ['2024-06-16T24:00Z', 'hour 24'],
    ['2024-06-16T09:60Z', 'minute 60'],
    ['2024-06-16T09:30:60Z', 'second 60'],
    ['2024-06-16T09:30', 'a time without a zone'],
    ['2024-06-16T09Z', 'an hour without minutes'],
    ['2024-06-16T09:30+15:00', 'an offset beyond +14:00'],
    ['2024-06-16T09:30+07:60', 'an offset with 60 minutes'],
    ['2024-06-16T09:30+0700', 'an offset without a colon'],
    ['2024-06-16 09:30Z', 'a space instead of T'],
    ['2024-06-16T09:30:15.5Z', 'fractions of a second'],
    ['', 'nothing'],
    [' 2024', 'a leading space'],
    ['2024 ', 'a trailing space'],
    ['2024-06-16\n', 'a trailing newline'],
    ['June 2024', 'words'],
    ['２０２４', 'full-width digits'],
  ])('refuses %j (%s)', (text) => {
    expect(parsePartialDate(text)).toBeNull();
    expect(isPartialDate(text)).toBe(false);
  });

  it.each(['2024-02-29', '2000-02-29', '1996-02-29'])('accepts the leap day %s', (text) => {
    const parsed = parsePartialDate(text)!;
    expect(parsed.latestExclusive - parsed.earliest).toBe(DAY);
    expect(new Date(parsed.latestExclusive).toISOString()).toBe(
      `${text.slice(0, 4)}-03-01T00:00:00.000Z`,
    );
  });

  it('makes February 29 days long in a leap year and 28 otherwise', () => {
    const length = (text: string) => {
      const parsed = parsePartialDate(text)!;
      return (parsed.latestExclusive - parsed.earliest) / DAY;
    };
    expect(length('2024-02')).toBe(29);
    expect(length('2023-02')).toBe(28);
    expect(length('2024')).toBe(366);
    expect(length('2023')).toBe(365);
  });

  it('mustParse throws on text that is not a date, naming it', () => {
    expect(() => mustParse(date('2024-13-01'))).toThrow('"2024-13-01"');
  });
});

describe('endsBeforeStart', () => {
  it.each([
    ['2024-06-16', '2024-06-16', 'the same day'],
    ['2024-06-16', '2024-06-17', 'the next day'],
    ['2024-06', '2024-06-10', 'a day inside the start month'],
    ['2024-06', '2024-06-01', 'the first day of the start month'],
    ['2024-06-16', '2024-06', 'a month containing the start day'],
    ['2024', '2024-01', 'the first month of the start year'],
    ['2024-06-16T10:00Z', '2024-06-16T10:00Z', 'the same minute'],
    ['2024-06-16T10:00Z', '2024-06-16', 'the day of the start minute'],
    ['2024-06-16T10:00+07:00', '2024-06-16T03:00Z', 'the same minute in another zone'],
  ])('is false for a start of %s and an end of %s (%s)', (start, end) => {
    expect(endsBeforeStart(date(start), date(end))).toBe(false);
  });

  it.each([
    ['2024-06-16', '2024-06-15', 'the day before'],
    ['2024-06', '2024-05-31', 'the last day of the month before'],
    ['2024-06-16', '2024-05', 'the month before'],
    ['2024-06-16T10:00Z', '2024-06-16T09:59Z', 'the minute before'],
    ['2024-06-16T10:00Z', '2024-06-15', 'the day before the start minute'],
    ['2024-06-16T10:00+07:00', '2024-06-16T02:59Z', 'the minute before, in another zone'],
    ['2024-06-16T10:00:30Z', '2024-06-16T10:00:29Z', 'the second before'],
  ])('is true for a start of %s and an end of %s (%s)', (start, end) => {
    expect(endsBeforeStart(date(start), date(end))).toBe(true);
  });
});

describe('comparePartialDates', () => {
  it('sorts by earliest instant, then the shorter period first', () => {
    const dates = ['2024-06-16', '2024', '2024-06', '2022-02', '2024-06-16T09:30Z', '2023-09'];
    const sorted = dates.map(date).sort(comparePartialDates);
    expect(sorted).toEqual([
      '2022-02',
      '2023-09',
      '2024',
      '2024-06',
      '2024-06-16',
      '2024-06-16T09:30Z',
    ]);
  });

  it('puts a day before a month that starts later', () => {
    expect(comparePartialDates(date('2024-05-31'), date('2024-06'))).toBeLessThan(0);
    expect(comparePartialDates(date('2024-06'), date('2024-05-31'))).toBeGreaterThan(0);
  });

  it('treats a date as equal to itself', () => {
    expect(comparePartialDates(date('2024-06-16'), date('2024-06-16'))).toBe(0);
  });

  it('orders the same instant written in two zones consistently', () => {
    const a = date('2024-06-16T09:30Z');
    const b = date('2024-06-16T16:30+07:00');
    expect(Math.sign(comparePartialDates(a, b))).toBe(-Math.sign(comparePartialDates(b, a)));
    expect(comparePartialDates(a, b)).not.toBe(0);
  });
});

describe('shiftPartialDate', () => {
  it.each([
    ['2024-06', 20 * DAY, '2024-07', 'a month moved 20 days lands in the next month'],
    ['2024-06', 10 * DAY, '2024-06', 'a month moved 10 days stays'],
    ['2024-06', -20 * DAY, '2024-05', 'a month moved back 20 days lands in the month before'],
    ['2024-06-16', 1.6 * DAY, '2024-06-18', 'a day moved 1.6 days lands 2 days later'],
    ['2024-06-16', 1.4 * DAY, '2024-06-17', 'a day moved 1.4 days lands 1 day later'],
    ['2024-06-16', -0.4 * DAY, '2024-06-16', 'a day moved back 0.4 days stays'],
    ['2024', 200 * DAY, '2025', 'a year moved 200 days lands in the next year'],
    ['2024-06-16T09:30Z', 90 * 60_000 + 20_000, '2024-06-16T11:00Z', 'a minute rounds to a minute'],
    ['2024-06-16T09:30:15Z', 1_600, '2024-06-16T09:30:17Z', 'a second rounds to a second'],
    ['2024-02-28', DAY, '2024-02-29', 'the leap day is a day like any other'],
  ])('moves %s by %d ms to %s (%s)', (from, delta, to) => {
    expect(shiftPartialDate(date(from), delta)).toBe(to);
  });

  it('keeps the precision it had', () => {
    for (const text of [
      '2024',
      '2024-06',
      '2024-06-16',
      '2024-06-16T09:30Z',
      '2024-06-16T09:30:15Z',
    ]) {
      const moved = shiftPartialDate(date(text), 3.3 * DAY);
      expect(mustParse(moved).precision).toBe(mustParse(date(text)).precision);
    }
  });

  it('leaves a date unmoved by zero exactly as written, zone included', () => {
    expect(shiftPartialDate(date('2024-06-16T09:30+07:00'), 0)).toBe('2024-06-16T09:30+07:00');
  });

  it('writes a moved time at the offset it was written at, the same instant plus the move', () => {
    expect(shiftPartialDate(date('2024-06-16T09:30+07:00'), HOUR)).toBe('2024-06-16T10:30+07:00');
    expect(shiftPartialDate(date('2024-06-16T09:30Z'), HOUR)).toBe('2024-06-16T10:30Z');
  });

  it('stops at year 1 and year 9999 instead of writing a date it cannot read', () => {
    expect(shiftPartialDate(date('0001-03'), -400 * DAY)).toBe('0001-01');
    expect(shiftPartialDate(date('9999-12'), 40 * DAY)).toBe('9999-12');
    expect(shiftPartialDate(date('9999'), 400 * DAY)).toBe('9999');
    expect(shiftPartialDate(date('2024-06-16'), -3000 * 365 * DAY)).toBe('0001-01-01');
  });
});

describe('roundInstant and partialDateFromInstant', () => {
  it('rounds to the nearest start of a period, half-way going forward', () => {
    expect(roundInstant(Date.UTC(2024, 5, 16, 11, 59), 'day')).toBe(Date.UTC(2024, 5, 16));
    expect(roundInstant(Date.UTC(2024, 5, 16, 12), 'day')).toBe(Date.UTC(2024, 5, 17));
    expect(roundInstant(Date.UTC(2024, 5, 14), 'month')).toBe(Date.UTC(2024, 5, 1));
    expect(roundInstant(Date.UTC(2024, 5, 17), 'month')).toBe(Date.UTC(2024, 6, 1));
  });

  it('writes an instant at each precision in UTC', () => {
    const instant = Date.UTC(2024, 5, 16, 9, 30, 15, 500);
    expect(partialDateFromInstant(instant, 'year')).toBe('2024');
    expect(partialDateFromInstant(instant, 'month')).toBe('2024-06');
    expect(partialDateFromInstant(instant, 'day')).toBe('2024-06-16');
    expect(partialDateFromInstant(instant, 'minute')).toBe('2024-06-16T09:30Z');
    expect(partialDateFromInstant(instant, 'second')).toBe('2024-06-16T09:30:15Z');
  });

  it('always writes a date that reads back', () => {
    for (const instant of [-1e15, 0, 1e15, Date.UTC(2024, 1, 29, 23, 59, 59, 999)]) {
      for (const precision of ['year', 'month', 'day', 'minute', 'second'] as const) {
        expect(isPartialDate(partialDateFromInstant(instant, precision))).toBe(true);
      }
    }
  });
});

describe('partialDateEndingAt', () => {
  it.each<[number, Precision, string]>([
    [Date.UTC(2024, 6, 1), 'day', '2024-06-30'],
    [Date.UTC(2024, 6, 1), 'month', '2024-06'],
    [Date.UTC(2025, 0, 1), 'year', '2024'],
    [Date.UTC(2024, 2, 1), 'day', '2024-02-29'],
    [Date.UTC(2024, 5, 17, 3), 'day', '2024-06-16'],
    [Date.UTC(2024, 5, 16, 9, 31), 'minute', '2024-06-16T09:30Z'],
  ])('the period ending at %d at %s precision is %s', (exclusiveEnd, precision, expected) => {
    expect(partialDateEndingAt(exclusiveEnd, precision)).toBe(expected);
    expect(mustParse(date(expected)).latestExclusive).toBe(roundInstant(exclusiveEnd, precision));
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['2024', '2024'],
    ['2022-02', 'February 2022'],
    ['2024-06-16', '16 June 2024'],
    ['2024-06-16T09:30Z', '16 June 2024 at 09:30 UTC'],
    ['2024-06-16T09:30+07:00', '16 June 2024 at 02:30 UTC'],
    ['2024-06-16T21:05:09Z', '16 June 2024 at 21:05:09 UTC'],
  ])('reads %s as "%s"', (text, reading) => {
    expect(formatPartialDate(date(text))).toBe(reading);
  });

  it('never shifts a calendar date with the time zone of the machine', () => {
    // Calendar dates are UTC periods; a formatter in local time would show 31 December.
    expect(formatPartialDate(date('2024-01-01'))).toBe('1 January 2024');
    expect(formatPartialDate(date('2024-01'))).toBe('January 2024');
  });

  it('uses the locale it is asked for, even after another locale', () => {
    expect(formatPartialDate(date('2024-06-16'), 'en-GB')).toBe('16 June 2024');
    expect(formatPartialDate(date('2024-06-16'), 'en-US')).toBe('June 16, 2024');
    expect(formatPartialDate(date('2024-06-16'), 'id-ID')).toBe('16 Juni 2024');
    expect(formatPartialDate(date('2024-06-16'))).toBe('16 June 2024');
  });
});
