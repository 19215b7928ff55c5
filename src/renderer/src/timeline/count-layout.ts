/**
 * Where the lanes' counts go on the count canvas, and which one is under the pointer. Pure: no
 * DOM, no vis. The canvas (count-canvas.ts) draws what this lays out; the view hit-tests here.
 */
import type { BandCount, BandItem } from './aggregate-items';

/** One lane's row of counts, in the item area's pixels (top 0 = the top of the visible area). */
export interface CountRow {
  readonly top: number;
  readonly height: number;
  /** The lane's band: its colour and counts. */
  readonly band: BandItem;
  /** Where items sit in the row, in px from the window's start: no count is drawn there. */
  readonly occupied?: readonly { readonly left: number; readonly right: number }[];
}

export interface CountScene {
  /** The visible window, in epoch ms, and the px it spans (as vis maps it: its panel's width). */
  readonly start: number;
  readonly end: number;
  readonly width: number;
  /** The item area's size in px: the panel inside its borders, the part drawn. */
  readonly areaWidth: number;
  readonly areaHeight: number;
  readonly rows: readonly CountRow[];
  /** The count the keyboard is on: drawn with a focus ring. */
  readonly activeId?: string | null;
}

export interface CountBox {
  readonly band: BandItem;
  readonly count: BandCount;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The label's pill; `clipped` when the box cuts it short; null in a box too narrow to read. */
  readonly pill: { readonly x: number; readonly width: number; readonly clipped: boolean } | null;
}

/** The pill's place in its box, as the CSS counts had: 1px edge and 3px padding on the left. */
const INSET = 4;
/** The box's edge, which the pill may not cover on the right. */
const EDGE = 1;
/** Narrower boxes show no label: a digit or two of it would say nothing. */
const MIN_LABELLED_WIDTH = 16;
const PILL_PADDING = 4;
/** Boxes reach this far past the area's edges, so a cut box shows no rounded end. */
const BLEED = 8;

/** The boxes in sight, in drawing order; `textWidth` measures a label in px. */
export function layoutCounts(scene: CountScene, textWidth: (label: string) => number): CountBox[] {
  const boxes: CountBox[] = [];
  const span = scene.end - scene.start;
  if (!(span > 0) || scene.width <= 0) return boxes;
  const scale = scene.width / span;
  for (const row of scene.rows) {
    if (row.top + row.height <= 0 || row.top >= scene.areaHeight) continue;
    for (const count of row.band.counts) {
      const left = (count.start - scene.start) * scale;
      const right = (count.end - scene.start) * scale;
      if (right <= 0 || left >= scene.areaWidth) continue;
      if (row.occupied?.some((item) => item.left < right && item.right > left)) continue;
      const x = Math.max(left, -BLEED);
      const width = Math.min(right, scene.areaWidth + BLEED) - x;
      const pillWidth = textWidth(count.label) + 2 * PILL_PADDING;
      // The label starts at the box's left edge, or at the area's when the box begins off screen.
      const pillX = Math.max(x, 0) + INSET;
      const room = x + width - EDGE - pillX;
      boxes.push({
        band: row.band,
        count,
        x,
        y: row.top,
        width,
        height: row.height,
        pill:
          width >= MIN_LABELLED_WIDTH && room > 0
            ? { x: pillX, width: pillWidth, clipped: pillWidth > room }
            : null,
      });
    }
  }
  return boxes;
}

/** The box drawn at (x, y) in the item area, if any. */
export function boxAt(boxes: readonly CountBox[], x: number, y: number): CountBox | null {
  for (const box of boxes) {
    if (x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height) return box;
  }
  return null;
}

export type Rgb = readonly [number, number, number];

/** "#rrggbb" as numbers; null for anything else. */
export function parseHex(color: string): Rgb | null {
  const hex = color.trim();
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** `percent` of `color` over `base`, as CSS color-mix in sRGB gives it. */
export function mixRgb(color: Rgb, base: Rgb, percent: number): string {
  const part = (i: 0 | 1 | 2) => Math.round((color[i] * percent + base[i] * (100 - percent)) / 100);
  return `rgb(${part(0)}, ${part(1)}, ${part(2)})`;
}

/** A colour with `alpha` (0 to 1). */
export function withAlpha(color: Rgb, alpha: number): string {
  return `rgba(${color[0]}, ${color[1]}, ${color[2]}, ${alpha})`;
}
