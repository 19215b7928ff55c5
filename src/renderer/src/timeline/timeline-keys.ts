/**
 * What a key pressed on the focused timeline asks for: Left/Right the previous/next event in
 * time, Up/Down the nearest in the lane above/below, Home/End the first/last, Enter opens the
 * selection (the editor for an event, a zoom into a count), + and - zoom around it. Only keys
 * without Ctrl, Cmd or Alt: the command registry's shortcuts keep theirs. Pure.
 */

export type TimelineKey =
  'next' | 'previous' | 'up' | 'down' | 'first' | 'last' | 'open' | 'zoomIn' | 'zoomOut';

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const PLAIN: Readonly<Record<string, TimelineKey>> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'first',
  End: 'last',
  Enter: 'open',
};

/** + is Shift+= on many layouts and its own key on the keypad: either zooms in, as does =. */
const ZOOM: Readonly<Record<string, TimelineKey>> = {
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
};

export function timelineKeyOf(event: KeyLike): TimelineKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (!event.shiftKey && PLAIN[event.key]) return PLAIN[event.key] ?? null;
  return ZOOM[event.key] ?? null;
}
