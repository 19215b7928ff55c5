import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import { makeEvent, makeLane } from '../../../test/builders';
import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { expectSameTimeline, manualClock, useServices } from '../../../test/fixtures/services';
import { exportTimeline } from '../../shared/formats';
import type { EventId, LaneId, TimelineId } from '../../shared/ids';
import type { TimelineDocument } from '../../shared/schema';
import { WORKER_MIN_BYTES } from '../document-worker/client';

const start = useServices();

/** The seed with one event retitled, one event added in a new lane, and the rest as they are. */
function editedCopy(doc: TimelineDocument) {
  const [first, ...rest] = doc.events;
  const lane = makeLane({ id: 'sanctions' as LaneId, title: 'Sanctions' });
  const added = makeEvent({ title: 'New sanctions', laneId: lane.id, start: '2024-07' as never });
  const changed = { ...first!, title: 'Retitled in the file' };
  const file: TimelineDocument = {
    ...doc,
    timeline: { ...doc.timeline, title: 'From the file' },
    lanes: [...doc.lanes, lane],
    events: [changed, ...rest, added],
  };
  return { file, changed, added, lane };
}

describe('previewing an import', () => {
  it('counts new, changed and unchanged events and new lanes, and changes nothing', async () => {
    const app = await start();
    const before = await app.documentNow();
    const { file } = editedCopy(before);
    const preview = await app.call('previewImport', {
      fileName: 'story.timeline.json',
      text: JSON.stringify(file),
    });
    expect(preview).toEqual({
      token: expect.any(String),
      fileName: 'story.timeline.json',
      format: 'json',
      totalEvents: 6,
      newEvents: 1,
      changedEvents: 1,
      unchangedEvents: 4,
      newLanes: ['Sanctions'],
      notes: [],
      badRows: null,
      table: null,
    });
    expect(await app.documentNow()).toEqual(before);
    expect((await app.call('getHistory')).canUndo).toBe(false);
  });

  it('counts an event that differs only in its timestamps as unchanged', async () => {
    const app = await start();
    const doc = await app.documentNow();
    const touched = doc.events.map((e) => ({ ...e, updatedAt: '2030-01-01T00:00:00.000Z' }));
    const preview = await app.call('previewImport', {
      fileName: 'same.json',
      text: JSON.stringify({ ...doc, events: touched }),
    });
    expect(preview).toMatchObject({ newEvents: 0, changedEvents: 0, unchangedEvents: 5 });
  });

  it('reads CSV, giving rows without an id new ids and lanes it does not know new ones', async () => {
    const app = await start();
    const veto = await app.byTitle('Russia vetoes');
    const csv = [
      'id,title,start,lane,laneTitle',
      `${veto.id},Veto (edited),${veto.start},${veto.laneId},`,
      ',Sanctions announced,2024-07-01,sanctions,Sanctions',
      '',
    ].join('\r\n');
    const preview = await app.call('previewImport', { fileName: 'rows.csv', text: csv });
    expect(preview).toMatchObject({
      format: 'csv',
      totalEvents: 2,
      newEvents: 1,
      changedEvents: 1,
      unchangedEvents: 0,
      newLanes: ['Sanctions'],
    });
    const change = await app.call('applyImport', { token: preview.token, mode: 'merge' });
    expect(change.upserted.map((e) => e.title).sort()).toEqual([
      'Sanctions announced',
      'Veto (edited)',
    ]);
    expect((await app.documentNow()).events).toHaveLength(6);
  });

  it('reads a TimelineJS file, its groups becoming lanes, and merges it', async () => {
    const app = await start();
    const before = await app.documentNow();
    const timelineJs = {
      title: { text: { headline: 'Summit' } },
      events: [
        {
          unique_id: 'slide-1',
          start_date: { year: 2024, month: 6, day: 19 },
          text: { headline: 'Treaty <b>signed</b>', text: '<p>A mutual defence pact.</p>' },
          group: 'Russia–North Korea relations',
        },
        {
          unique_id: 'slide-2',
          start_date: { year: 2024, month: 6, day: 20 },
          text: { headline: 'Seoul protests' },
          group: 'South Korea',
        },
      ],
    };
    const text = JSON.stringify(timelineJs);
    const preview = await app.call('previewImport', { fileName: 'summit.json', text });
    expect(preview).toMatchObject({
      format: 'timelinejs',
      totalEvents: 2,
      newEvents: 2,
      newLanes: ['South Korea'],
    });
    await app.call('applyImport', { token: preview.token, mode: 'merge' });
    const after = await app.documentNow();
    expect(after.events).toHaveLength(before.events.length + 2);
    expect(after.events.find((e) => e.title === 'Treaty signed')?.laneId).toBe('russia-dprk');
    expect(after.lanes.map((lane) => lane.title)).toContain('South Korea');

    // The same file again changes nothing: its slides keep their ids.
    const again = await app.call('previewImport', { fileName: 'summit.json', text });
    expect(again).toMatchObject({
      newEvents: 0,
      changedEvents: 0,
      unchangedEvents: 2,
      newLanes: [],
    });
  });

  it('refuses a file it cannot read with the reason, and changes nothing', async () => {
    const app = await start();
    const before = await app.documentNow();
    const error = await app.refuse('previewImport', {
      fileName: 'story.json',
      text: JSON.stringify({ ...before, events: [{ ...before.events[0], start: '2024-13-01' }] }),
    });
    expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/start/) });
    expect(
      await app.refuse('previewImport', { fileName: 'notes.txt', text: 'just words' }),
    ).toMatchObject({ code: 'invalid' });
    expect(await app.documentNow()).toEqual(before);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const app = await start();
    // 26 million two-byte characters: within the contract's length, over 50 MB as UTF-8.
    const text = 'é'.repeat(26 * 1024 * 1024);
    const error = await app.refuse('previewImport', { fileName: 'big.csv', text });
    expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/50 MB/) });
  });
});

