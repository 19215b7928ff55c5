import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import {
  exportTimeline,
  type ImportContext,
  type ParsedImport,
  parseImport,
} from '../../shared/formats';
import type { EventId, Timestamp } from '../../shared/ids';
import { ok, type Result } from '../../shared/result';
import { parseExportInTwo } from './split-import';

const context: ImportContext = {
  now: '2026-01-02T03:04:05.678Z' as Timestamp,
  newId: () => '00000000-0000-4000-8000-000000000000' as EventId,
  current: generateTimeline(3),
};
const story = generateTimeline(3000);
const exported = exportTimeline('json', story).text;
const lines = exported.split('\n');
/** The line of event i in the export. */
const lineOf = (i: number) => lines.findIndex((line) => line.includes(`(#${i + 1})"`));

/** The export with event i's line changed. */
function withEvent(i: number, change: (line: string) => string, text = exported): string {
  const all = text.split('\n');
  const at = all.findIndex((line) => line.includes(`(#${i + 1})"`));
  all[at] = change(all[at]!);
  return all.join('\n');
}

/** The worker takes its share from WORKER_FROM_EVENTS on: here from 0, and not at all. */
const inTwo = { workerFromEvents: 0 };
const alone = { workerFromEvents: Infinity };

/**
 * The result without the events' JSON, after checking that each JSON text it has is exactly
 * JSON.stringify of its event; `known` says how many it must have.
 */
function withoutJson(result: Result<ParsedImport> | null, known?: number) {
  if (result === null || !result.ok) return result;
  const { eventJson, ...parsed } = result.value;
  const { events } = parsed.document;
  expect(eventJson).toHaveLength(events.length);
  eventJson?.forEach((text, i) => {
    if (text !== undefined) expect(text).toBe(JSON.stringify(events[i]));
  });
  if (known !== undefined)
    expect(eventJson?.filter((text) => text !== undefined).length).toBe(known);
  return ok(parsed);
}

/**
 * Reads the text both ways and expects parseImport's result, with the JSON of all but
 * `unknown` events; returns it.
 */
async function expectAsParseImport(text: string, unknown = 0) {
  const expected = parseImport(text, 'story.json', context);
  const known = expected.ok ? expected.value.document.events.length - unknown : undefined;
  expect(withoutJson(await parseExportInTwo(text, alone), known)).toEqual(expected);
  expect(withoutJson(await parseExportInTwo(text, inTwo), known)).toEqual(expected);
  return expected;
}

describe('reading an export of ours in two threads', () => {
  it('gives the document parseImport gives', async () => {
    expect(lineOf(0)).toBeGreaterThan(0);
    const read = await expectAsParseImport(exported);
    expect(read).toEqual({ ok: true, value: { format: 'json', document: story } });
  }, 60_000);

  it('keeps what the schema makes of events it changes, in either thread', async () => {
    let text = exported;
    for (const i of [3, 2990]) {
      text = withEvent(
        i,
        (line) => line.replace('"title":"', '"title":"  ').replace('"tags":[],', ''),
        text,
      );
    }
    // The JSON of those two is not what the file has: it is left to the store to make.
    const read = await expectAsParseImport(text, 2);
    expect(read?.ok && read.value.document.events[3]?.title).toBe(story.events[3]!.title);
  }, 60_000);

  it.each([
    ['early, in the worker', [5, 2900], /^events\[5\]\.start: /],
    ['late, in this thread', [2900], /^events\[2900\]\.start: /],
  ])(
    'names the first bad event when it is %s',
    async (_, bad, message) => {
      let text = exported;
      for (const i of bad)
        text = withEvent(i, (line) => line.replace(/"start":"\d{4}/, '"start":"0000'), text);
      const read = await expectAsParseImport(text);
      expect(read?.ok === false && read.error.message).toMatch(message);
    },
    60_000,
  );

  it('names a problem of the document before any event, and one of references after', async () => {
    const badLane = exported.replace('"color": "#2e6fba"', '"color": "blue"');
    const both = withEvent(7, (line) => line.replace(/"start":"\d{4}/, '"start":"0000'), badLane);
    expect((await expectAsParseImport(both))?.ok).toBe(false);
    const noLane = withEvent(9, (line) => line.replace(/"laneId":"[a-z]+"/, '"laneId":"nowhere"'));
    const read = await expectAsParseImport(noLane);
    expect(read?.ok === false && read.error.message).toBe('events[9].laneId: names no lane');
  }, 60_000);

  it('reads a file with a byte order mark, and refuses too many events as parseImport does', async () => {
    await expectAsParseImport(`\uFEFF${exported}`);
    const head = exported.slice(0, exported.indexOf('"events": [') + '"events": ['.length);
    const many = `${head}\n${Array(100_001).fill('    1').join(',\n')}\n  ]\n}\n`;
    const read = await expectAsParseImport(many);
    expect(read?.ok === false && read.error.message).toBe('events: has more than 100000 events');
  }, 60_000);

  it('keeps no JSON for a line that is not exactly JSON.stringify of its event', async () => {
    let text = exported;
    const changes: ((line: string) => string)[] = [
      (line) => line.replace('{"', '{ "'),
      (line) => line.replace('"start":', '"start" :'),
      (line) => line.replace(/\}(,?)$/, '} $1'),
      (line) => line.replace('"title":"', '"title":"\\u0041'),
      (line) => line.replace('"location":"', '"location":"\\/'),
      (line) => line.replace('{"', '\t{"'),
    ];
    const at = [1, 600, 1500, 2100, 2500, 2999];
    changes.forEach((change, i) => (text = withEvent(at[i]!, change, text)));
    for (const i of at) expect(text).not.toContain(exported.split('\n')[lineOf(i)]);
    await expectAsParseImport(text, at.length);
  }, 60_000);

  it('leaves other layouts, and lines that are not JSON, to be read whole', async () => {
    expect(await parseExportInTwo(JSON.stringify(story), inTwo)).toBeNull();
    expect(await parseExportInTwo(JSON.stringify(story, null, 2), inTwo)).toBeNull();
    expect(
      await parseExportInTwo(
        withEvent(2000, (line) => line.slice(0, -5)),
        inTwo,
      ),
    ).toBeNull();
    expect(
      await parseExportInTwo(
        withEvent(20, (line) => line.slice(0, -5)),
        inTwo,
      ),
    ).toBeNull();
    expect(
      await parseExportInTwo(
        withEvent(20, (line) => line.slice(0, -5)),
        alone,
      ),
    ).toBeNull();
    expect(
      await parseExportInTwo(exported.replace('"version": 1', '"version": 2'), inTwo),
    ).toBeNull();
  }, 60_000);
});
