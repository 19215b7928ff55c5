import { describe, expect, it } from 'vitest';

import { type DateContext, newEventStart, readTypedDate, storedDate } from './typed-date';

/** 7 December 2026, 12:00 UTC, read by a user in Jakarta (UTC+07:00, no daylight saving). */
const JAKARTA: DateContext = { now: Date.UTC(2026, 11, 7, 12), offsetAt: () => 420 };
const UTC: DateContext = { now: Date.UTC(2026, 11, 7, 12), offsetAt: () => 0 };

function reads(text: string, context = JAKARTA): { date: string; reading: string } {
  const typed = readTypedDate(text, context);
  if (!typed?.ok) throw new Error(`${text}: ${typed?.message ?? 'blank'}`);
  return { date: typed.date, reading: typed.reading };
}

function refusal(text: string, context = JAKARTA): string {
  const typed = readTypedDate(text, context);
  if (typed === null || typed.ok) throw new Error(`${text} was read`);
  return typed.message;
}

describe('dates as people type them', () => {
  it.each([
    ['19 June 2024', '2024-06-19'],
    ['June 19, 2024', '2024-06-19'],
    ['19 Juni 2024', '2024-06-19'],
    ['19 Jun 2024', '2024-06-19'],
    ['16 Agustus 2024', '2024-08-16'],
    ['1 Okt 2023', '2023-10-01'],
    ['25 Desember 2023', '2023-12-25'],
    ['3 Mei 2024', '2024-05-03'],
    ['June 2024', '2024-06'],
    ['Juni 2024', '2024-06'],
    ['Maret 2024', '2024-03'],
    ['2024', '2024'],
    ['2024-06-19', '2024-06-19'],
    ['19/06/2024', '2024-06-19'],
    ['19.06.2024', '2024-06-19'],
    ['16/6/2024', '2024-06-16'],
    ['  19   June 2024 ', '2024-06-19'],
  ])('%s is stored as %s', (typed, stored) => {
    expect(reads(typed).date).toBe(stored);
  });

  it('says the precision it read', () => {
    expect(reads('19 June 2024').reading).toBe('19 June 2024 · day');
    expect(reads('Juni 2024').reading).toBe('June 2024 · month');
    expect(reads('2024').reading).toBe('2024 · year');
  });

  it('reads a numeric date day first, and says so when it could be either', () => {
    expect(reads('05/06/2024')).toEqual({
      date: '2024-06-05',
      reading: '5 June 2024 · day · read day first',
    });
    // Not ambiguous: 19 cannot be a month, and the same number twice reads alike.
    expect(reads('19/06/2024').reading).toBe('19 June 2024 · day');
    expect(reads('06/06/2024').reading).toBe('6 June 2024 · day');
  });

  it('reads a numeric date with a time, day first, and says so', () => {
    expect(reads('05/06/2024 09:30', UTC)).toEqual({
      date: '2024-06-05T09:30Z',
      reading: '5 June 2024 at 09:30 UTC · minute · read day first',
    });
    expect(reads('19.06.2024 09:30 WIB', UTC).date).toBe('2024-06-19T09:30+07:00');
  });

  it('reads month first only when the day comes second', () => {
    expect(reads('06/19/2024')).toEqual({
      date: '2024-06-19',
      reading: '19 June 2024 · day · read month first',
    });
  });

  it('reads today, yesterday and hari ini in the user’s zone', () => {
    expect(reads('today').date).toBe('2026-12-07');
    expect(reads('hari ini').date).toBe('2026-12-07');
    expect(reads('Yesterday').date).toBe('2026-12-06');
    expect(reads('kemarin').date).toBe('2026-12-06');
    // 20:00 UTC is already the next day in Jakarta, not in London.
    const late = Date.UTC(2026, 11, 7, 20);
    expect(reads('today', { ...JAKARTA, now: late }).date).toBe('2026-12-08');
    expect(reads('today', { ...UTC, now: late }).date).toBe('2026-12-07');
  });

  it('keeps a time’s typed zone or offset, else reads it in the user’s zone', () => {
    expect(reads('19 June 2024 09:30 +07:00', UTC).date).toBe('2024-06-19T09:30+07:00');
    expect(reads('19 June 2024 09:30 UTC').date).toBe('2024-06-19T09:30Z');
    expect(reads('19 Juni 2024 pukul 09.30 WIB', UTC).date).toBe('2024-06-19T09:30+07:00');
    expect(reads('19 June 2024 09:30').date).toBe('2024-06-19T09:30+07:00');
    expect(reads('19 June 2024 09:30', UTC)).toEqual({
      date: '2024-06-19T09:30Z',
      reading: '19 June 2024 at 09:30 UTC · minute',
    });
  });

  it('takes the zone’s offset on the day typed, not today’s', () => {
    // A zone one hour further east in June than in December, as daylight saving does.
    const summer: DateContext = {
      now: Date.UTC(2026, 11, 7, 12),
      offsetAt: (instant) => (new Date(instant).getUTCMonth() === 5 ? 120 : 60),
    };
    expect(reads('19 June 2024 09:30', summer).date).toBe('2024-06-19T09:30+02:00');
  });

  it.each([
    ['the day after', 'is not a date'],
    ['next Tuesday', 'is not a date'],
    ['3 days ago', 'is not a date'],
    ['19 June', 'needs the year too'],
    ['visit on 19 June 2024', 'is not a date'],
    ['19 June 2024 to 21 June 2024', 'is not a date'],
    ['31/02/2024', 'does not exist (2024-02-31)'],
    ['2024-13', 'is not a date'],
    ['2024-13-01', 'is not a date'],
    ['2024-06-31', 'is not a date'],
    ['x'.repeat(80), 'is not a date'],
  ])('refuses %s and says why', (typed, why) => {
    expect(refusal(typed)).toContain(why);
  });

  it('is blank for a blank field; stores the text as typed when it is not a date', () => {
    expect(readTypedDate('  ', JAKARTA)).toBeNull();
    expect(storedDate(' 19 Juni 2024 ', JAKARTA)).toBe('2024-06-19');
    expect(storedDate(' soon ', JAKARTA)).toBe('soon');
  });
});

describe('where a new event starts', () => {
  const DAY = 86_400_000;
  it('starts today, the user’s day, when today is in view', () => {
    const late = { ...JAKARTA, now: Date.UTC(2026, 11, 7, 20) };
    const view = { start: late.now - 30 * DAY, end: late.now + 2 * DAY };
    expect(newEventStart(view, late)).toBe('2026-12-08');
  });

  it('starts in the middle of the view when today is not in it', () => {
    const view = { start: Date.UTC(2024, 5, 1), end: Date.UTC(2024, 5, 30) };
    expect(newEventStart(view, JAKARTA)).toBe('2024-06-15');
    // 20:00 UTC on 15 June is already 16 June in Jakarta, where the axis shows it.
    const evening = { start: Date.UTC(2024, 5, 15, 19), end: Date.UTC(2024, 5, 15, 21) };
    expect(newEventStart(evening, JAKARTA)).toBe('2024-06-16');
    expect(newEventStart(evening, UTC)).toBe('2024-06-15');
  });
});
