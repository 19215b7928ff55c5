/**
 * The story's own commands (issue 17, parts 1 and 2): its title, and its lanes (add, rename,
 * recolour, move and delete), each one undoable change, kept across a restart; through the real
 * service and store, as the window calls them.
 */
import { describe, expect, it } from 'vitest';

import { useServices } from '../../../test/fixtures/services';
import type { LaneId } from '../../shared/ids';
import { startAppServices } from '../app-services';

const start = useServices();

const titles = (lanes: readonly { title: string }[]) => lanes.map((lane) => lane.title);

describe('lanes', () => {
  it('adds, renames, recolours and moves a lane, each one step of undo, kept after a restart', async () => {
    const app = await start();
    const before = (await app.documentNow()).lanes;

    const added = await app.call('addLane', { title: 'Sanctions', color: '#B7950B' });
    const lane = added.lanes?.at(-1);
    expect(lane).toEqual({ id: 'sanctions', title: 'Sanctions', color: '#b7950b' });
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Add lane' });

    await app.call('updateLane', { id: 'sanctions' as LaneId, title: 'UN sanctions' });
    await app.call('updateLane', { id: 'sanctions' as LaneId, color: '#16839c' });
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Recolour lane' });
    await app.call('moveLane', { id: 'sanctions' as LaneId, to: 0 });
    const moved = (await app.documentNow()).lanes;
    expect(titles(moved)).toEqual(['UN sanctions', ...titles(before)]);
    expect(moved[0]?.color).toBe('#16839c');

    // Kept on disk: a fresh start of the app finds them.
    await app.services.close();
    const again = await startAppServices({
      dataDir: app.dataDir,
      host: { chooseExportPath: async () => null },
    });
    const reopened = await again.dispatch('getTimeline', undefined);
    await again.close();
    expect(reopened.ok && titles(reopened.value.document.lanes)).toEqual(titles(moved));
  });

  it('undoes each lane change on its own, back to the lanes it started with', async () => {
    const app = await start();
    const before = (await app.documentNow()).lanes;
    await app.call('addLane', { title: 'Sanctions', color: '#b7950b' });
    await app.call('updateLane', { id: 'sanctions' as LaneId, title: 'UN sanctions' });
    await app.call('moveLane', { id: 'sanctions' as LaneId, to: 0 });
    await app.call('undo');
    expect(titles((await app.documentNow()).lanes)).toEqual([...titles(before), 'UN sanctions']);
    await app.call('undo');
    await app.call('undo');
    expect((await app.documentNow()).lanes).toEqual(before);
    await app.call('redo');
    expect(titles((await app.documentNow()).lanes)).toEqual([...titles(before), 'Sanctions']);
  });

  it('deletes a lane, moving its events to the lane picked, and Undo brings both back', async () => {
    const app = await start();
    const before = await app.documentNow();
    const [first, second] = before.lanes;
    const inFirst = before.events.filter((event) => event.laneId === first!.id);
    expect(inFirst.length).toBeGreaterThan(0);

    const change = await app.call('deleteLane', { id: first!.id, moveEventsTo: second!.id });
    expect(change.upserted.map((event) => event.id).sort()).toEqual(
      inFirst.map((event) => event.id).sort(),
    );
    const after = await app.documentNow();
    expect(after.lanes.map((lane) => lane.id)).not.toContain(first!.id);
    for (const event of inFirst) {
      expect(after.events.find((each) => each.id === event.id)?.laneId).toBe(second!.id);
    }
    expect(after.events).toHaveLength(before.events.length);

    await app.call('undo');
    const undone = await app.documentNow();
    expect(undone.lanes).toEqual(before.lanes);
    for (const event of inFirst) {
      expect(undone.events.find((each) => each.id === event.id)).toEqual(event);
    }
  });

  it('renames the story: title and description, one step of Undo', async () => {
    const app = await start();
    const before = (await app.documentNow()).timeline;
    const change = await app.call('updateStory', {
      title: '  Putin in Pyongyang and Hanoi ',
      description: 'June 2024 visits',
    });
    expect(change.timeline).toEqual({
      ...before,
      title: 'Putin in Pyongyang and Hanoi',
      description: 'June 2024 visits',
    });
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Rename story' });
    expect(await app.refuse('updateStory', { title: ' ', description: '' })).toEqual({
      code: 'invalid',
      message: 'A story needs a title.',
    });
    await app.call('undo');
    expect((await app.documentNow()).timeline).toEqual(before);
  });

  it('refuses a bad lane command with a clear message and changes nothing', async () => {
    const app = await start();
    const before = await app.documentNow();
    const [first] = before.lanes;
    expect(await app.refuse('deleteLane', { id: first!.id, moveEventsTo: first!.id })).toEqual({
      code: 'invalid',
      message: 'Choose another lane for its events.',
    });
    expect(await app.refuse('updateLane', { id: 'gone', title: 'x' })).toEqual({
      code: 'not-found',
      message: 'That lane no longer exists.',
    });
    expect(await app.refuse('addLane', { title: '  ', color: '#b7950b' })).toEqual({
      code: 'invalid',
      message: 'A lane needs a name.',
    });
    expect((await app.refuse('addLane', { title: 'X', color: 'red' })).message).toMatch(
      /is not a colour/,
    );
    expect(await app.documentNow()).toEqual(before);
    expect(await app.call('getHistory')).toMatchObject({ canUndo: false });
  });
});
