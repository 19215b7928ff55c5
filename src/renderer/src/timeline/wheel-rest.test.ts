import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { WHEEL_REST_MS, WheelRest } from './wheel-rest';

/** The one thing WheelRest touches on its host: an attribute. */
function fakeHost() {
  const attributes = new Set<string>();
  return {
    attributes,
    setAttribute: (name: string) => attributes.add(name),
    removeAttribute: (name: string) => attributes.delete(name),
  };
}

describe('the wheel’s rest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns from the first notch and rests a while after the last', () => {
    const host = fakeHost();
    const rested = vi.fn();
    const wheel = new WheelRest(host as unknown as Element, rested);
    expect(wheel.turning).toBe(false);
    wheel.turned();
    expect(wheel.turning).toBe(true);
    expect(host.attributes.has('data-settling')).toBe(true);
    vi.advanceTimersByTime(WHEEL_REST_MS - 50);
    wheel.turned();
    vi.advanceTimersByTime(WHEEL_REST_MS - 50);
    expect(rested).not.toHaveBeenCalled();
    expect(wheel.turning).toBe(true);
    vi.advanceTimersByTime(50);
    expect(rested).toHaveBeenCalledOnce();
    expect(wheel.turning).toBe(false);
    expect(host.attributes.has('data-settling')).toBe(false);
  });
});
