/**
 * The difference between the items the timeline holds and the items a new plan wants, so each
 * refresh is one batched update of vis-timeline's DataSet: what to remove, what to add, and what
 * to update in place.
 */

export interface DiffableItem {
  readonly id: string;
  readonly type: string;
}

export interface ItemDiff<T> {
  readonly remove: string[];
  readonly add: T[];
  readonly update: T[];
}

/**
 * Compares `wanted` with `held` (id → item as last written) and brings `held` up to date. A
 * changed item is updated in place, unless its type changed: then it is removed and added again
 * (a DataSet update merges fields, so the end of a range that became a point would linger).
 */
export function diffItems<T extends DiffableItem>(
  held: Map<string, T>,
  wanted: readonly T[],
): ItemDiff<T> {
  const diff: ItemDiff<T> = { remove: [], add: [], update: [] };
  const kept = new Set<string>();
  for (const item of wanted) {
    kept.add(item.id);
    const before = held.get(item.id);
    held.set(item.id, item);
    if (before === undefined) {
      diff.add.push(item);
    } else if (before !== item && !sameFields(before, item)) {
      if (before.type !== item.type) {
        diff.remove.push(item.id);
        diff.add.push(item);
      } else {
        diff.update.push(item);
      }
    }
  }
  for (const id of held.keys()) {
    if (kept.has(id)) continue;
    diff.remove.push(id);
    held.delete(id);
  }
  return diff;
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key],
  );
}
