import { describe, expect, it } from 'vitest';

import { makeDocument, makeEra, makeEvent } from '../../../../test/builders';
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

describe('EventStore eras', () => {
  it('takes a Change that brings a new era list, and keeps the list when a Change has none', () => {
    const era = makeEra();
    const store = new EventStore(makeDocument({ eras: [era] }));
    expect(store.eras).toEqual([era]);
    store.apply({ upserted: [makeEvent()], removed: [] });
    expect(store.eras).toEqual([era]);
    const renamed = { ...era, title: 'Pyongyang summit' };
    store.apply({ upserted: [], removed: [], eras: [renamed] });
    expect(store.eras).toEqual([renamed]);
    store.apply({ upserted: [], removed: [], eras: [] });
    expect(store.eras).toEqual([]);
  });
});
