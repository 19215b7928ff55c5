import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvents } from '../../test/builders';
import { readDataFile } from '../../test/data-files';
import { publishedSchemaValidator } from '../../test/published-schema';
import { timelineJsonSchemaText } from './json-schema';

const validate = publishedSchemaValidator();

/** The places ajv complains about, or [] when the published schema accepts the document. */
function complaints(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

const builderDocument = () => makeDocument({ events: makeEvents(3) });

describe('data/timeline.schema.json', () => {
  it('is exactly what the zod schema generates', () => {
    expect(
      timelineJsonSchemaText(),
      'data/timeline.schema.json is out of date: run `npm run schema` and commit it',
    ).toBe(readDataFile('timeline.schema.json'));
  });

  it('is a draft 2020-12 schema with its own $id', () => {
    const schema = JSON.parse(readDataFile('timeline.schema.json')) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('https://timeline-desk.invalid/timeline.schema.json');
  });

  it('accepts the seed document and a builder document', () => {
    expect(complaints(JSON.parse(readDataFile('seed-timeline.json')))).toEqual([]);
    expect(complaints(builderDocument())).toEqual([]);
  });

  it('accepts a minimal event, leaving the defaults out', () => {
    const document = makeDocument();
    const minimal = {
      id: makeEvents(1)[0]!.id,
      title: 'Talks resume',
      start: '2024-07',
      laneId: 'lane-a',
    };
    const withTimestamps = {
      ...minimal,
      createdAt: '2024-06-17T08:00:00.000Z',
      updatedAt: '2024-06-17T08:00:00.000Z',
    };
    expect(complaints({ ...document, events: [withTimestamps] })).toEqual([]);
  });

  it('refuses another format', () => {
    expect(complaints({ ...builderDocument(), format: 'vis-timeline' })).toContain(
      '/format must be equal to constant',
    );
  });

  it.each(['2024-6-1', '24-06-16', '2024-06-16T09:30', '16 June 2024', ''])(
    'refuses the start date %j',
    (start) => {
      const document = builderDocument();
      const events = document.events.map((event, i) => (i === 1 ? { ...event, start } : event));
      expect(complaints({ ...document, events })).toContain(
        `/events/1/start must match pattern "${'^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2}))?)?)?$'}"`,
      );
    },
  );

  it('refuses an event without a title', () => {
    const document = builderDocument();
    const untitled: Record<string, unknown> = { ...document.events[0]! };
    delete untitled['title'];
    expect(complaints({ ...document, events: [untitled] })).toContain(
      "/events/0 must have required property 'title'",
    );
  });

  it('refuses extra keys, in the document and in an event', () => {
    const document = builderDocument();
    expect(complaints({ ...document, comments: [] })).toContain(
      ' must NOT have additional properties',
    );
    const events = [{ ...document.events[0]!, importance: 'high' }];
    expect(complaints({ ...document, events })).toContain(
      '/events/0 must NOT have additional properties',
    );
  });

  it('refuses an event id that is not a UUID and a timestamp that is not one', () => {
    const document = builderDocument();
    const events = [{ ...document.events[0]!, id: 'event-1', createdAt: 'yesterday' }];
    expect(complaints({ ...document, events })).toEqual(
      expect.arrayContaining([
        '/events/0/id must match format "uuid"',
        '/events/0/createdAt must match format "date-time"',
      ]),
    );
  });
});
