import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent, makeLane } from '../../../test/builders';
import type { EventId, LaneId, Timestamp } from '../ids';
import type { Result } from '../result';
import type { TimelineDocument } from '../schema';
import { CSV_COLUMNS, fromCsv, guardFormula, toCsv, unguardFormula } from './csv';
import type { ImportContext } from './index';
import { LANE_PALETTE } from './lane-palette';
import { uuidFromString } from './stable-uuid';

const NOW = '2024-06-20T12:00:00.000Z' as Timestamp;
/** New ids in order: …0001, …0002, and so on. */
const newId = (n: number) => `0190a3c4-5b6d-7e8f-9a0b-${String(n).padStart(12, '0')}` as EventId;

function contextFor(current: TimelineDocument = makeDocument()): ImportContext {
  let count = 0;
  return { now: NOW, newId: () => newId(++count), current };
}

/** A CSV text from rows of cells, the first row the header. */
function table(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows.map((row) => [...row]));
}

function read(text: string, context = contextFor()): Result<TimelineDocument> {
  return fromCsv(text, ',', context);
}

function refusal(text: string, context = contextFor()): string {
  const result = read(text, context);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.message;
}

/** The table rows of an export, header first. */
function exportedRows(doc: TimelineDocument): string[][] {
  return Papa.parse<string[]>(toCsv(doc).slice(1), { skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  const event = makeEvent({
    title: 'Talks "resume"; again, maybe',
    description: 'Line one\nLine two',
    tags: ['sanctions; UN', 'war'],
    actors: ['Kim Jong Un'],
    sources: [
      {
        title: 'KCNA',
        url: 'https://kcnawatch.org/a?b=1,2',
        publisher: '',
        published: null,
        quote: 'He said: "no"',
        language: 'en',
      },
    ],
  });
  const doc = makeDocument({ events: [event] });

  it('writes a BOM for Excel, the header, then one row per event, with CRLF line ends', () => {
    const text = toCsv(doc);
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(exportedRows(doc)).toHaveLength(2);
  });

  it('writes lists and sources as JSON arrays, so ; and , inside items survive', () => {
    const [header, row] = exportedRows(doc);
    const cell = (column: string) => row![header!.indexOf(column)];
    expect(cell('tags')).toBe('["sanctions; UN","war"]');
    expect(cell('actors')).toBe('["Kim Jong Un"]');
    expect(JSON.parse(cell('sources')!)).toEqual(event.sources);
    expect(cell('title')).toBe(event.title);
    expect(cell('description')).toBe(event.description);
    expect(cell('laneTitle')).toBe('Diplomacy');
    expect(cell('laneColor')).toBe('#2e6fba');
  });

  it('leaves empty lists, a missing end and no follow-up as empty cells', () => {
    const [header, row] = exportedRows(makeDocument({ events: [makeEvent()] }));
    for (const column of ['end', 'tags', 'actors', 'sources', 'followUpOf']) {
      expect(row![header!.indexOf(column)], column).toBe('');
    }
  });
});

describe('the formula guard', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ["'=already quoted", "''=already quoted"],
    ["'plain", "'plain"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j and reads it back', (value, cell) => {
    expect(guardFormula(value)).toBe(cell);
    expect(unguardFormula(cell)).toBe(value);
  });

  it('keeps a spreadsheet from running an exported title as a formula', () => {
    const doc = makeDocument({ events: [makeEvent({ title: '=cmd|"/c calc"!A1' })] });
    const [header, row] = exportedRows(doc);
    expect(row![header!.indexOf('title')]).toBe(`'=cmd|"/c calc"!A1`);
    expect(read(toCsv(doc), contextFor(doc))).toEqual({ ok: true, value: doc });
  });
});

