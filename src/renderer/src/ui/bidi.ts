/**
 * User text (titles, names, places, file names) is shown isolated from the app's own words, so
 * that its direction, a right-to-left script or a hidden override such as U+202E, cannot reorder
 * them: in "Delete “invoice\u202Efdp.exe”?" the override must reach no further than the title.
 * An element that holds nothing but user text gets dir="auto" instead (USER_TEXT).
 */
import { el } from './dom';

/** Attributes of an element that holds only user text: it takes its direction from that text. */
export const USER_TEXT = { dir: 'auto' } as const;

/** User text inside a sentence of ours: a <bdi>, which isolates it and finds its direction. */
export function isolated(text: string): HTMLElement {
  return el('bdi', { text });
}

/**
 * User text inside an attribute (a tooltip, an aria-label), which can hold no element: between
 * U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, which isolate it as <bdi> does.
 */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}
