import { describe, expect, it } from 'vitest';

import { dateInWords, datesInWords } from './date-words';
import type { PartialDate } from './partial-date';

const d = (text: string): PartialDate => text as PartialDate;

describe('a date in words', () => {
  it('says as much as its precision knows', () => {
    expect(dateInWords(d('2022'))).toBe('2022');
    expect(dateInWords(d('2022-02'))).toBe('February 2022');
    expect(dateInWords(d('2024-06-16'))).toBe('16 June 2024');
    expect(dateInWords(d('2024-06-16T09:30Z'))).toBe('16 June 2024, 09:30 UTC');
    expect(dateInWords(d('2024-06-16T09:30:05Z'))).toBe('16 June 2024, 09:30:05 UTC');
  });

  it('gives a time with an offset in UTC, on its UTC day', () => {
    expect(dateInWords(d('2024-06-17T01:30+03:00'))).toBe('16 June 2024, 22:30 UTC');
  });
});

describe('dates in words', () => {
  it('says a single date alone', () => {
    expect(datesInWords(d('2024-06-16'), null)).toBe('16 June 2024');
  });

  it('writes once what both ends of a range share', () => {
    expect(datesInWords(d('2024-06-16'), d('2024-06-19'))).toBe('16–19 June 2024');
    expect(datesInWords(d('2024-06-30'), d('2024-07-02'))).toBe('30 June – 2 July 2024');
    expect(datesInWords(d('2023-12-30'), d('2024-01-02'))).toBe(
      '30 December 2023 – 2 January 2024',
    );
    expect(datesInWords(d('2024-03'), d('2024-05'))).toBe('March–May 2024');
    expect(datesInWords(d('2022'), d('2024'))).toBe('2022–2024');
    expect(datesInWords(d('2024-06-16T09:30Z'), d('2024-06-16T11:00Z'))).toBe(
      '16 June 2024, 09:30–11:00 UTC',
    );
  });

  it('writes both ends in full when their precisions differ', () => {
    expect(datesInWords(d('2024-06'), d('2024-07-02'))).toBe('June 2024 – 2 July 2024');
    expect(datesInWords(d('2024-06-16'), d('2024-06-16'))).toBe('16 June 2024');
  });
});
