import { describe, expect, it } from 'vitest';

import type { LaneId } from '../../../shared/ids';
import { NO_FILTER } from './event-filter';
import { ViewStateStore } from './view-state';

/** The Storage interface over a Map: what localStorage does, in Node. */
function memoryStorage(): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('view state', () => {
  it('keeps the search and filters per data folder, read back on the next start', () => {
    const storage = memoryStorage();
    const state = {
      query: 'putin',
      filter: { ...NO_FILTER, hiddenLanes: ['lane-un' as LaneId], statuses: ['occurred' as const] },
    };
    const first = new ViewStateStore('/data/one/timeline.json', storage);
    first.write(state);
    first.flush();
    expect(new ViewStateStore('/data/one/timeline.json', storage).read()).toEqual(state);
    expect(new ViewStateStore('/data/two/timeline.json', storage).read()).toEqual({
      query: '',
      filter: NO_FILTER,
    });
  });

  it('starts unfiltered from damaged or foreign state, and never throws', () => {
    const storage = memoryStorage();
    const key = 'timeline-desk.view./d/timeline.json';
    const read = () => new ViewStateStore('/d/timeline.json', storage).read();
    for (const text of [
      '{not json',
      'null',
      JSON.stringify({ version: 2, query: 'x', filter: NO_FILTER }),
      JSON.stringify({ version: 1, query: 'x', filter: { ...NO_FILTER, from: 'yesterday' } }),
    ]) {
      storage.setItem(key, text);
      expect(read()).toEqual({ query: '', filter: NO_FILTER });
    }
    const refusing = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const store = new ViewStateStore('/d/timeline.json', refusing);
    expect(store.read()).toEqual({ query: '', filter: NO_FILTER });
    store.write({ query: 'a', filter: NO_FILTER });
    expect(() => store.flush()).not.toThrow();
  });
});
