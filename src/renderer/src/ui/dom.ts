/**
 * Builds DOM from data. Text always goes in as text nodes: nothing here ever parses HTML, so
 * user-written titles such as `<img onerror=...>` display literally.
 */

export type Child = Node | string | null | undefined | false;

/** Words to show: plain text, or text and elements (such as user text isolated in a <bdi>). */
export type Phrase = string | readonly Child[];

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  /** Plain attributes (set with setAttribute); `true` sets an empty attribute, false/undefined skip. */
  readonly attrs?: Readonly<Record<string, string | boolean | undefined>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  if (props.text !== undefined) element.textContent = props.text;
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of an element. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function phraseChildren(phrase: Phrase): readonly Child[] {
  return typeof phrase === 'string' ? [phrase] : phrase;
}

/** Replaces all children of an element with a phrase. */
export function setPhrase(parent: Element, phrase: Phrase): void {
  replaceChildren(parent, phraseChildren(phrase));
}

/**
 * Sets an attribute only when its value changes: the toolbar is refreshed on every key typed in
 * Search, and a write of the same value still has the page check the element again.
 */
export function setAttributeIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Runs `run` on a press anywhere outside `element`, as a menu or popover closes. The listener is
 * the document's: it goes at the first press after `element` has left the page (the window's
 * app is mounted afresh on another story), so nothing of an app taken down is kept.
 */
export function onPressOutside(element: Element, run: () => void): void {
  const listener = (event: PointerEvent): void => {
    if (!element.isConnected) document.removeEventListener('pointerdown', listener);
    else if (!element.contains(event.target as Node)) run();
  };
  document.addEventListener('pointerdown', listener);
}

let nextId = 0;

/** A document-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small stroked icon from path data (our own constants, never user data). */
export function icon(paths: readonly string[]): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}

/** True when keyboard focus is in a place where plain keys type text. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

/** True when the focused element keeps its own undo history of typed text. */
export function hasTextUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}
