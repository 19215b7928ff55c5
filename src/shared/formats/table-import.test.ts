/**
 * A table of the user's own (issue 17, part 4): a plain `date,event,source` CSV or a TSV is
 * recognised as a table, its columns guessed from their names (English and Indonesian), read by
 * the mapping the user gives, with dates as people write them; bad rows are listed.
 */
import { describe, expect, it } from 'vitest';

import { importContext } from '../../../test/builders';
import type { TableMapping } from '../contract';
import { parseImport } from './index';
import { guessMapping } from './table-import';

const read = (text: string, fileName: string, mapping?: TableMapping) => {
  const result = parseImport(text, fileName, { ...importContext(), mapping });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('a table of the user’s own', () => {
  it('reads a plain date,event,source CSV by its guessed columns, dates as people write them', () => {
    const text = [
      'date,event,source',
      '19 June 2024,Putin lands in Pyongyang,https://example.org/landing',
      '19/06/2024,Comprehensive partnership signed,',
      'June 2024,Summit month,not a link',
    ].join('\n');
    const parsed = read(text, 'korea.csv');
    expect(parsed.format).toBe('table');
    expect(parsed.table).toEqual({
      columns: ['date', 'event', 'source'],
      mapping: {
        start: 'date',
        end: null,
        title: 'event',
        description: null,
        source: 'source',
        lane: null,
        tags: null,
      },
    });
    const events = parsed.document.events;
    expect(events.map((event) => [event.title, event.start])).toEqual([
      ['Putin lands in Pyongyang', '2024-06-19'],
      ['Comprehensive partnership signed', '2024-06-19'],
      ['Summit month', '2024-06'],
    ]);
    expect(events[0]?.sources).toEqual([
      expect.objectContaining({ title: 'example.org', url: 'https://example.org/landing' }),
    ]);
    expect(events[2]?.sources).toEqual([
      expect.objectContaining({ title: 'not a link', url: null }),
    ]);
  });

  it('reads a TSV with Indonesian column names, lanes and tags, and lists a bad date', () => {
    const text = [
      'tanggal\tselesai\tjudul\tkategori\ttag',
      '18 Juni 2024\t19 Juni 2024\tKunjungan kenegaraan\tDiplomasi\tputin, kim',
      'kemarin lusa\t\tTanggal salah\tDiplomasi\t',
    ].join('\n');
    const parsed = read(text, 'kunjungan.tsv');
    expect(parsed.table?.mapping).toMatchObject({
      start: 'tanggal',
      end: 'selesai',
      title: 'judul',
      lane: 'kategori',
      tags: 'tag',
    });
    const [visit] = parsed.document.events;
    expect(visit).toMatchObject({ start: '2024-06-18', end: '2024-06-19', tags: ['putin', 'kim'] });
    const lane = parsed.document.lanes.find((each) => each.id === visit?.laneId);
    expect(lane?.title).toBe('Diplomasi');
    expect(parsed.badRows).toEqual({
      count: 1,
      listed: [expect.stringMatching(/^row 3, tanggal: "kemarin lusa"/)],
    });
  });

  it('asks for the columns when their names say nothing, then reads by the mapping given', () => {
    const text = ['when it happened;what;link', '2024-06-19;Visit;'].join('\n');
    const asked = read(text, 'x.csv');
    expect(asked.table).toEqual({ columns: ['when it happened', 'what', 'link'], mapping: null });
    expect(asked.document.events).toEqual([]);
    const mapping: TableMapping = {
      start: 'when it happened',
      end: null,
      title: 'what',
      description: null,
      source: 'link',
      lane: null,
      tags: null,
    };
    expect(read(text, 'x.csv', mapping).document.events.map((event) => event.title)).toEqual([
      'Visit',
    ]);
  });

  it('gives a row the same id when the file is imported again', () => {
    const text = 'date,event\n2024-06-19,Visit\n';
    expect(read(text, 'a.csv').document.events[0]?.id).toBe(
      read(text, 'b.csv').document.events[0]?.id,
    );
  });

  it('guesses nothing without a date and a title column', () => {
    expect(guessMapping(['name', 'notes'])).toBeNull();
    expect(guessMapping(['Date', 'Headline'])).toMatchObject({ start: 'Date', title: 'Headline' });
  });
});

describe('a table row the schema refuses', () => {
  it('is a bad row, named by its column, and the others come in', () => {
    const text = [
      'date,end,event',
      '2024-06-19,2024-06-01,Ends before it starts',
      '2024-06-20,,Fine',
    ].join('\n');
    const parsed = read(text, 't.csv');
    expect(parsed.document.events.map((event) => event.title)).toEqual(['Fine']);
    expect(parsed.badRows?.listed).toEqual([expect.stringMatching(/^row 2, end: /)]);
  });
});
