import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useServices } from '../../../test/fixtures/services';
import { publishedSchemaValidator } from '../../../test/published-schema';
import { useTempDirs } from '../../../test/temp-dir';
import type { CommandName } from '../../shared/command-names';
import type { Change } from '../../shared/contract';
import type { EventId } from '../../shared/ids';
import type { TimelineDocument, TimelineEvent } from '../../shared/schema';
import { startAppServices } from '../app-services';

const tempDir = useTempDirs();
const start = useServices();

async function setUp(exportPath: string | null = null) {
  const app = await start({ chooseExportPath: async () => exportPath });
  /** The store as a fresh start of the app would find it. */
  const reopened = async (): Promise<TimelineDocument> => {
    await app.services.close();
    const again = await startAppServices({
      dataDir: app.dataDir,
      host: { chooseExportPath: async () => null },
    });
    const result = await again.dispatch('getTimeline', undefined);
    await again.close();
    if (!result.ok) throw new Error(result.error.message);
    return result.value.document;
  };
  return { ...app, reopened };
}

const only = (change: Change): TimelineEvent => {
  expect(change.upserted).toHaveLength(1);
  return change.upserted[0]!;
};

describe('creating and editing events', () => {
  it('creates an event with defaults, saves it, and finds it after a restart', async () => {
    const app = await setUp();
    const created = only(
      await app.call('createEvent', { title: 'Talks resume', start: '2024-07', laneId: 'un' }),
    );
    expect(created).toMatchObject({
      title: 'Talks resume',
      start: '2024-07',
      end: null,
      status: 'occurred',
      followUpOf: null,
    });
    expect(created.createdAt).toBe(created.updatedAt);
    expect((await app.reopened()).events.find((e) => e.id === created.id)).toEqual(created);
  });

  it('changes only the fields a patch names', async () => {
    const app = await setUp();
    const veto = await app.byTitle('Russia vetoes');
    const changed = only(
      await app.call('updateEvent', {
        id: veto.id,
        patch: { certainty: 'disputed', tags: ['un'] },
      }),
    );
    expect(changed).toEqual({
      ...veto,
      certainty: 'disputed',
      tags: ['un'],
      updatedAt: changed.updatedAt,
    });
    expect(changed.updatedAt >= veto.updatedAt).toBe(true);
  });

  it('reports a patch that changes nothing as an empty change and writes nothing', async () => {
    const app = await setUp();
    const veto = await app.byTitle('Russia vetoes');
    expect(await app.call('updateEvent', { id: veto.id, patch: { title: veto.title } })).toEqual({
      upserted: [],
      removed: [],
    });
    expect(await app.byTitle('Russia vetoes')).toEqual(veto);
  });

  it('moves an event, keeping the precision it is given', async () => {
    const app = await setUp();
    const visit = await app.byTitle("Putin's state visit");
    const moved = only(
      await app.call('moveEvent', { id: visit.id, start: '2024-06-19', end: '2024-06-20' }),
    );
    expect(moved).toMatchObject({ start: '2024-06-19', end: '2024-06-20' });
    expect((await app.reopened()).events.find((e) => e.id === visit.id)).toMatchObject({
      start: '2024-06-19',
      end: '2024-06-20',
    });
  });

  it.each([
    ['an end before the start', { start: '2024-06-16', end: '2024-06-15' }, 'end'],
    ['a malformed date', { start: '2024-13-01', end: null }, 'start'],
  ])('refuses %s, naming the field, and changes nothing', async (_, dates, field) => {
    const app = await setUp();
    const visit = await app.byTitle("Putin's state visit");
    const error = await app.refuse('moveEvent', { id: visit.id, ...dates });
    expect(error).toMatchObject({ code: 'invalid', path: field });
    expect(await app.byTitle("Putin's state visit")).toEqual(visit);
  });

  it('refuses an unknown lane, an empty title and a javascript: source URL', async () => {
    const app = await setUp();
    const before = await app.documentNow();
    expect(
      await app.refuse('createEvent', { title: 'X', start: '2024', laneId: 'nowhere' }),
    ).toMatchObject({ path: 'laneId' });
    expect(
      await app.refuse('createEvent', { title: '   ', start: '2024', laneId: 'un' }),
    ).toMatchObject({ path: 'title', message: 'title: is empty' });
    const badSource = { title: 'Evil', url: 'javascript:alert(1)' };
    expect(
      await app.refuse('createEvent', {
        title: 'X',
        start: '2024',
        laneId: 'un',
        sources: [badSource],
      }),
    ).toMatchObject({
      path: 'sources[0].url',
    });
    expect(await app.documentNow()).toEqual(before);
  });
});

