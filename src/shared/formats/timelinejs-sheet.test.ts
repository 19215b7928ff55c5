/**
 * TimelineJS's Google-sheet template as CSV (issue 17, part 4), on the template itself
 * (test/fixtures/timelinejs/SOURCE.md) and on sheets written as newsrooms fill them in.
 */
import { describe, expect, it } from 'vitest';

import { importContext } from '../../../test/builders';
import ownTimeline from '../../../test/fixtures/timelinejs/my-own-timeline.csv?raw';
import { parseImport } from './index';

const HEADER =
  'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';

function read(text: string) {
  const result = parseImport(text, 'sheet.csv', importContext());
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal(text: string): string {
  const result = parseImport(text, 'sheet.csv', importContext());
  if (result.ok) throw new Error('read');
  return result.error.message;
}

describe('a TimelineJS Google-sheet CSV', () => {
  it('reads TimelineJS’s own template: its title row is the story’s title, each row an event', () => {
    const { format, document, notes } = read(ownTimeline);
    expect(format).toBe('timelinejs-sheet');
    expect(document.timeline.title).toBe('MY OWN CSV');
    expect(document.timeline.description).toMatch(/^In this sample timeline/);
    expect(document.events).toHaveLength(10);
    const ada = document.events.find((event) => event.title === 'Ada Lovelace');
    expect([ada?.start, ada?.end]).toEqual(['1815-12-10', '1852-11-27']);
    expect(ada?.sources.map((source) => source.url)).toContain(
      'https://en.wikipedia.org/wiki/Ada_Lovelace',
    );
    // Precision from the parts filled in: "1943, 7" to "1946" is July 1943 to 1946.
    const women = document.events.find((event) => event.title.startsWith('...And the women'));
    expect([women?.start, women?.end]).toEqual(['1943-07', '1946']);
    // Edith Clarke's media is a blockquote: her words are kept as a quote, and the preview says so.
    const clarke = document.events.find((event) => event.title.startsWith('Edith Clarke'));
    expect(clarke?.sources.some((source) => source.quote.startsWith('There is no demand'))).toBe(
      true,
    );
    expect(notes).toContain("1 media embed (tweets, iframes, quotes) is kept as a source's quote");
  });

  it('reads times as a sheet holds them, groups as lanes, eras as eras', () => {
    const sheet = [
      HEADER,
      '2024,6,18,9:30 PM,2024,6,19,0930,,Putin lands in Pyongyang,,,,,,,Visit,',
      '2024,6,19,12:05:30 AM,,,,,,Treaty signed,,,,,,,Visit,',
      '2024,6,1,,2024,6,30,,,Summit month,,,,,,era,,',
    ].join('\r\n');
    const { document, notes } = read(sheet);
    expect(document.events.map((event) => [event.title, event.start, event.end])).toEqual([
      ['Putin lands in Pyongyang', '2024-06-18T21:30Z', '2024-06-19T09:30Z'],
      ['Treaty signed', '2024-06-19T00:05:30Z', null],
    ]);
    expect(document.lanes.find((lane) => lane.id === document.events[0]?.laneId)?.title).toBe(
      'Visit',
    );
    expect(document.eras).toMatchObject([
      { title: 'Summit month', start: '2024-06-01', end: '2024-06-30' },
    ]);
    expect(notes ?? []).toEqual([]);
  });

  it('names a bad era row by its row and column, and notes the text of an era it drops', () => {
    const event = '2024,6,18,,,,,,,Putin lands,,,,,,,Visit,';
    expect(refusal([HEADER, event, '2024,6,30,,2024,6,1,,,Backwards,,,,,,era,,'].join('\n'))).toBe(
      'row 3, End Year: is before the start',
    );
    const { document, notes } = read(
      [HEADER, event, '2024,6,,,2024,7,,,,Summit season,Talks and a treaty,,,,,Era,,'].join('\n'),
    );
    expect(document.eras).toMatchObject([
      { title: 'Summit season', start: '2024-06', end: '2024-07' },
    ]);
    expect(notes).toEqual(['1 era description is not kept (an era keeps its name and dates)']);
  });

  it('lists a bad cell by its row and column as the spreadsheet shows them, keeping the good rows', () => {
    const row = (cells: string) => [HEADER, '2024,6,18,,,,,,,Fine,,,,,,,,', cells].join('\n');
    const badRow = (cells: string) => {
      const { document, badRows } = read(row(cells));
      expect(document.events.map((event) => event.title)).toEqual(['Fine']);
      return badRows?.listed;
    };
    expect(badRow('2024,13,1,,,,,,,Bad month,,,,,,,,')).toEqual([
      'row 3, Month: "13" is not a month',
    ]);
    expect(badRow('2024,6,18,25:00,,,,,,Bad time,,,,,,,,')).toEqual([
      'row 3, Time: "25:00" is not a time such as 9:30 or 3:45 PM',
    ]);
    expect(badRow(',,,9:30,,,,,,No date,,,,,,,,')).toEqual([
      'row 3, Time: is given without a Year',
    ]);
    // With no good row at all, the file is refused with the first.
    expect(refusal([HEADER, '2024,13,1,,,,,,,Bad month,,,,,,,,'].join('\n'))).toBe(
      'row 2, Month: "13" is not a month',
    );
  });

  it('is told from our own CSV and from a CSV that is neither', () => {
    expect(read(`${HEADER}\n2024,,,,,,,,,A year,,,,,,,,`).format).toBe('timelinejs-sheet');
    // Any other table is one whose columns the user names (table-import.test.ts).
    expect(read('date,event,source\n2024-06-19,Visit,https://example.org').format).toBe('table');
    expect(refusal('just one line of text, with a comma')).toMatch(
      /not a Timeline Desk, TimelineJS, CSV, iCalendar or Markwhen timeline/,
    );
  });
});