describe('applying an import', () => {
  it('merges: adds and replaces imported events, adds new lanes, keeps the rest', async () => {
    const app = await start();
    const before = await app.documentNow();
    const { file, changed, added, lane } = editedCopy(before);
    const { token } = await app.call('previewImport', {
      fileName: 'f.json',
      text: JSON.stringify(file),
    });
    const change = await app.call('applyImport', { token, mode: 'merge' });
    expect(change.upserted).toEqual([changed, added]);
    expect(change.removed).toEqual([]);
    expect(change.lanes).toEqual([...before.lanes, lane]);
    expect(change.timeline).toBeUndefined();

    const after = await app.documentNow();
    expect(after.timeline).toEqual(before.timeline);
    expectSameTimeline(after, { ...before, lanes: [...before.lanes, lane], events: file.events });
    expect((await app.call('getHistory')).undoLabel).toBe('Undo Import');
  });

  it('replaces: the timeline becomes exactly the file', async () => {
    const app = await start();
    const before = await app.documentNow();
    const lane = makeLane({ id: 'only' as LaneId, title: 'Only lane' });
    const kept = { ...before.events[2]!, laneId: lane.id };
    const fresh = makeEvent({ laneId: lane.id });
    const file: TimelineDocument = {
      ...before,
      timeline: { id: crypto.randomUUID() as TimelineId, title: 'Another story', description: '' },
      lanes: [lane],
      events: [kept, fresh],
    };
    const { token } = await app.call('previewImport', {
      fileName: 'other.json',
      text: JSON.stringify(file),
    });
    const change = await app.call('applyImport', { token, mode: 'replace' });
    expect(change.removed).toHaveLength(4);
    expect(change.removed).not.toContain(kept.id);
    expect(change).toMatchObject({ lanes: [lane], timeline: file.timeline });
    expectSameTimeline(await app.documentNow(), file);

    await app.call('undo');
    expect(await app.documentNow()).toEqual(before);
    await app.call('redo');
    expectSameTimeline(await app.documentNow(), file);
  });

  it('undoes a merge as one step, lanes included', async () => {
    const app = await start();
    const before = await app.documentNow();
    const { file } = editedCopy(before);
    const { token } = await app.call('previewImport', {
      fileName: 'f.json',
      text: JSON.stringify(file),
    });
    const applied = await app.call('applyImport', { token, mode: 'merge' });
    const after = await app.documentNow();
    const { change, history } = await app.call('undo');
    expect(change.lanes).toEqual(before.lanes);
    expect(history).toMatchObject({ canUndo: false, redoLabel: 'Redo Import' });
    expect(await app.documentNow()).toEqual(before);
    const redone = (await app.call('redo')).change;
    expect(redone.upserted).toHaveLength(applied.upserted.length);
    expect(redone.upserted).toEqual(expect.arrayContaining(applied.upserted));
    expect(redone.lanes).toEqual(applied.lanes);
    expect(await app.documentNow()).toEqual(after);
  });

  it('refuses a merge whose result would not be a valid timeline and changes nothing', async () => {
    const app = await start();
    const before = await app.documentNow();
    const lanes = Array.from({ length: 200 }, (_, i) =>
      makeLane({ id: `imported-${i}` as LaneId, title: `Lane ${i}` }),
    );
    const file = { ...before, lanes, events: [makeEvent({ laneId: lanes[0]!.id })] };
    const { token } = await app.call('previewImport', {
      fileName: 'lanes.json',
      text: JSON.stringify(file),
    });
    const error = await app.refuse('applyImport', { token, mode: 'merge' });
    expect(error).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^The import cannot be applied: lanes: /),
    });
    expect(await app.documentNow()).toEqual(before);
    expect((await app.call('getHistory')).canUndo).toBe(false);
    // The file is still there for the other mode.
    await app.call('applyImport', { token, mode: 'replace' });
    expect((await app.documentNow()).lanes).toHaveLength(200);
  });

  it('refuses an unknown, cancelled, used or expired token', async () => {
    const clock = manualClock();
    const app = await start({ now: clock.now });
    const text = JSON.stringify(editedCopy(await app.documentNow()).file);
    const unknown = '3f2b8a52-1111-4abc-8def-000000000000';
    expect(await app.refuse('applyImport', { token: unknown, mode: 'merge' })).toMatchObject({
      code: 'not-found',
    });

    const cancelled = await app.call('previewImport', { fileName: 'f.json', text });
    expect(await app.call('cancelImport', { token: cancelled.token })).toBeNull();
    expect(
      await app.refuse('applyImport', { token: cancelled.token, mode: 'merge' }),
    ).toMatchObject({ code: 'not-found' });

    const used = await app.call('previewImport', { fileName: 'f.json', text });
    await app.call('applyImport', { token: used.token, mode: 'merge' });
    expect(await app.refuse('applyImport', { token: used.token, mode: 'merge' })).toMatchObject({
      code: 'not-found',
    });

    const late = await app.call('previewImport', { fileName: 'f.json', text });
    clock.advance(11 * 60_000);
    expect(await app.refuse('applyImport', { token: late.token, mode: 'merge' })).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/expired/),
    });
  });

  it('keeps only the newest few previews waiting', async () => {
    const app = await start();
    const text = JSON.stringify(await app.documentNow());
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      tokens.push((await app.call('previewImport', { fileName: `${i}.json`, text })).token);
    }
    expect(await app.refuse('applyImport', { token: tokens[0], mode: 'merge' })).toMatchObject({
      code: 'not-found',
    });
    expect(await app.call('applyImport', { token: tokens[5], mode: 'merge' })).toEqual({
      upserted: [],
      removed: [],
    });
    expect((await app.call('getHistory')).canUndo).toBe(false);
  });

  it('works the file out again against a timeline that changed since the preview', async () => {
    const app = await start();
    const before = await app.documentNow();
    const { file } = editedCopy(before);
    const text = JSON.stringify(file);
    // Unchanged at the preview, then deleted: the replace must bring it back.
    const gone = file.events[2]!;
    const replace = await app.call('previewImport', { fileName: 'f.json', text });
    expect(replace).toMatchObject({ unchangedEvents: 4 });
    await app.call('deleteEvent', { id: gone.id });
    await app.call('applyImport', { token: replace.token, mode: 'replace' });
    expectSameTimeline(await app.documentNow(), file);
    // One step back is the timeline as the user left it, without the deleted event.
    await app.call('undo');
    expect((await app.documentNow()).events.map((e) => e.id)).not.toContain(gone.id);
    await app.call('undo');
    expect(await app.documentNow()).toEqual(before);

    // Unchanged at the preview, then edited: a merge leaves the edit, which the file lacks.
    const merge = await app.call('previewImport', { fileName: 'f.json', text });
    const edited = file.events[3]!;
    await app.call('updateEvent', { id: edited.id, patch: { title: 'Edited after the preview' } });
    const change = await app.call('applyImport', { token: merge.token, mode: 'merge' });
    expect(change.upserted.map((e) => e.id)).toContain(edited.id);
    await app.call('undo');
    expect((await app.byTitle('Edited after the preview')).id).toBe(edited.id);
  });

  it('relinks follow-ups that a merged file brings along', async () => {
    const app = await start();
    const before = await app.documentNow();
    const parent = makeEvent({ laneId: 'war' as LaneId, start: '2024-07-01' as never });
    const child = makeEvent({
      laneId: 'war' as LaneId,
      start: '2024-07-02' as never,
      followUpOf: parent.id as EventId,
    });
    const { token } = await app.call('previewImport', {
      fileName: 'f.json',
      text: JSON.stringify({ ...before, events: [child, parent] }),
    });
    await app.call('applyImport', { token, mode: 'merge' });
    const after = await app.documentNow();
    expect(after.events.find((e) => e.id === child.id)?.followUpOf).toBe(parent.id);
    expect(after.events).toHaveLength(7);
  });
});

