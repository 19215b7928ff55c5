import { describe, expect, it } from 'vitest';

import { rowAt, rowsInView, scrollToShow } from './row-window';

// Rows of 40, 30, 50, 50, 40, 50 px: tops, then the total height.
const TOPS = Float64Array.from([0, 40, 70, 120, 170, 210, 260]);

describe('the virtual list maths', () => {
  it('finds the row at an offset', () => {
    expect(rowAt(TOPS, 0)).toBe(0);
    expect(rowAt(TOPS, 39)).toBe(0);
    expect(rowAt(TOPS, 40)).toBe(1);
    expect(rowAt(TOPS, 169)).toBe(3);
    expect(rowAt(TOPS, 10_000)).toBe(5);
    expect(rowAt(Float64Array.from([0]), 50)).toBe(0);
  });

  it('draws the rows in the viewport and the overscan around it', () => {
    expect(rowsInView(TOPS, 0, 60, 0)).toEqual({ first: 0, end: 2 });
    expect(rowsInView(TOPS, 100, 60, 0)).toEqual({ first: 2, end: 4 });
    expect(rowsInView(TOPS, 100, 60, 40)).toEqual({ first: 1, end: 5 });
    expect(rowsInView(TOPS, 200, 1000, 100)).toEqual({ first: 2, end: 6 });
    expect(rowsInView(Float64Array.from([0]), 0, 500, 100)).toEqual({ first: 0, end: 0 });
  });

  it('draws a handful of rows of 100,000 wherever the list is scrolled', () => {
    const tops = Float64Array.from({ length: 100_001 }, (_, i) => i * 50);
    const range = rowsInView(tops, 2_500_000, 600, 300);
    expect(range).toEqual({ first: 49_994, end: 50_019 });
  });

  it('scrolls as little as brings a row into view', () => {
    expect(scrollToShow(100, 150, 0, 200)).toBe(0);
    expect(scrollToShow(300, 350, 0, 200)).toBe(150);
    expect(scrollToShow(100, 150, 120, 200)).toBe(100);
    expect(scrollToShow(100, 150, 120, 200, 30)).toBe(70);
  });
});
