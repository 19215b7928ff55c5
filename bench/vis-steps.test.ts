import { describe, expect, it } from 'vitest';

import { firstDrawToReady } from './vis-steps';

describe('first draw to ready', () => {
  it('is the time from the first paint to ready', () => {
    expect(firstDrawToReady(1_250.04, 300)).toEqual({
      value: 950,
      status: 'ok',
      note: 'first paint at 300 ms',
    });
  });

  it('is 0 for a page whose first draw came with its data, and says so', () => {
    const figure = firstDrawToReady(900, 940);
    expect(figure.value).toBe(0);
    expect(figure.note).toBe('first paint 40 ms after ready');
  });

  it('is not finished for a page that never drew', () => {
    expect(firstDrawToReady(900, null)).toMatchObject({ value: null, status: 'not-finished' });
  });
});
