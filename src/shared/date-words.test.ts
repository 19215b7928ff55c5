import { describe, expect, it } from 'vitest';

import { dateInWords, datesInWords } from './date-words';
import type { PartialDate } from './partial-date';

const d = (text: string) => text as PartialDate;

describe('dates in words', () => {
  it.each([
    ['2022', '2022'],
    ['2022-02', 'February 2022'],
    ['2024-06-16', '16 June 2024'],
    ['2024-06-16T09:30Z', '16 June 2024, 09:30 UTC'],
    ['2024-06-16T21:05:09Z', '16 June 2024, 21:05:09 UTC'],
    // Pyongyang's 02:30 on the 17th is 17:30 UTC on the 16th: the day follows the instant.
    ['2024-06-17T02:30+09:00', '16 June 2024, 17:30 UTC'],
    ['0099-01-05', '5 January 99'],
  ])('writes %s as %s', (text, words) => {
    expect(dateInWords(d(text))).toBe(words);
  });

  it('writes a range with a dash', () => {
    expect(datesInWords({ start: d('2024-06-18'), end: d('2024-06-19') })).toBe(
      '18 June 2024 – 19 June 2024',
    );
    expect(datesInWords({ start: d('2022-02'), end: null })).toBe('February 2022');
  });
});