describe('fromCsv', () => {
  it('reads back an export as the same document', () => {
    const parent = makeEvent({ title: 'Summit' });
    const doc = makeDocument({
      events: [
        parent,
        makeEvent({
          title: '- dash first',
          end: '2024-06-20' as never,
          laneId: 'lane-b' as LaneId,
          followUpOf: parent.id,
          tags: ['a;b', '"q"'],
          location: '  Pyongyang  ',
        }),
      ],
    });
    expect(read(toCsv(doc), contextFor(doc))).toEqual({ ok: true, value: doc });
  });

  it('fills a row with only a title and a start: new id, first lane, now, defaults', () => {
    const result = read(
      table([
        ['id', 'title', 'start'],
        ['', 'Talks', '2024-06'],
      ]),
    );
    expect(result.ok && result.value.events).toEqual([
      makeEvent({
        id: newId(1),
        title: 'Talks',
        start: '2024-06' as never,
        laneId: 'lane-a' as LaneId,
        createdAt: NOW,
        updatedAt: NOW,
      }),
    ]);
  });

  it('keeps the current timeline and its lanes, and adds lanes for unknown lane ids', () => {
    const current = makeDocument();
    const text = table([
      ['id', 'title', 'start', 'lane', 'laneTitle', 'laneColor'],
      ['', 'A', '2024', 'economy', 'Economy', '#112233'],
      ['', 'B', '2024', 'economy', 'Ignored: the lane exists by now', '#445566'],
      ['', 'C', '2024', 'sport', '', ''],
      ['', 'D', '2024', 'lane-b', 'Not a rename', '#000000'],
    ]);
    const result = read(text, contextFor(current));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.value.timeline).toEqual(current.timeline);
    expect(result.value.lanes).toEqual([
      ...current.lanes,
      makeLane({ id: 'economy' as LaneId, title: 'Economy', color: '#112233' }),
      makeLane({ id: 'sport' as LaneId, title: 'sport', color: LANE_PALETTE[3] }),
    ]);
    expect(result.value.events.map((event) => event.laneId)).toEqual([
      'economy',
      'economy',
      'sport',
      'lane-b',
    ]);
  });

  it('reads hand-typed lists separated by ;', () => {
    const text = table([
      ['id', 'title', 'start', 'tags', 'actors'],
      ['', 'A', '2024', 'sanctions; UN ;', 'Kim Jong Un;Putin'],
    ]);
    const result = read(text);
    expect(result.ok && result.value.events[0]).toMatchObject({
      tags: ['sanctions', 'UN'],
      actors: ['Kim Jong Un', 'Putin'],
    });
  });

  it('ignores columns it does not know and empty lines, and trims header names', () => {
    const text = 'notes, id ,title,start\r\n\r\nx,,A,2024\r\n,,,\r\n\r\n';
    const result = read(text);
    expect(result.ok && result.value.events.map((event) => event.title)).toEqual(['A']);
  });

  it('reads semicolon-separated files too', () => {
    const result = fromCsv('id;title;start\n;A, B;2024\n', ';', contextFor());
    expect(result.ok && result.value.events[0]!.title).toBe('A, B');
  });

  describe('names the row (as a spreadsheet numbers it) and the column of a problem', () => {
    const header = ['id', 'title', 'start', 'end', 'lane', 'laneColor', 'tags', 'sources'];
    const row = (cells: Partial<Record<string, string>>) =>
      header.map((column) => cells[column] ?? (column === 'title' ? 'A' : ''));
    const good = row({ start: '2024' });

    it.each<[Partial<Record<string, string>>, string]>([
      [{ start: '2024-13-01' }, 'row 3, start: "2024-13-01" is not a date'],
      [{ start: '' }, 'row 3, start: "" is not a date'],
      [{ start: '2024', title: '  ' }, 'row 3, title: is empty'],
      [{ start: '2024', end: '2023' }, 'row 3, end: is before the start'],
      [{ start: '2024', lane: 'War & Peace' }, 'row 3, lane: is not a lane id'],
      [{ start: '2024', lane: 'new', laneColor: 'red' }, 'row 3, laneColor: is not a colour'],
      [{ start: '2024', tags: '["a", 3]' }, 'row 3, tags[1]: Invalid input: expected string'],
      [{ start: '2024', tags: '[unclosed' }, 'row 3, tags: is not a JSON list such as ["a", "b"]'],
      [{ start: '2024', sources: 'Yonhap' }, 'row 3, sources: is not a JSON list such as'],
      [
        { start: '2024', sources: '[{"title":"X","url":"javascript:alert(1)"}]' },
        'row 3, sources[0].url: is not a web address (http or https)',
      ],
    ])('%j', (cells, message) => {
      expect(refusal(table([header, good, row(cells)]))).toContain(message);
    });
  });

  it('gives ids that are not UUIDs the same UUID every time, follow-ups included', () => {
    const text = table([
      ['id', 'title', 'start', 'followUpOf'],
      ['1', 'Visit announced', '2024-06-16', ''],
      ['a-slug', 'Visit begins', '2024-06-18', '1'],
    ]);
    const first = fromCsv(text, ',', contextFor());
    const again = fromCsv(text, ',', contextFor());
    if (!first.ok || !again.ok) throw new Error('refused');
    const [announced, begins] = first.value.events;
    expect(announced?.id).toBe(uuidFromString('1'));
    expect(begins?.id).toBe(uuidFromString('a-slug'));
    expect(begins?.followUpOf).toBe(announced?.id);
    expect(again.value.events.map((event) => event.id)).toEqual([announced?.id, begins?.id]);
  });

  it('names the row of a duplicate id and of a follow-up to an event not in the file', () => {
    const a = makeEvent();
    const twice = makeDocument({ events: [a, makeEvent(), { ...a, title: 'Again' }] });
    expect(refusal(toCsv(twice), contextFor(twice))).toBe('row 4, id: is used twice');
    const orphan = makeDocument({ events: [makeEvent({ followUpOf: a.id })] });
    expect(refusal(toCsv(orphan), contextFor(orphan))).toBe('row 2, followUpOf: names no event');
  });

  it('refuses broken CSV: an open quote, too many cells, a header named twice', () => {
    expect(refusal('id,title,start\n,"Talks,2024\n')).toBe('row 2: a quoted cell is not closed');
    expect(refusal('id,title,start\n,A,2024,extra\n')).toBe(
      'row 2: has more cells than the header',
    );
    expect(refusal('id,title,start,title\n,A,2024,B\n')).toBe(
      'row 1: the header has "title" twice',
    );
  });

  it('allows trailing empty cells a spreadsheet may add', () => {
    expect(read('id,title,start\n,A,2024,,\n').ok).toBe(true);
  });

  it('refuses more new lanes than a timeline may have', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ['', `E${i}`, '2024', `lane${i}`]);
    expect(refusal(table([['id', 'title', 'start', 'lane'], ...rows]))).toBe(
      'row 200, lane: would make more than 200 lanes',
    );
  });
});

describe('fromCsv with blank lines before the header', () => {
  it('takes the first filled row as the header and keeps the row numbers true', () => {
    const text = '\r\n,,\r\nid,title,start\r\n,A,2024\r\n\r\n,B,2024-13\r\n';
    expect(refusal(text)).toBe('row 6, start: "2024-13" is not a date');
  });
});
