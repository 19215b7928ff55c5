/**
 * TimelineJS eras kept as eras (issue 17, part 4): read from TimelineJS's own example file and
 * from sheets, written back by the export, and a round trip that keeps them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { importContext, makeDocument, makeEra } from '../../../test/builders';
import withEras from '../../../test/fixtures/timelinejs/eras.json?raw';
import type { PartialDate } from '../partial-date';
import { parseImport } from './index';
import { toTimelineJs, toTimelineJsText } from './timelinejs';

function imported(text: string, current = makeDocument()) {
  const result = parseImport(text, 'story.json', importContext(current));
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.value, notes: result.value.notes ?? [] };
}

function refusal(text: string): string {
  const result = parseImport(text, 'story.json', importContext());
  if (result.ok) throw new Error('read');
  return result.error.message;
}

function withEra(era: Record<string, unknown>): string {
  return JSON.stringify({
    events: [{ start_date: { year: 2024 }, text: { headline: 'x' } }],
    eras: [era],
  });
}

describe('TimelineJS eras on import', () => {
  it('keeps the eras of TimelineJS’s example file, with their names, at the precision given', () => {
    const { document, notes } = imported(withEras);
    expect(document.eras.map(({ title, start, end }) => [title, start, end])).toEqual([
      ['Era Test 650-700', '0650', '0700'],
      ['Era Test 600-650', '0600', '0650'],
      ['Era Test 700-720', '0700', '0720'],
    ]);
    expect(new Set(document.eras.map((era) => era.id)).size).toBe(3);
    expect(notes.filter((note) => /era/i.test(note))).toEqual([]);
    // The same file gives the same eras again, so a second import finds them.
    expect(imported(withEras).document.eras).toEqual(document.eras);
  });

  it('reads days and times, takes the headline as plain text and notes a text it drops', () => {
    const { document, notes } = imported(
      withEra({
        start_date: { year: '2024', month: '6', day: '18', hour: '9', minute: '30' },
        end_date: { year: '2024', month: '6', day: '20' },
        text: { headline: '<b>Summit</b>  week', text: '<p>Putin in Pyongyang</p>' },
      }),
    );
    expect(document.eras).toMatchObject([
      { title: 'Summit week', start: '2024-06-18T09:30Z', end: '2024-06-20' },
    ]);
    expect(notes).toEqual(['1 era description is not kept (an era keeps its name and dates)']);
  });

  it('leaves out an era without an end date and says so; refuses a bad one at its place', () => {
    const { document, notes } = imported(
      withEra({ start_date: { year: 2024 }, text: { headline: 'Open' } }),
    );
    expect(document.eras).toEqual([]);
    expect(notes).toEqual(['1 era without an end date is not kept (an era is a span)']);
    expect(
      refusal(withEra({ start_date: { year: 2024 }, end_date: { year: 2023 }, text: {} })),
    ).toBe('eras[0].end_date: is before the start');
    expect(
      refusal(withEra({ start_date: { year: 2024, month: 13 }, end_date: { year: 2025 } })),
    ).toBe('eras[0].start_date.month: 13 is not a month');
    const slides = [{ start_date: { year: 2024 }, text: { headline: 'x' } }];
    expect(refusal(JSON.stringify({ events: slides, eras: {} }))).toBe(
      'eras: is not a list of eras',
    );
  });
});

describe('TimelineJS eras on export', () => {
  it('writes each era with its dates at their precision, its name and its id', () => {
    const era = makeEra({ start: '2024-06-18' as PartialDate, end: '2024-06' as PartialDate });
    const [written] = toTimelineJs(makeDocument({ eras: [era] })).eras ?? [];
    expect(written).toMatchObject({
      unique_id: era.id,
      start_date: { year: 2024, month: 6, day: 18 },
      end_date: { year: 2024, month: 6 },
      text: { headline: 'Summit month', text: '' },
    });
    // An era of one period is not written as starting and ending on the same parts, which
    // TimelineJS would refuse: June 2024 is 1 to 30 June (import gives back June 2024).
    const june = makeEra();
    const [whole] = toTimelineJs(makeDocument({ eras: [june] })).eras ?? [];
    expect([whole?.start_date, whole?.end_date]).toEqual([
      { year: 2024, month: 6, day: 1 },
      { year: 2024, month: 6, day: 30 },
    ]);
    // A story without eras writes none, as before.
    expect(toTimelineJs(makeDocument())).not.toHaveProperty('eras');
  });

  it('keeps the eras through import, export and import again', () => {
    const first = imported(withEras).document;
    const again = imported(toTimelineJsText(first), makeDocument()).document;
    expect(again.eras).toEqual(first.eras);
  });

  it('gives back any timeline’s eras exactly, names with odd spaces and zoned times too', () => {
    fc.assert(
      fc.property(arbitraryTimeline({ eras: true, minEvents: 1, maxEvents: 2 }), (doc) => {
        expect(imported(toTimelineJsText(doc), makeDocument()).document.eras).toEqual(doc.eras);
      }),
      { numRuns: 200 },
    );
  });
});
