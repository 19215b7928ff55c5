import { describe, expect, it } from 'vitest';

import { dateInWords, datesInWords } from './date-words';
import {
  formatPartialDate,
  mustParse,
  type PartialDate,
  partialDateFromInstant,
  shiftPartialDate,
} from './partial-date';
import {
  instantOfWallTime,
  isKnownZone,
  offsetMinutesAt,
  offsetName,
  zoneName,
  zoneNames,
} from './time-zone';
import { readTypedDate, zoneDateContext } from './typed-date';

const d = (text: string): PartialDate => text as PartialDate;
const at = (iso: string): number => Date.parse(iso);

describe('a zone’s offset at an instant', () => {
  it('follows daylight saving in London and New York', () => {
    expect(offsetMinutesAt('Europe/London', at('2024-01-15T12:00Z'))).toBe(0);
    expect(offsetMinutesAt('Europe/London', at('2024-07-15T12:00Z'))).toBe(60);
    expect(offsetMinutesAt('America/New_York', at('2024-01-15T12:00Z'))).toBe(-300);
    expect(offsetMinutesAt('America/New_York', at('2024-07-15T12:00Z'))).toBe(-240);
  });

  it('changes at the transition itself (London, 31 March 2024, 01:00 UTC)', () => {
    expect(offsetMinutesAt('Europe/London', at('2024-03-31T00:59:59Z'))).toBe(0);
    expect(offsetMinutesAt('Europe/London', at('2024-03-31T01:00Z'))).toBe(60);
  });

  it('keeps half hours (Kolkata) and has none in UTC', () => {
    expect(offsetMinutesAt('Asia/Kolkata', at('2024-06-16T00:00Z'))).toBe(330);
    expect(offsetMinutesAt('UTC', at('2024-06-16T00:00Z'))).toBe(0);
  });

  it('names the zone with its offset then', () => {
    expect(zoneName('Asia/Jakarta', at('2024-06-16T00:00Z'))).toBe('Asia/Jakarta (UTC+7)');
    expect(zoneName('Asia/Kolkata', at('2024-06-16T00:00Z'))).toBe('Asia/Kolkata (UTC+5:30)');
    expect(zoneName('America/New_York', at('2024-01-16T00:00Z'))).toBe('America/New_York (UTC-5)');
    expect(zoneName('UTC', at('2024-01-16T00:00Z'))).toBe('UTC');
    expect(offsetName(-570)).toBe('UTC-9:30');
  });

  it('knows the zones Intl knows, UTC first, and no made-up one', () => {
    expect(zoneNames()[0]).toBe('UTC');
    expect(zoneNames()).toContain('Asia/Jakarta');
    expect(isKnownZone('Asia/Jakarta')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('finds the instant of a wall time either side of a change', () => {
    // 09:30 on 1 July in London is 08:30 UTC; on 1 January it is 09:30 UTC.
    expect(instantOfWallTime('Europe/London', at('2024-07-01T09:30Z'))).toBe(
      at('2024-07-01T08:30Z'),
    );
    expect(instantOfWallTime('Europe/London', at('2024-01-01T09:30Z'))).toBe(
      at('2024-01-01T09:30Z'),
    );
  });
});

describe('times in the zone shown', () => {
  it('shows an instant’s time in the zone, with its name and offset then', () => {
    const time = d('2024-06-16T09:30Z');
    expect(dateInWords(time, 'Asia/Jakarta')).toBe('16 June 2024, 16:30 Asia/Jakarta (UTC+7)');
    expect(dateInWords(time, 'Europe/London')).toBe('16 June 2024, 10:30 Europe/London (UTC+1)');
    expect(dateInWords(time, 'Asia/Kolkata')).toBe('16 June 2024, 15:00 Asia/Kolkata (UTC+5:30)');
    expect(dateInWords(time, 'UTC')).toBe('16 June 2024, 09:30 UTC');
  });

  it('moves a time across midnight into the zone’s day', () => {
    expect(dateInWords(d('2024-01-16T03:00Z'), 'America/New_York')).toBe(
      '15 January 2024, 22:00 America/New_York (UTC-5)',
    );
  });

  it('says the same words for calendar dates in every zone', () => {
    for (const zone of ['UTC', 'Asia/Jakarta', 'America/New_York', 'Asia/Kolkata']) {
      expect(dateInWords(d('2024-06-16'), zone)).toBe('16 June 2024');
      expect(dateInWords(d('2024-06'), zone)).toBe('June 2024');
      expect(datesInWords(d('2024-06-30'), d('2024-07-02'), zone)).toBe('30 June – 2 July 2024');
      expect(formatPartialDate(d('2024-01-01'), 'en-GB', zone)).toBe('1 January 2024');
    }
  });

  it('writes a same-day range of times once, in the zone', () => {
    expect(datesInWords(d('2024-06-16T09:30Z'), d('2024-06-16T10:00Z'), 'Asia/Jakarta')).toBe(
      '16 June 2024, 16:30–17:00 Asia/Jakarta (UTC+7)',
    );
  });

  it('writes both ends in full when the offset changes between them', () => {
    expect(datesInWords(d('2024-03-31T00:30Z'), d('2024-03-31T02:00Z'), 'Europe/London')).toBe(
      '31 March 2024, 00:30 Europe/London (UTC+0) – 31 March 2024, 03:00 Europe/London (UTC+1)',
    );
  });

  it('formats with Intl in the zone too', () => {
    expect(formatPartialDate(d('2024-06-16T09:30Z'), 'en-GB', 'Asia/Kolkata')).toBe(
      '16 June 2024 at 15:00 Asia/Kolkata (UTC+5:30)',
    );
  });
});

describe('a time typed in the zone shown', () => {
  const now = at('2026-12-07T12:00Z');

  it('reads a time without an offset in the picked zone and stores that offset', () => {
    const typed = readTypedDate('19 June 2024 09:30', zoneDateContext('Asia/Jakarta', now));
    expect(typed).toMatchObject({
      ok: true,
      date: '2024-06-19T09:30+07:00',
      reading: '19 June 2024 at 09:30 Asia/Jakarta (UTC+7) · minute',
    });
  });

  it('stores the offset a zone with daylight saving has on that day', () => {
    const summer = readTypedDate('1 July 2024 09:30', zoneDateContext('Europe/London', now));
    const winter = readTypedDate('1 January 2024 09:30', zoneDateContext('Europe/London', now));
    expect(summer).toMatchObject({ ok: true, date: '2024-07-01T09:30+01:00' });
    expect(winter).toMatchObject({ ok: true, date: '2024-01-01T09:30Z' });
    const kolkata = readTypedDate('1 July 2024 09:30', zoneDateContext('Asia/Kolkata', now));
    expect(kolkata).toMatchObject({ ok: true, date: '2024-07-01T09:30+05:30' });
  });

  it('keeps a typed offset, and says it beside the zone shown', () => {
    const typed = readTypedDate('19 June 2024 09:30 +07:00', zoneDateContext('UTC', now));
    expect(typed).toMatchObject({
      ok: true,
      date: '2024-06-19T09:30+07:00',
      reading: '19 June 2024 at 02:30 UTC · minute · typed at UTC+7',
    });
    expect(mustParse(d('2024-06-19T09:30+07:00')).earliest).toBe(at('2024-06-19T02:30Z'));
  });

  it('reads a calendar date the same in every zone', () => {
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const typed = readTypedDate('19 June 2024', zoneDateContext(zone, now));
      expect(typed).toMatchObject({ ok: true, date: '2024-06-19', reading: '19 June 2024 · day' });
    }
  });
});

describe('a time keeps the offset it was written at', () => {
  it('is stored as typed and moved by a drag at the same offset', () => {
    const typed = d('2024-06-19T09:30+07:00');
    expect(mustParse(typed).text).toBe('2024-06-19T09:30+07:00');
    expect(shiftPartialDate(typed, 60 * 60_000)).toBe('2024-06-19T10:30+07:00');
    expect(shiftPartialDate(d('2024-06-19T23:30-04:00'), 60 * 60_000)).toBe(
      '2024-06-20T00:30-04:00',
    );
    expect(shiftPartialDate(d('2024-06-19T09:30:15+05:30'), 1000)).toBe(
      '2024-06-19T09:30:16+05:30',
    );
    expect(partialDateFromInstant(at('2024-06-19T02:30Z'), 'minute', 420)).toBe(
      '2024-06-19T09:30+07:00',
    );
    expect(partialDateFromInstant(at('2024-06-19T02:30Z'), 'day', 420)).toBe('2024-06-19');
  });
});
