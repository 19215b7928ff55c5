import { describe, expect, it } from 'vitest';

import { wheelIntent, type WheelLike } from './wheel-intent';

const wheel = (event: Partial<WheelLike>): WheelLike => ({
  deltaX: 0,
  deltaY: 0,
  deltaMode: 0,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...event,
});

describe('what the wheel means over the timeline', () => {
  it('zooms on a mouse wheel’s notch, in pixels or in lines', () => {
    expect(wheelIntent(wheel({ deltaY: -100, wheelDeltaY: 120 }))).toEqual({ kind: 'zoom' });
    expect(wheelIntent(wheel({ deltaY: 100 }))).toEqual({ kind: 'zoom' });
    expect(wheelIntent(wheel({ deltaY: 3, deltaMode: 1 }))).toEqual({ kind: 'zoom' });
  });

  it('zooms on a pinch (Ctrl+wheel), even in small steps', () => {
    expect(wheelIntent(wheel({ deltaY: 2.5, ctrlKey: true }))).toEqual({ kind: 'zoom' });
  });

  it('moves through the lanes on Shift+wheel, however the browser turned it', () => {
    expect(wheelIntent(wheel({ deltaY: 100, shiftKey: true }))).toEqual({ kind: 'lanes', px: 100 });
    expect(wheelIntent(wheel({ deltaX: -100, shiftKey: true }))).toEqual({
      kind: 'lanes',
      px: -100,
    });
    expect(wheelIntent(wheel({ deltaY: 3, deltaMode: 1, shiftKey: true }))).toEqual({
      kind: 'lanes',
      px: 120,
    });
  });

  it('moves through the lanes on a trackpad’s vertical scroll', () => {
    expect(wheelIntent(wheel({ deltaY: 7.5 }))).toEqual({ kind: 'lanes', px: 7.5 });
    expect(wheelIntent(wheel({ deltaY: 12, deltaX: 1 }))).toEqual({ kind: 'lanes', px: 12 });
    expect(wheelIntent(wheel({ deltaY: 40, wheelDeltaY: -120 }))).toEqual({
      kind: 'zoom',
    });
    expect(wheelIntent(wheel({ deltaY: 16, wheelDeltaY: -48 }))).toEqual({ kind: 'lanes', px: 16 });
  });

  it('leaves a sideways scroll alone', () => {
    expect(wheelIntent(wheel({ deltaX: 30, deltaY: 2 }))).toEqual({ kind: 'other' });
  });
});
