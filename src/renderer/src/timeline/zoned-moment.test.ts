import { describe, expect, it } from 'vitest';

import { zonedMoment } from './zoned-moment';

const at = (iso: string): number => Date.parse(iso);

describe('the axis’s moment in a zone', () => {
  it('gives a date’s wall clock in the zone', () => {
    const jakarta = zonedMoment('Asia/Jakarta')(at('2024-06-16T20:00Z'));
    expect(jakarta.format('YYYY-MM-DD HH:mm')).toBe('2024-06-17 03:00');
    const kolkata = zonedMoment('Asia/Kolkata')(at('2024-06-16T00:00Z'));
    expect(kolkata.format('HH:mm Z')).toBe('05:30 +05:30');
    expect(zonedMoment('UTC')(at('2024-06-16T00:00Z')).format('HH:mm Z')).toBe('00:00 +00:00');
  });

  it('steps day by day over a DST change to each day’s own midnight (London, New York)', () => {
    for (const [zone, from] of [
      ['Europe/London', '2024-03-30T00:00Z'],
      ['Europe/London', '2024-10-26T23:00Z'],
      ['America/New_York', '2024-03-09T05:00Z'],
    ] as const) {
      const day = zonedMoment(zone)(at(from));
      expect(day.format('HH:mm')).toBe('00:00');
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        day.add(1, 'day');
        seen.push(day.format('HH:mm'));
      }
      expect(seen, zone).toEqual(['00:00', '00:00', '00:00']);
      // The instants are true: a day across the change is 23 or 25 hours long.
      expect(zonedMoment(zone)(day.valueOf()).format('HH:mm')).toBe('00:00');
    }
  });
});
