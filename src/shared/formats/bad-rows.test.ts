/**
 * Every bad row of a table file is listed (issue 17, part 4): by row and column with why, the
 * first 100 and then how many more, the good rows kept; a file of only bad rows is refused.
 */
import { describe, expect, it } from 'vitest';

import { importContext } from '../../../test/builders';
import { BadRows, MAX_LISTED_ROWS } from './bad-rows';
import { fromCsv } from './csv';
import { fromTimelineJsSheet } from './timelinejs-sheet';
import { ImportNotes } from './types';

const CSV_HEADER = 'id,title,start,end,lane';

describe('a CSV file with bad rows', () => {
  it('lists each bad row with its column, and keeps the good ones', () => {
    const text = [
      CSV_HEADER,
      '1,Talks open,2024-07-01,,Diplomacy',
      '2,Bad month,2024-13-01,,Diplomacy',
      '3,,2024-07-02,,Diplomacy',
      '4,Ends before it starts,2024-07-05,2024-07-01,Diplomacy',
      '5,Talks close,2024-07-03,,Diplomacy,extra cell',
      '6,Talks close,2024-07-03,,Diplomacy',
    ].join('\n');
    const bad = new BadRows();
    const read = fromCsv(text, ',', importContext(), bad);
    expect(read.ok && read.value.events.map((event) => event.title)).toEqual([
      'Talks open',
      'Talks close',
    ]);
    expect(bad.list()).toEqual({
      count: 4,
      listed: [
        expect.stringMatching(/^row 3, start: /),
        expect.stringMatching(/^row 4, title: /),
        expect.stringMatching(/^row 5, end: /),
        'row 6: has more cells than the header',
      ],
    });
  });

  it('lists a follow-up whose event is a bad row, as the file cannot hold it', () => {
    const text = [
      'id,title,start,followUpOf',
      '1,Talks open,2024-07-01,',
      '2,Bad,2024-13-01,',
      '3,Reply to the bad one,2024-07-04,2',
    ].join('\n');
    const bad = new BadRows();
    const read = fromCsv(text, ',', importContext(), bad);
    expect(read.ok && read.value.events.map((event) => event.title)).toEqual(['Talks open']);
    expect(bad.list()?.listed).toEqual([
      expect.stringMatching(/^row 3, start: /),
      expect.stringMatching(/^row 4, followUpOf: /),
    ]);
  });

  it('lists the first 100 bad rows and counts the rest', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `${i + 1},Row ${i},2024-13-01`);
    const text = ['id,title,start', '0,Good,2024-01-01', ...rows].join('\n');
    const bad = new BadRows();
    const read = fromCsv(text, ',', importContext(), bad);
    expect(read.ok && read.value.events).toHaveLength(1);
    expect(bad.count).toBe(250);
    expect(bad.list()?.listed).toHaveLength(MAX_LISTED_ROWS);
    expect(bad.list()?.listed[99]).toMatch(/^row 102, start: /);
  });

  it('is refused when no row is good, naming the first and counting the rest', () => {
    const text = ['id,title,start', '1,A,2024-13-01', '2,B,soon'].join('\n');
    const read = fromCsv(text, ',', importContext(), new BadRows());
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toMatch(/^row 2, start: .*\(and 1 more bad rows\)$/);
  });

  it('is refused at the first bad row when no list is kept (the old way)', () => {
    const text = ['id,title,start', '1,A,2024-01-01', '2,B,2024-13-01'].join('\n');
    const read = fromCsv(text, ',', importContext());
    expect(!read.ok && read.error.message).toMatch(/^row 3, start: /);
  });
});

describe('a TimelineJS sheet with bad rows', () => {
  const header =
    'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';
  const row = (year: string, month: string, time: string, headline: string) =>
    `${year},${month},1,${time},,,,,,${headline},,,,,,,,`;

  it('lists rows in sheet terms (row, column) and keeps the good ones', () => {
    const text = [
      header,
      row('2024', '6', '', 'Good one'),
      row('2024', '13', '', 'Bad month'),
      row('2024', '6', '25:99', 'Bad time'),
      row('2024', '7', '9:30', 'Good two'),
    ].join('\n');
    const bad = new BadRows();
    const notes = new ImportNotes();
    const read = fromTimelineJsSheet(text, ',', importContext(), notes, bad);
    expect(read.ok && read.value.events.map((event) => event.title)).toEqual([
      'Good one',
      'Good two',
    ]);
    expect(bad.list()?.listed).toEqual([
      expect.stringMatching(/^row 4, Time: /),
      expect.stringMatching(/^row 3, Month: /),
    ]);
  });
});

describe('a CSV whose follow-ups name events it lacks', () => {
  it('lists every such row by its row, even past 100 of them', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i + 2},Reply ${i},2024-07-02,99999`);
    const text = ['id,title,start,followUpOf', '1,Talks open,2024-07-01,', ...rows].join('\n');
    const bad = new BadRows();
    const read = fromCsv(text, ',', importContext(), bad);
    expect(read.ok && read.value.events.map((event) => event.title)).toEqual(['Talks open']);
    expect(bad.count).toBe(150);
    expect(bad.list()?.listed[0]).toMatch(/^row 3, followUpOf: /);
  });
});
