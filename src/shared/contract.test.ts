import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent, makeEvents } from '../../test/builders';
import { channelOf, COMMAND_NAMES, isCommandName } from './command-names';
import { contract } from './contract';
import { parseWith } from './validation';

const ID = '1e54d4d4-35db-454f-81c7-0c35297c3ca8';

/** What the contract says about an argument: 'ok' or the message the user would see. */
function verdict(name: keyof typeof contract, input: unknown): string {
  const result = parseWith(contract[name].input, input);
  return result.ok ? 'ok' : result.error.message;
}

describe('command names', () => {
  it('are exactly the commands of the contract, each once', () => {
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
  });

  it('each have their own channel', () => {
    const channels = COMMAND_NAMES.map(channelOf);
    expect(new Set(channels).size).toBe(COMMAND_NAMES.length);
    expect(channelOf('createEvent')).toBe('timeline-desk:createEvent');
  });

  it('are told apart from other values', () => {
    expect(isCommandName('deleteEvent')).toBe(true);
    for (const other of ['DeleteEvent', 'toString', '__proto__', '', 1, null, undefined]) {
      expect(isCommandName(other)).toBe(false);
    }
  });
});

describe('commands without an argument', () => {
  it.each(['getTimeline', 'exportJson'] as const)(
    '%s takes nothing and refuses anything',
    (name) => {
      expect(verdict(name, undefined)).toBe('ok');
      expect(verdict(name, {})).not.toBe('ok');
      expect(verdict(name, null)).not.toBe('ok');
      expect(verdict(name, '../../etc/passwd')).not.toBe('ok');
    },
  );
});

describe('listEvents', () => {
  it.each([
    ['no argument', undefined],
    ['no filter', {}],
    ['a lane and a date range', { laneId: 'war', from: '2022', to: '2024-06-16' }],
  ])('accepts %s', (_, input) => {
    expect(verdict('listEvents', input)).toBe('ok');
  });

  it.each([
    [
      'a lane id with a space',
      { laneId: 'the war' },
      'laneId: is not a lane id (letters, digits, - and _, up to 64)',
    ],
    ['an impossible date', { from: '2024-02-30' }, 'from: "2024-02-30" is not a date'],
    ['a number for a date', { to: 2024 }, 'to: Invalid input: expected string, received number'],
    ['an unknown key', { limit: 10 }, 'Unrecognized key: "limit"'],
    ['a string', 'war', 'Invalid input: expected object, received string'],
  ])('refuses %s', (_, input, message) => {
    expect(verdict('listEvents', input)).toBe(message);
  });
});

describe('createEvent', () => {
  const good = { title: 'Talks resume', start: '2024-07', laneId: 'war' };

  it('accepts the fields of a new event, with or without the optional ones', () => {
    expect(verdict('createEvent', good)).toBe('ok');
    const full: Record<string, unknown> = { ...makeEvent({ followUpOf: makeEvent().id }) };
    delete full['id'];
    delete full['createdAt'];
    delete full['updatedAt'];
    expect(verdict('createEvent', full)).toBe('ok');
  });

  it.each([
    ['no argument', undefined, 'Invalid input: expected object, received undefined'],
    [
      'no title',
      { start: '2024', laneId: 'war' },
      'title: Invalid input: expected string, received undefined',
    ],
    [
      'a title that is a number',
      { ...good, title: 42 },
      'title: Invalid input: expected string, received number',
    ],
    ['an impossible date', { ...good, start: '2023-02-29' }, 'start: "2023-02-29" is not a date'],
    [
      'an end before the start',
      { ...good, start: '2024-06-16', end: '2024-06-15' },
      'end: is before the start',
    ],
    ['an id of its own', { ...good, id: ID }, 'Unrecognized key: "id"'],
    ['an unknown key', { ...good, admin: true }, 'Unrecognized key: "admin"'],
    [
      'a follow-up of a non-id',
      { ...good, followUpOf: 'the visit' },
      'followUpOf: is not an event id (a UUID)',
    ],
    [
      'tags that are a string',
      { ...good, tags: 'war' },
      'tags: Invalid input: expected array, received string',
    ],
    [
      'a javascript: source',
      { ...good, sources: [{ title: 'x', url: 'javascript:alert(1)' }] },
      'sources[0].url: is not a web address (http or https)',
    ],
    [
      'an unknown certainty',
      { ...good, certainty: 'likely' },
      'certainty: Invalid option: expected one of "confirmed"|"reported"|"alleged"|"disputed"|"denied"',
    ],
  ])('refuses %s', (_, input, message) => {
    expect(verdict('createEvent', input)).toBe(message);
  });
});

