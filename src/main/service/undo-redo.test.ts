import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { expectSameTimeline, normalized, useServices } from '../../../test/fixtures/services';
import { type TimelineDocument, TimelineDocumentSchema } from '../../shared/schema';

const start = useServices();

describe('undo and redo of each command', () => {
  it('starts with nothing to undo, and says so when asked', async () => {
    const app = await start();
    expect(await app.call('getHistory')).toEqual({
      canUndo: false,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    });
    expect(await app.refuse('undo')).toEqual({ code: 'invalid', message: 'Nothing to undo.' });
    expect(await app.refuse('redo')).toEqual({ code: 'invalid', message: 'Nothing to redo.' });
  });

  it('undoes and redoes adding an event', async () => {
    const app = await start();
    const before = await app.documentNow();
    const { upserted } = await app.call('createEvent', {
      title: 'Talks',
      start: '2024-07',
      laneId: 'un',
    });
    const after = await app.documentNow();
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Add event' });

    const undone = await app.call('undo');
    expect(undone.change).toEqual({ upserted: [], removed: [upserted[0]!.id] });
    expect(undone.history).toEqual({
      canUndo: false,
      canRedo: true,
      undoLabel: null,
      redoLabel: 'Redo Add event',
    });
    expectSameTimeline(await app.documentNow(), before);

    const redone = await app.call('redo');
    expect(redone.change.upserted).toEqual(upserted);
    expect(redone.history).toMatchObject({ undoLabel: 'Undo Add event', canRedo: false });
    expectSameTimeline(await app.documentNow(), after);
  });

  it.each([
    ['Edit event', 'updateEvent', (id: string) => ({ id, patch: { title: 'Renamed' } })],
    ['Move event', 'moveEvent', (id: string) => ({ id, start: '2024-06-20', end: null })],
  ] as const)('undoes and redoes "%s" exactly', async (label, name, input) => {
    const app = await start();
    const visit = await app.byTitle("Putin's state visit");
    const before = await app.documentNow();
    const changed = (await app.call(name, input(visit.id))).upserted[0]!;
    expect((await app.call('getHistory')).undoLabel).toBe(`Undo ${label}`);

    expect((await app.call('undo')).change.upserted).toEqual([visit]);
    expectSameTimeline(await app.documentNow(), before);
    expect((await app.call('redo')).change.upserted).toEqual([changed]);
    expect((await app.documentNow()).events.find((e) => e.id === visit.id)).toEqual(changed);
  });

  it('brings a deleted event back with its id and relinks its follow-ups', async () => {
    const app = await start();
    const visit = await app.byTitle("Putin's state visit");
    const vietnam = await app.byTitle('Putin travels on to Vietnam');
    const before = await app.documentNow();
    await app.call('deleteEvent', { id: visit.id });
    expect((await app.byTitle('Putin travels on to Vietnam')).followUpOf).toBeNull();

    const { change, history } = await app.call('undo');
    expect(change.removed).toEqual([]);
    expect(change.upserted).toEqual(expect.arrayContaining([visit, vietnam]));
    expect(history.redoLabel).toBe('Redo Delete event');
    expect(await app.documentNow()).toEqual(before);
    expect((await app.byTitle('Putin travels on to Vietnam')).followUpOf).toBe(visit.id);

    await app.call('redo');
    expect((await app.documentNow()).events.map((e) => e.id)).not.toContain(visit.id);
  });

  it('undoes and redoes a follow-up', async () => {
    const app = await start();
    const veto = await app.byTitle('Russia vetoes');
    const before = await app.documentNow();
    const followUp = (await app.call('addFollowUp', { parentId: veto.id })).upserted[0]!;
    expect((await app.call('getHistory')).undoLabel).toBe('Undo Add follow-up');
    await app.call('undo');
    expectSameTimeline(await app.documentNow(), before);
    await app.call('redo');
    expect((await app.documentNow()).events.find((e) => e.id === followUp.id)).toEqual(followUp);
  });

  it('records nothing for a change that changes nothing, or a refused command', async () => {
    const app = await start();
    const veto = await app.byTitle('Russia vetoes');
    await app.call('updateEvent', { id: veto.id, patch: { title: veto.title } });
    await app.refuse('moveEvent', { id: veto.id, start: '2024-06-16', end: '2024-06-15' });
    expect((await app.call('getHistory')).canUndo).toBe(false);
  });

  it('forgets what could be redone once a new command runs', async () => {
    const app = await start();
    const veto = await app.byTitle('Russia vetoes');
    await app.call('updateEvent', { id: veto.id, patch: { title: 'One' } });
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Two' } });
    await app.call('undo');
    expect((await app.call('getHistory')).canRedo).toBe(true);
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Three' } });
    expect(await app.call('getHistory')).toMatchObject({ canRedo: false, redoLabel: null });
    await app.call('undo');
    expect((await app.byTitle('One')).id).toBe(veto.id);
  });

  it('keeps an undone state after a restart (undo writes the store like any change)', async () => {
    const app = await start();
    const veto = await app.byTitle('Russia vetoes');
    await app.call('deleteEvent', { id: veto.id });
    await app.call('undo');
    await app.services.close();
    const again = await start({ dataDir: app.dataDir });
    expect(await again.byTitle('Russia vetoes')).toEqual(veto);
    expect((await again.call('getHistory')).canUndo).toBe(false);
  });
});

describe('undo over random sequences of commands', () => {
  const step = fc.record({
    kind: fc.constantFrom('create', 'edit', 'move', 'delete', 'followUp', 'relink'),
    target: fc.nat(),
    other: fc.nat(),
    day: fc.integer({ min: 1, max: 28 }),
  });

  it('walks back through every state, each one valid, and forward again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const app = await start();
        const states: TimelineDocument[] = [await app.documentNow()];
        for (const { kind, target, other, day } of steps) {
          const events = (await app.documentNow()).events;
          const id = events[target % Math.max(events.length, 1)]?.id;
          const otherId = events[other % Math.max(events.length, 1)]?.id;
          const date = `2024-06-${String(day).padStart(2, '0')}`;
          const inputs = {
            create: ['createEvent', { title: `New ${day}`, start: date, laneId: 'war' }],
            edit: ['updateEvent', { id, patch: { title: `Edited ${day}` } }],
            move: ['moveEvent', { id, start: date, end: null }],
            delete: ['deleteEvent', { id }],
            followUp: ['addFollowUp', { parentId: id, patch: { start: '2025' } }],
            relink: ['updateEvent', { id, patch: { followUpOf: otherId } }],
          } as const;
          const [name, input] = inputs[kind];
          const result = await app.services.dispatch(name, input);
          const now = await app.documentNow();
          // Refused commands and no-ops leave nothing to undo.
          if (
            result.ok &&
            JSON.stringify(normalized(now)) !== JSON.stringify(normalized(states.at(-1)!))
          ) {
            states.push(now);
          }
        }
        for (let i = states.length - 2; i >= 0; i--) {
          await app.call('undo');
          const now = await app.documentNow();
          expect(TimelineDocumentSchema.safeParse(now).success).toBe(true);
          // Exactly, event order included: events come back in their places.
          expect(now).toEqual(states[i]!);
        }
        expect((await app.call('getHistory')).canUndo).toBe(false);
        for (let i = 1; i < states.length; i++) {
          await app.call('redo');
          expect(await app.documentNow()).toEqual(states[i]!);
        }
        expect((await app.call('getHistory')).canRedo).toBe(false);
        await app.services.close();
      }),
      { numRuns: 25, seed: 20260102 },
    );
  }, 60_000);
});
