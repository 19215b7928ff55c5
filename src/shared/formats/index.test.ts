import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEvent, makeLane } from '../../../test/builders';
import { EXPORT_FORMATS, MAX_IMPORT_BYTES } from '../contract';
import type { EventId, LaneId, Timestamp } from '../ids';
import { detectImportFormat, exportTimeline, type ImportContext, parseImport } from './index';
import { toTimelineDeskJson } from './timeline-desk-json';

const NOW = '2024-06-20T12:00:00.000Z' as Timestamp;
const doc = makeDocument({
  events: [makeEvent({ title: 'Putin arrives in Pyongyang', tags: ['summit'] })],
});
const context: ImportContext = {
  now: NOW,
  newId: () => globalThis.crypto.randomUUID() as EventId,
  current: doc,
};

describe('exportTimeline', () => {
  it('writes Timeline Desk JSON: pretty, one event a line, with a final newline', () => {
    const file = exportTimeline('json', doc);
    expect(file).toMatchObject({ extension: '.timeline.json', mimeType: 'application/json' });
    expect(file.text).toBe(toTimelineDeskJson(doc));
    expect(file.text).toContain(`  "events": [\n    ${JSON.stringify(doc.events[0])}\n  ]\n}\n`);
    expect(JSON.parse(file.text)).toEqual(doc);
  });

  it('writes CSV', () => {
    const file = exportTimeline('csv', doc);
    expect(file).toMatchObject({ extension: '.csv', mimeType: 'text/csv' });
    expect(file.text).toContain('Putin arrives in Pyongyang');
  });

  it('writes TimelineJS JSON', () => {
    const file = exportTimeline('timelinejs', doc);
    expect(file).toMatchObject({ extension: '.timelinejs.json', mimeType: 'application/json' });
    expect(detectImportFormat(file.text, 'x')).toBe('timelinejs');
  });
});

describe('exportTimeline to the export-only formats', () => {
  it('writes Markwhen', () => {
    const file = exportTimeline('markwhen', doc);
    expect(file).toMatchObject({ extension: '.mw', mimeType: 'text/markdown' });
    expect(file.text).toContain('Putin arrives in Pyongyang');
  });

  it('writes iCalendar', () => {
    const file = exportTimeline('ics', doc);
    expect(file).toMatchObject({ extension: '.ics', mimeType: 'text/calendar' });
    expect(file.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(file.text).toContain('SUMMARY:Putin arrives in Pyongyang');
  });

  it('writes every export format for any valid timeline without throwing', () => {
    fc.assert(
      fc.property(arbitraryTimeline(), fc.constantFrom(...EXPORT_FORMATS), (timeline, format) => {
        expect(exportTimeline(format, timeline).text.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseImport', () => {
  it.each(['json', 'csv', 'timelinejs'] as const)('reads back its own %s export', (format) => {
    const file = exportTimeline(format, doc);
    expect(parseImport(file.text, `story${file.extension}`, context)).toEqual({
      ok: true,
      value: { format, document: doc },
    });
  });

  it('goes by the content, not the file name', () => {
    const result = parseImport(exportTimeline('csv', doc).text, 'story.json', context);
    expect(result.ok && result.value.format).toBe('csv');
  });

  it('reads a CSV file into the current timeline: its info, its lanes, new ones added', () => {
    const text = 'id,title,start,lane,laneTitle\r\n,Talks,2024-06,economy,Economy\r\n';
    const result = parseImport(text, 'new.csv', context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.document.timeline).toEqual(doc.timeline);
    expect(result.value.document.lanes.map((lane) => lane.id)).toEqual([
      'lane-a',
      'lane-b',
      'economy',
    ]);
    expect(result.value.document.lanes[2]).toMatchObject(
      makeLane({ id: 'economy' as LaneId, title: 'Economy', color: expect.any(String) }),
    );
    expect(result.value.document.events[0]).toMatchObject({ createdAt: NOW, updatedAt: NOW });
  });

  it('refuses what is no timeline with a clear sentence', () => {
    for (const text of ['', 'Dear editor,', '{"events": []}', '[1, 2]', 'name,date\n']) {
      expect(parseImport(text, 'notes.txt', context)).toEqual({
        ok: false,
        error: {
          code: 'invalid',
          message:
            'This file is not a Timeline Desk, TimelineJS, CSV, iCalendar or Markwhen timeline',
        },
      });
    }
  });

  it('says when a JSON file does not parse', () => {
    const result = parseImport('{"format": "timeline-desk", ', 'story.timeline.json', context);
    expect(result.ok || result.error.message).toMatch(
      /^This file is not a Timeline Desk, TimelineJS, CSV, iCalendar or Markwhen timeline: it is not valid JSON \(/,
    );
  });

  it('names the first bad place of a Timeline Desk file', () => {
    const bad = { ...doc, events: [{ ...doc.events[0], start: '2024-13-01' }] };
    expect(parseImport(JSON.stringify(bad), 'bad.json', context)).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'events[0].start: "2024-13-01" is not a date',
        path: 'events[0].start',
      },
    });
  });

  it('refuses a file from a newer Timeline Desk', () => {
    const newer = JSON.stringify({ ...doc, version: 2 });
    expect(parseImport(newer, 'new.json', context)).toMatchObject({
      ok: false,
      error: {
        message:
          'This file was made by a newer version of Timeline Desk (format version 2); this version reads up to 1',
      },
    });
  });

  it('reads a file with a byte order mark', () => {
    const text = `\uFEFF${exportTimeline('json', doc).text}`;
    expect(parseImport(text, 'bom.json', context).ok).toBe(true);
  });

  it('refuses text over the size limit by its length alone', () => {
    const text = ' '.repeat(MAX_IMPORT_BYTES + 1);
    expect(parseImport(text, 'big.csv', context)).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'This file is larger than 50 MB' },
    });
  });
});