describe('follow-ups and deleting', () => {
  it('adds a follow-up in the same lane, dated at its parent, linked to it', async () => {
    const app = await setUp();
    const veto = await app.byTitle('Russia vetoes');
    const followUp = only(await app.call('addFollowUp', { parentId: veto.id }));
    expect(followUp).toMatchObject({
      followUpOf: veto.id,
      laneId: veto.laneId,
      start: veto.start,
      title: `Follow-up: ${veto.title}`,
    });
    const later = only(
      await app.call('addFollowUp', {
        parentId: veto.id,
        patch: { title: 'Reaction', start: '2024-04-02' },
      }),
    );
    expect(later).toMatchObject({ title: 'Reaction', start: '2024-04-02', followUpOf: veto.id });
  });

  it('refuses a follow-up dated before its parent and a loop of follow-ups', async () => {
    const app = await setUp();
    const visit = await app.byTitle("Putin's state visit");
    const vietnam = await app.byTitle('Putin travels on to Vietnam');
    expect(
      await app.refuse('addFollowUp', { parentId: visit.id, patch: { start: '2024-06-01' } }),
    ).toMatchObject({ path: 'start' });
    expect(
      await app.refuse('updateEvent', { id: visit.id, patch: { followUpOf: vietnam.id } }),
    ).toMatchObject({ path: 'followUpOf' });
    expect(
      await app.refuse('updateEvent', { id: visit.id, patch: { followUpOf: visit.id } }),
    ).toMatchObject({ path: 'followUpOf' });
  });

  it('deletes an event and unlinks its follow-ups, which stay', async () => {
    const app = await setUp();
    const visit = await app.byTitle("Putin's state visit");
    const vietnam = await app.byTitle('Putin travels on to Vietnam');
    const change = await app.call('deleteEvent', { id: visit.id });
    expect(change.removed).toEqual([visit.id]);
    expect(change.upserted).toEqual([
      expect.objectContaining({ id: vietnam.id, followUpOf: null }),
    ]);
    const after = await app.reopened();
    expect(after.events.map((e) => e.id)).not.toContain(visit.id);
    expect(after.events.find((e) => e.id === vietnam.id)?.followUpOf).toBeNull();
  });

  it('answers not-found for an event that does not exist', async () => {
    const app = await setUp();
    const error = await app.refuse('deleteEvent', {
      id: '3f2b8a52-1111-4abc-8def-000000000000' as EventId,
    });
    expect(error).toMatchObject({ code: 'not-found' });
  });
});

describe('listing and exporting', () => {
  it('lists events of a lane or a period in date order', async () => {
    const app = await setUp();
    const lane = await app.call('listEvents', { laneId: 'russia-dprk' });
    expect(lane.map((e) => e.start)).toEqual(['2023-09', '2024-06', '2024-06-16']);
    const in2024 = await app.call('listEvents', { from: '2024', to: '2024' });
    expect(in2024.map((e) => e.start)).toEqual(['2024-03', '2024-06', '2024-06-16']);
    expect(await app.call('listEvents')).toHaveLength(5);
  });

  it('exports the whole timeline as JSON that validates against the published schema', async () => {
    const dir = await tempDir();
    const app = await setUp(join(dir, 'story.json'));
    await app.call('createEvent', { title: 'Added', start: '2024-06-20T10:00Z', laneId: 'war' });
    const { path } = await app.call('exportJson');
    expect(path).toBe(join(dir, 'story.json'));
    const exported: unknown = JSON.parse(await readFile(path, 'utf8'));
    const validate = publishedSchemaValidator();
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(exported).toEqual(await app.documentNow());
  });

  it('reports a cancelled export and writes nothing', async () => {
    const app = await setUp(null);
    expect(await app.refuse('exportJson')).toMatchObject({ code: 'cancelled' });
  });
});

describe('untrusted arguments', () => {
  it.each([
    ['no argument', 'createEvent', undefined],
    ['a string', 'updateEvent', 'drop table'],
    ['an unknown key', 'createEvent', { title: 'X', start: '2024', laneId: 'un', admin: true }],
    ['a bad id', 'deleteEvent', { id: '../../etc/passwd' }],
    ['an argument to a command that takes none', 'getTimeline', { all: true }],
    [
      'a prototype key',
      'updateEvent',
      JSON.parse(
        '{"id":"3f2b8a52-1111-4abc-8def-000000000000","patch":{"__proto__":{"polluted":true}}}',
      ),
    ],
  ])('refuses %s with a message and changes nothing', async (_, name, input) => {
    const app = await setUp();
    const before = await app.documentNow();
    const error = await app.refuse(name as CommandName, input);
    expect(error.code).toMatch(/invalid|not-found/);
    expect(error.message.length).toBeGreaterThan(0);
    expect(await app.documentNow()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a command name that is not in the contract', async () => {
    const app = await setUp();
    expect(await app.refuse('dropEverything' as CommandName)).toMatchObject({ code: 'invalid' });
  });
});
