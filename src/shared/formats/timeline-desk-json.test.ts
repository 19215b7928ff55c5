import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import { makeDocument, makeEvent } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import type { PartialDate } from '../partial-date';
import { TimelineDocumentSchema } from '../schema';
import {
  fromTimelineDeskJson,
  timelineDeskJsonParts,
  toTimelineDeskJson,
} from './timeline-desk-json';

const seedText = readDataFile('seed-timeline.json');
const seed = TimelineDocumentSchema.parse(JSON.parse(seedText));

function refusal(json: unknown): string {
  const result = fromTimelineDeskJson(json);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.message;
}

describe('toTimelineDeskJson', () => {
  it('writes pretty JSON: two spaces, a final newline', () => {
    const text = toTimelineDeskJson(seed);
    expect(text).toMatch(/^\{\n {2}"format": "timeline-desk",\n {2}"version": 1,\n/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(seedText));
  });

  it('writes one event a line, so a diff shows which events changed', () => {
    const lines = toTimelineDeskJson(seed).split('\n');
    const start = lines.indexOf('  "events": [');
    expect(lines.slice(start + 1, start + 1 + seed.events.length)).toEqual(
      seed.events.map(
        (event, i) => `    ${JSON.stringify(event)}${i < seed.events.length - 1 ? ',' : ''}`,
      ),
    );
    expect(lines.slice(start + 1 + seed.events.length)).toEqual(['  ]', '}', '']);
  });

  it('writes an empty timeline as an empty events list', () => {
    const doc = makeDocument();
    const text = toTimelineDeskJson(doc);
    expect(text.endsWith('  ],\n  "events": []\n}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(doc);
  });

  it("is the same text in parts, made from each event's JSON", () => {
    const doc = generateTimeline(700);
    const parts = [
      ...timelineDeskJsonParts(
        doc,
        doc.events.map((e) => JSON.stringify(e)),
      ),
    ];
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(toTimelineDeskJson(doc));
    expect(JSON.parse(parts.join(''))).toEqual(doc);
  });
});

describe('fromTimelineDeskJson', () => {
  it('gives back the exported document field for field', () => {
    const doc = makeDocument({ events: [makeEvent({ title: 'Talks "resume"; again, maybe' })] });
    expect(fromTimelineDeskJson(JSON.parse(toTimelineDeskJson(doc)))).toEqual({
      ok: true,
      value: doc,
    });
  });

  it('fills the defaults of fields a hand-written file leaves out', () => {
    const { id, title, start, laneId, createdAt, updatedAt } = makeEvent();
    const result = fromTimelineDeskJson({
      ...makeDocument(),
      events: [{ id, title, start, laneId, createdAt, updatedAt }],
    });
    expect(result.ok && result.value.events[0]).toMatchObject({
      end: null,
      status: 'occurred',
      certainty: 'reported',
      tags: [],
      sources: [],
    });
  });

  it('names the first bad place', () => {
    const events = [makeEvent(), makeEvent({ start: '2024-13-01' as PartialDate })];
    expect(refusal({ ...makeDocument(), events })).toBe(
      'events[1].start: "2024-13-01" is not a date',
    );
  });

  it('names a bad start even when the event has a valid end', () => {
    const event = makeEvent({ start: 'soon' as PartialDate, end: '2024-07' as PartialDate });
    expect(refusal({ ...makeDocument(), events: [event] })).toBe(
      'events[0].start: "soon" is not a date',
    );
  });

  it('refuses a document from a newer version before checking its fields', () => {
    expect(refusal({ ...makeDocument(), version: 2, events: 'changed' })).toMatch(
      /newer version of Timeline Desk \(format version 2\)/,
    );
  });

  it('refuses what is not a Timeline Desk document', () => {
    expect(refusal([])).toMatch(/expected object/i);
    expect(refusal({ ...makeDocument(), format: 'timelinejs' })).toMatch(/^format: /);
  });
});