describe('updateEvent', () => {
  it('accepts a patch of some fields, and an empty patch', () => {
    expect(
      verdict('updateEvent', { id: ID, patch: { title: 'Visit postponed', status: 'postponed' } }),
    ).toBe('ok');
    expect(verdict('updateEvent', { id: ID, patch: {} })).toBe('ok');
  });

  it('leaves absent fields absent rather than filling in defaults', () => {
    const result = parseWith(contract.updateEvent.input, {
      id: ID,
      patch: { title: 'Visit postponed' },
    });
    expect(result).toEqual({ ok: true, value: { id: ID, patch: { title: 'Visit postponed' } } });
  });

  it.each([
    ['an id that is not a UUID', { id: '1', patch: {} }, 'id: is not an event id (a UUID)'],
    ['no patch', { id: ID }, 'patch: Invalid input: expected object, received undefined'],
    ['a patch of the id', { id: ID, patch: { id: ID } }, 'patch: Unrecognized key: "id"'],
    [
      'a patch of createdAt',
      { id: ID, patch: { createdAt: '2020-01-01T00:00:00Z' } },
      'patch: Unrecognized key: "createdAt"',
    ],
    ['an empty title', { id: ID, patch: { title: ' ' } }, 'patch.title: is empty'],
    [
      'a bad date',
      { id: ID, patch: { end: '2024-06-31' } },
      'patch.end: "2024-06-31" is not a date',
    ],
    [
      'an unknown key beside the patch',
      { id: ID, patch: {}, force: true },
      'Unrecognized key: "force"',
    ],
  ])('refuses %s', (_, input, message) => {
    expect(verdict('updateEvent', input)).toBe(message);
  });
});

describe('moveEvent', () => {
  it('accepts new dates at any precision, with or without an end', () => {
    expect(verdict('moveEvent', { id: ID, start: '2024-06-19', end: '2024-06-20' })).toBe('ok');
    expect(verdict('moveEvent', { id: ID, start: '2024-06-19T10:00+09:00', end: null })).toBe('ok');
  });

  it.each([
    [
      'a missing end (it must be said to be none)',
      { id: ID, start: '2024-06-19' },
      'end: Invalid input: expected string, received undefined',
    ],
    [
      'a bad start',
      { id: ID, start: '2024-06-16T09:30', end: null },
      'start: "2024-06-16T09:30" is not a date',
    ],
    ['a bad id', { id: 'x', start: '2024', end: null }, 'id: is not an event id (a UUID)'],
    ['a title', { id: ID, start: '2024', end: null, title: 'x' }, 'Unrecognized key: "title"'],
  ])('refuses %s', (_, input, message) => {
    expect(verdict('moveEvent', input)).toBe(message);
  });
});

describe('deleteEvent and addFollowUp', () => {
  it('accept an event id', () => {
    expect(verdict('deleteEvent', { id: ID })).toBe('ok');
    expect(verdict('addFollowUp', { parentId: ID })).toBe('ok');
    expect(verdict('addFollowUp', { parentId: ID, patch: { title: 'Putin in Hanoi' } })).toBe('ok');
  });

  it('refuse anything else', () => {
    expect(verdict('deleteEvent', ID)).toBe('Invalid input: expected object, received string');
    expect(verdict('deleteEvent', { id: 'all' })).toBe('id: is not an event id (a UUID)');
    expect(verdict('deleteEvent', { id: ID, cascade: true })).toBe('Unrecognized key: "cascade"');
    expect(verdict('addFollowUp', { id: ID })).toBe('parentId: is not an event id (a UUID)');
    expect(verdict('addFollowUp', { parentId: ID, patch: { followUpOf: 'x' } })).toBe(
      'patch.followUpOf: is not an event id (a UUID)',
    );
  });
});

describe('results', () => {
  it('getTimeline returns a whole, valid document', () => {
    const output = {
      document: makeDocument({ events: makeEvents(2) }),
      notices: [],
      storePath: '/tmp/t.json',
    };
    expect(parseWith(contract.getTimeline.output, output).ok).toBe(true);
    const broken = { ...output, document: { ...output.document, lanes: [] } };
    expect(parseWith(contract.getTimeline.output, broken).ok).toBe(false);
  });

  it('a change lists whole events and removed ids', () => {
    const change = { upserted: [makeEvent()], removed: [makeEvent().id] };
    expect(parseWith(contract.createEvent.output, change).ok).toBe(true);
    const partial = { upserted: [{ title: 'only a title' }], removed: [] };
    expect(parseWith(contract.createEvent.output, partial).ok).toBe(false);
  });
});