describe('a large file', () => {
  it('is read in the worker and imported, then exported and merged back as it was', async () => {
    const app = await start();
    const story = generateTimeline(3000);
    const text = exportTimeline('json', story).text;
    expect(text.length).toBeGreaterThan(WORKER_MIN_BYTES);
    const preview = await app.call('previewImport', { fileName: 'story.timeline.json', text });
    expect(preview).toMatchObject({ format: 'json', totalEvents: 3000, newEvents: 3000 });
    const seed = await app.documentNow();
    await app.call('applyImport', { token: preview.token, mode: 'replace' });
    expect(await app.documentNow()).toEqual(story);
    await app.services.flush();
    expect(await storeOnDisk(app.dataDir)).toEqual(story);
    await app.call('undo');
    expect(await app.documentNow()).toEqual(seed);
    await app.call('redo');
    expect(await app.documentNow()).toEqual(story);

    const again = await app.call('previewImport', { fileName: 'again.json', text });
    expect(again).toMatchObject({ newEvents: 0, changedEvents: 0, unchangedEvents: 3000 });
    expect(await app.call('applyImport', { token: again.token, mode: 'merge' })).toEqual({
      upserted: [],
      removed: [],
    });
    const bad = text.replace('"laneId":"economy"', '"laneId":"no-such-lane"');
    expect(await app.refuse('previewImport', { fileName: 'bad.json', text: bad })).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^events\[\d+\]\.laneId: names no lane$/),
    });
  }, 60_000);
});

describe('a CSV file with bad rows', () => {
  it('previews the good rows and lists the bad ones; importing brings in only the good ones', async () => {
    const app = await start();
    const before = await app.documentNow();
    const text = [
      'id,title,start',
      '1,Talks open,2024-07-01',
      '2,Bad month,2024-13-01',
      '3,Talks close,2024-07-03',
    ].join('\n');
    const preview = await app.call('previewImport', { fileName: 'talks.csv', text });
    expect(preview).toMatchObject({ totalEvents: 2, newEvents: 2 });
    expect(preview.badRows).toEqual({
      count: 1,
      listed: [expect.stringMatching(/^row 3, start: "2024-13-01"/)],
    });
    await app.call('applyImport', { token: preview.token, mode: 'merge' });
    const after = await app.documentNow();
    expect(after.events.length).toBe(before.events.length + 2);
    expect(after.events.map((event) => event.title)).not.toContain('Bad month');
  });
});
