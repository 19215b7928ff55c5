/**
 * What a wheel event over the timeline means. A mouse wheel's notch zooms, as it always has here
 * (around the pointer, by vis); Ctrl+wheel and a trackpad's pinch (which Chromium sends as
 * Ctrl+wheel) zoom too. Shift+wheel, and a trackpad's two-finger vertical scroll, move through
 * the lanes. A trackpad is told from a wheel by its deltas: a notch comes in whole lines or as a
 * whole multiple of 120 in wheelDeltaY with no sideways part; a trackpad sends small pixel steps,
 * often fractional or with some sideways movement. A sideways scroll is left to vis. Pure.
 */

export type WheelIntent =
  | { readonly kind: 'zoom' }
  | { readonly kind: 'lanes'; readonly px: number }
  | { readonly kind: 'other' };

export interface WheelLike {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages. */
  readonly deltaMode: number;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  /** Chromium's legacy notch count: ±120 a notch for a mouse wheel. */
  readonly wheelDeltaY?: number;
}

/** As vis-timeline reads line and page deltas. */
const LINE_PX = 40;
const PAGE_PX = 800;

function pixels(delta: number, mode: number): number {
  return mode === 1 ? delta * LINE_PX : mode === 2 ? delta * PAGE_PX : delta;
}

/** True when a vertical wheel event looks like a mouse wheel's notch, not a trackpad's glide. */
export function isNotch(event: WheelLike): boolean {
  if (event.deltaMode !== 0) return true;
  if (event.deltaX !== 0 || !Number.isInteger(event.deltaY)) return false;
  const legacy = event.wheelDeltaY;
  if (legacy !== undefined && legacy !== 0) return legacy % 120 === 0;
  return Math.abs(event.deltaY) >= 50;
}

export function wheelIntent(event: WheelLike): WheelIntent {
  if (event.ctrlKey || event.metaKey) return { kind: 'zoom' };
  if (event.shiftKey) {
    // Chromium turns Shift+wheel into a sideways scroll on Windows and Linux.
    const delta = event.deltaY !== 0 ? event.deltaY : event.deltaX;
    return { kind: 'lanes', px: pixels(delta, event.deltaMode) };
  }
  if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) return { kind: 'other' };
  if (isNotch(event)) return { kind: 'zoom' };
  return { kind: 'lanes', px: pixels(event.deltaY, event.deltaMode) };
}
