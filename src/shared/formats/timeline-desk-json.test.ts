import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import { arbitraryTimeline } from '../../../test/arbitraries';
import { makeDocument, makeEra, makeEvent } from '../../../test/builders';
import { readDataFile } from '../../../test/data-files';
import type { PartialDate } from '../partial-date';
import { TimelineDocumentSchema } from '../schema';
import { runToEnd } from '../steps';
import { parseWith } from '../validation';
import {
  CHECK_BATCH,
  checkDocumentInBatches,
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
    expect(text.endsWith('  "eras": [],\n  "events": []\n}\n')).toBe(true);
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
    expect(parts).toHaveLength(2 * doc.events.length + 2);
    expect(parts.join('')).toBe(toTimelineDeskJson(doc));
    expect(JSON.parse(parts.join(''))).toEqual(doc);
  });
});

describe('checkDocumentInBatches', () => {
  it('hands out the checked events in batches, in order', () => {
    const doc = generateTimeline(CHECK_BATCH * 2 + 7);
    const batches: number[] = [];
    const checking = checkDocumentInBatches(JSON.parse(JSON.stringify(doc)));
    const handedOut = [];
    for (let step = checking.next(); ; step = checking.next()) {
      if (step.done) {
        expect(step.value).toEqual({ ok: true, value: doc });
        break;
      }
      batches.push(step.value.length);
      handedOut.push(...step.value);
    }
    expect(batches).toEqual([CHECK_BATCH, CHECK_BATCH, 7]);
    expect(handedOut).toEqual(doc.events);
  });

  it('finds what the schema finds in one go, whatever is broken', () => {
    fc.assert(
      fc.property(
        arbitraryTimeline({ minEvents: 1, maxEvents: 6, eras: true }),
        fc.array(fc.tuple(fc.constantFrom(...DAMAGE_NAMES), fc.nat()), {
          minLength: 1,
          maxLength: 3,
        }),
        (doc, damages) => {
          const json = JSON.parse(JSON.stringify(doc)) as Json;
          for (const [name, at] of damages) DAMAGES[name]?.(json, at);
          expect(runToEnd(checkDocumentInBatches(json))).toEqual(
            parseWith(TimelineDocumentSchema, json),
          );
        },
      ),
      { numRuns: 300 },
    );
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

  it('carries eras both ways, and reads a file from before eras as having none', () => {
    const doc = makeDocument({ eras: [makeEra()], events: [makeEvent()] });
    const text = toTimelineDeskJson(doc);
    expect(JSON.parse(text).eras).toEqual([makeEra()]);
    expect(fromTimelineDeskJson(JSON.parse(text))).toEqual({ ok: true, value: doc });
    const old = JSON.parse(text) as Record<string, unknown>;
    delete old['eras'];
    expect(fromTimelineDeskJson(old)).toEqual({ ok: true, value: { ...doc, eras: [] } });
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

type Json = Record<string, unknown>;

/** Changes the event (or lane) picked by `at`, if the document still has one there. */
const onEvent = (doc: Json, at: number, change: (event: Json) => void) =>
  onItem(doc, 'events', at, change);
const onLane = (doc: Json, at: number, change: (lane: Json) => void) =>
  onItem(doc, 'lanes', at, change);

function onItem(doc: Json, key: string, at: number, change: (item: Json) => void): void {
  const items = doc[key];
  if (!Array.isArray(items) || items.length === 0) return;
  const item: unknown = items[at % items.length];
  if (typeof item === 'object' && item !== null) change(item as Json);
}

/** Ways a document from elsewhere can be wrong, each at a place picked by `at`. */
const DAMAGES: Record<string, (doc: Json, at: number) => void> = {
  badStart: (doc, at) => onEvent(doc, at, (e) => (e['start'] = '2024-13-01')),
  endBeforeStart: (doc, at) =>
    onEvent(doc, at, (e) => Object.assign(e, { start: '2024-06-02', end: '2024-06-01' })),
  emptyTitle: (doc, at) => onEvent(doc, at, (e) => (e['title'] = ' ')),
  unknownLane: (doc, at) => onEvent(doc, at, (e) => (e['laneId'] = 'no-such')),
  missingParent: (doc, at) =>
    onEvent(doc, at, (e) => (e['followUpOf'] = '00000000-0000-4000-8000-000000000000')),
  ownParent: (doc, at) => onEvent(doc, at, (e) => (e['followUpOf'] = e['id'])),
  twiceUsedId: (doc, at) =>
    onEvent(doc, 0, (first) => onEvent(doc, at, (e) => (e['id'] = first['id']))),
  extraEventKey: (doc, at) => onEvent(doc, at, (e) => (e['colour'] = 'red')),
  missingEventKey: (doc, at) => onEvent(doc, at, (e) => delete e['createdAt']),
  notAnEvent: (doc, at) => {
    if (Array.isArray(doc['events']) && doc['events'].length > 0) {
      doc['events'][at % doc['events'].length] = 7;
    }
  },
  badSourceUrl: (doc, at) =>
    onEvent(doc, at, (e) => (e['sources'] = [{ title: 'x', url: 'ftp://x' }])),
  badFormat: (doc) => (doc['format'] = 'timelinejs'),
  badVersion: (doc) => (doc['version'] = 2),
  noLanes: (doc) => (doc['lanes'] = []),
  twiceUsedLane: (doc) => onLane(doc, 0, (lane) => (doc['lanes'] as Json[]).push({ ...lane })),
  badLaneColour: (doc, at) => onLane(doc, at, (lane) => (lane['color'] = 'red')),
  extraKey: (doc) => (doc['extra'] = true),
  emptyTimelineTitle: (doc) => ((doc['timeline'] as Json)['title'] = ''),
  eventsNotAList: (doc) => (doc['events'] = { 0: 1 }),
  eraEndBeforeStart: (doc) =>
    (doc['eras'] = [{ id: ERA_ID, title: 'Summit', start: '2024-06-02', end: '2024-06-01' }]),
  twiceUsedEra: (doc) => {
    const era = { id: ERA_ID, title: 'Summit', start: '2024', end: '2024' };
    doc['eras'] = [era, { ...era, title: 'Again' }];
  },
  erasNotAList: (doc) => (doc['eras'] = 'June'),
  noEras: (doc) => delete doc['eras'],
};
const ERA_ID = '6f1d3f0e-3c1a-4c55-9d7e-2b8f0a1c9e01';
const DAMAGE_NAMES = Object.keys(DAMAGES);
