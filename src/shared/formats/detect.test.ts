import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent } from '../../../test/builders';
import { toCsv } from './csv';
import { detectImportFormat, NOT_A_TIMELINE, sniffImport } from './detect';
import { toTimelineDeskJson } from './timeline-desk-json';

const doc = makeDocument({ events: [makeEvent()] });
const timelineJs = JSON.stringify({
  title: { text: { headline: 'Story' } },
  events: [{ start_date: { year: '2024' }, text: { headline: 'Talks' } }],
});

describe('detectImportFormat', () => {
  it.each([
    [toTimelineDeskJson(doc), 'story.timeline.json', 'json'],
    [timelineJs, 'story.json', 'timelinejs'],
    [toCsv(doc), 'story.csv', 'csv'],
  ])('reads the format from the content: %#', (text, fileName, format) => {
    expect(detectImportFormat(text, fileName)).toBe(format);
  });

  it('ignores a misleading file name', () => {
    expect(detectImportFormat(toCsv(doc), 'story.json')).toBe('csv');
    expect(detectImportFormat(toTimelineDeskJson(doc), 'story.csv')).toBe('json');
    expect(detectImportFormat(timelineJs, 'notes.txt')).toBe('timelinejs');
  });

  it('knows a Timeline Desk document by its format key, however broken the rest is', () => {
    expect(detectImportFormat('{"format": "timeline-desk", "events": 3}', 'a.json')).toBe('json');
  });

  it('knows TimelineJS by an event with a start_date', () => {
    expect(detectImportFormat('{"events": [{"start_date": {}}]}', 'a')).toBe('timelinejs');
    expect(detectImportFormat('{"events": [{"start": "2024"}]}', 'a')).toBeNull();
    expect(detectImportFormat('{"events": []}', 'a')).toBeNull();
    expect(detectImportFormat('{"events": {"start_date": {}}}', 'a')).toBeNull();
  });

  it('knows CSV by an id, title and start header, with any delimiter of , ; or tab', () => {
    expect(detectImportFormat('\uFEFFid,title,start\r\n', 'a.csv')).toBe('csv');
    expect(detectImportFormat('title;start;id\n;x;2024\n', 'a.csv')).toBe('csv');
    expect(detectImportFormat('id\ttitle\tstart\n', 'a.tsv')).toBe('csv');
    expect(detectImportFormat('\n\nid,title,start\n', 'a.csv')).toBe('csv');
    expect(detectImportFormat('id,title,date\n', 'a.csv')).toBeNull();
    expect(detectImportFormat('name,value\n', 'a.csv')).toBeNull();
  });

  it('finds nothing in other text', () => {
    for (const text of ['', 'hello', '42', 'null', '[]', '{}', '"id,title,start"']) {
      expect(detectImportFormat(text, 'a.txt')).toBeNull();
    }
  });
});

describe('sniffImport', () => {
  it('says why a file that looks like JSON is not read', () => {
    expect(sniffImport('{"format": "timeline-desk",', 'a.json')).toMatchObject({
      format: null,
      reason: expect.stringMatching(new RegExp(`^${NOT_A_TIMELINE}: it is not valid JSON \\(`)),
    });
    expect(sniffImport('oops', 'a.json')).toMatchObject({
      reason: expect.stringContaining('not valid JSON'),
    });
    expect(sniffImport('oops', 'a.txt')).toEqual({ format: null, reason: NOT_A_TIMELINE });
  });

  it('hands over the parsed JSON, so it is parsed once', () => {
    expect(sniffImport(timelineJs, 'a.json')).toEqual({
      format: 'timelinejs',
      json: JSON.parse(timelineJs),
    });
  });
});
