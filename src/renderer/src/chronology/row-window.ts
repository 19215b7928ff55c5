/**
 * The maths of a virtual list with rows of a few fixed heights: where each row starts, which
 * rows a scroll position shows, and how far to scroll to bring one into view. Pure, so the
 * list can draw only what is near the viewport however many rows there are.
 */

/**
 * The row at a vertical offset: the last one whose top is at or above it. `tops` holds each
 * row's top and, after them, the total height (so it is one longer than the row count).
 */
export function rowAt(tops: ArrayLike<number>, y: number): number {
  const count = tops.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((tops[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface RowRange {
  /** First row to draw, and the one after the last. */
  readonly first: number;
  readonly end: number;
}

/** The rows a viewport shows, with `overscan` pixels more above and below. */
export function rowsInView(
  tops: ArrayLike<number>,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowRange {
  const count = tops.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  const first = rowAt(tops, Math.max(0, scrollTop - overscan));
  const last = rowAt(tops, scrollTop + viewportHeight + overscan);
  return { first, end: Math.min(count, last + 1) };
}

/** The scroll position that shows a row whole, moving as little as possible. */
export function scrollToShow(
  top: number,
  bottom: number,
  scrollTop: number,
  viewportHeight: number,
  /** Room kept above the row, e.g. for a sticky heading. */
  margin = 0,
): number {
  if (top - margin < scrollTop) return Math.max(0, top - margin);
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}
