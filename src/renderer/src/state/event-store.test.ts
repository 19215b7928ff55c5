import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvent } from '../../../../test/builders';
import { timestamp } from '../../../shared/ids';
import { EventStore } from './event-store';

describe('EventStore follow-ups', () => {
  const parent = makeEvent({ title: 'Parent' });
  const older = makeEvent({
    title: 'Older',
    followUpOf: parent.id,
    createdAt: timestamp(new Date('2024-06-01T00:00:00Z')),
  });
  const newer = makeEvent({
    title: 'Newer',
    followUpOf: parent.id,
    createdAt: timestamp(new Date('2024-06-02T00:00:00Z')),
  });

  it('lists the follow-ups of an event, oldest first', () => {
    const store = new EventStore(makeDocument({ events: [parent, newer, older] }));
    expect(store.followUpsOf(parent.id).map((event) => event.title)).toEqual(['Older', 'Newer']);
    expect(store.followUpsOf(older.id)).toEqual([]);
  });

  it('keeps the list in step with Changes', () => {
    const store = new EventStore(makeDocument({ events: [parent, older] }));
    store.apply({ upserted: [newer, { ...older, followUpOf: null }], removed: [] });
    expect(store.followUpsOf(parent.id).map((event) => event.title)).toEqual(['Newer']);
    store.apply({ upserted: [], removed: [newer.id] });
    expect(store.followUpsOf(parent.id)).toEqual([]);
    store.apply({ upserted: [{ ...older, followUpOf: parent.id, title: 'Again' }], removed: [] });
    expect(store.followUpsOf(parent.id).map((event) => event.title)).toEqual(['Again']);
  });
});
