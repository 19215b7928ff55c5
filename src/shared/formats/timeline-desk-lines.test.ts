import { describe, expect, it } from 'vitest';

import { makeDocument, makeEra, makeEvents } from '../../../test/builders';
import { toTimelineDeskJson } from './timeline-desk-json';
import { eventLines, NOT_JSON, parseLine } from './timeline-desk-lines';

// With an era: the head before the events carries the eras.
const doc = makeDocument({ events: makeEvents(3), eras: [makeEra()] });
const text = toTimelineDeskJson(doc);

describe('eventLines', () => {
  it('finds each event of an export on its line, and the document without them', () => {
    const lines = eventLines(text);
    expect(lines).not.toBeNull();
    const events = [0, 1, 2].map((i) => parseLine(lines!, i));
    expect(events).toEqual(doc.events);
    expect(JSON.parse(lines!.headText)).toEqual({ ...doc, events: [] });
  });

  it('reads past a byte order mark', () => {
    expect(eventLines(`\uFEFF${text}`)?.headText).toBe(eventLines(text)?.headText);
  });

  it.each([
    ['compact JSON', JSON.stringify(doc)],
    ['JSON.stringify with two spaces', JSON.stringify(doc, null, 2)],
    ['no events', toTimelineDeskJson(makeDocument())],
    ['Windows line ends', text.replaceAll('\n', '\r\n')],
    ['a comma after the last event', text.replace('\n  ]\n}', ',\n  ]\n}')],
    ['a missing comma between events', text.replace('},\n    {"id"', '}\n    {"id"')],
    ['more after the document', `${text}{}`],
  ])('leaves %s alone', (_, other) => {
    expect(eventLines(other)).toBeNull();
  });

  it('says when a line is not JSON', () => {
    const lines = eventLines(text.replace('"Event 2"', '"Event 2'));
    expect(lines && parseLine(lines, 1)).toBe(NOT_JSON);
  });
});
