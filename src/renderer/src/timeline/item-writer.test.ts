import { describe, expect, it } from 'vitest';

import { DIRECT_LIMIT, ItemWriter, MOVE_IN_PER_FRAME, type Placed } from './item-writer';

interface Item extends Placed {
  readonly label: string;
}

/** A DataSet as vis-data behaves: add refuses a known id, update merges (or adds), remove. */
class FakeDataSet {
  readonly data = new Map<string, Item>();
  readonly calls: string[] = [];

  add(items: Item[]): void {
    this.calls.push('add');
    for (const item of items) {
      if (this.data.has(item.id)) throw new Error(`Cannot add item: ${item.id} already exists`);
      this.data.set(item.id, item);
    }
  }

  update(items: Item[]): void {
    this.calls.push('update');
    for (const item of items) this.data.set(item.id, { ...this.data.get(item.id), ...item });
  }

  remove(ids: string[]): void {
    this.calls.push('remove');
    for (const id of ids) this.data.delete(id);
  }

  /** What a viewer of [0, 1000) sees. */
  inView(): string[] {
    return [...this.data.values()]
      .filter((item) => item.start >= 0 && item.start < 1000)
      .map((item) => item.id)
      .sort();
  }
}

function setUp() {
  const set = new FakeDataSet();
  const frames: (() => void)[] = [];
  const writer = new ItemWriter<Item>(set, (run) => frames.push(run));
  const runFrames = (): number => {
    let count = 0;
    while (frames.length > 0) {
      frames.shift()!();
      count += 1;
    }
    return count;
  };
  return { set, writer, runFrames };
}

const inView = (item: Item): boolean => item.start >= 0 && item.start < 1000;
const box = (id: string, start: number, label = id): Item => ({ id, type: 'box', start, label });
const range = (id: string, start: number, end: number): Item => ({
  id,
  type: 'range',
  start,
  end,
  label: id,
});
const many = (count: number, prefix = 'n'): Item[] =>
  Array.from({ length: count }, (_, n) => box(`${prefix}${n}`, n % 1000));

describe('ItemWriter', () => {
  it('adds a few items directly and holds exactly what is wanted', () => {
    const { set, writer } = setUp();
    writer.write([box('a', 10), box('b', 2000)], inView, false);
    expect(set.calls).toEqual(['add']);
    writer.write([box('a', 20, 'moved'), box('c', 30)], inView, false);
    expect([...set.data.values()]).toEqual([box('a', 20, 'moved'), box('c', 30)]);
    expect(set.calls).toEqual(['add', 'remove', 'add', 'update']);
  });

  it('brings many new items in view off screen first, then into place in one update', () => {
    const { set, writer } = setUp();
    const wanted = many(DIRECT_LIMIT + 20);
    writer.write(wanted, inView, false);
    expect(set.calls).toEqual(['add', 'update']);
    expect([...set.data.values()]).toEqual(wanted);
    expect(writer.pending).toBe(false);
  });

  it('during a gesture, keeps the old items until the new ones move in, a frame at a time', () => {
    const { set, writer, runFrames } = setUp();
    writer.write(many(10, 'old'), inView, false);
    const wanted = many(MOVE_IN_PER_FRAME * 2 + 5);
    writer.write(wanted, inView, true);
    // Nothing new in view yet, and the old items still are.
    expect(set.inView()).toEqual(
      many(10, 'old')
        .map((item) => item.id)
        .sort(),
    );
    expect(writer.pending).toBe(true);
    expect(runFrames()).toBe(3);
    expect(set.inView()).toEqual(wanted.map((item) => item.id).sort());
    expect([...set.data.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...wanted].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(writer.pending).toBe(false);
  });

  it('copes with a new plan before the last one is in place', () => {
    const { set, writer, runFrames } = setUp();
    writer.write(many(60, 'x'), inView, true);
    const next = [...many(30, 'x'), ...many(30, 'y')];
    writer.write(next, inView, true);
    runFrames();
    expect(set.inView()).toEqual(next.map((item) => item.id).sort());
    // An item dropped and wanted again in between is updated, never added twice.
    writer.write(many(5, 'x'), inView, true);
    writer.write(many(40, 'x'), inView, true);
    runFrames();
    expect(set.inView()).toEqual(
      many(40, 'x')
        .map((item) => item.id)
        .sort(),
    );
  });

  it('replaces an item whose type changes, so a range that became a point has no end', () => {
    const { set, writer } = setUp();
    writer.write([range('a', 10, 50)], inView, false);
    writer.write([box('a', 10)], inView, false);
    expect(set.data.get('a')).toEqual(box('a', 10));
  });
});
