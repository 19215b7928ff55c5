/**
 * The keys of a WAI-ARIA menu's items, for the toolbar's menu buttons and the context menus:
 * the arrows move the focus (wrapping round), Home and End go to the first and last item;
 * Escape closes the menu; Tab leaves it. What closing and leaving do is the menu's own.
 */

/** Focuses the item at `index`, counted round the list (-1 is the last). */
export function focusWrapped(items: readonly HTMLElement[], index: number): void {
  const count = items.length;
  items[((index % count) + count) % count]?.focus();
}

/** Moves the focus for a moving key; otherwise says whether the key closes or leaves the menu. */
export function menuKey(
  event: KeyboardEvent,
  items: readonly HTMLElement[],
): 'close' | 'leave' | null {
  const index = items.findIndex((item) => item === document.activeElement);
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    Home: 0,
    End: items.length - 1,
  };
  const target = moves[event.key];
  if (target !== undefined) {
    event.preventDefault();
    focusWrapped(items, target);
    return null;
  }
  if (event.key === 'Escape') {
    event.preventDefault();
    return 'close';
  }
  return event.key === 'Tab' ? 'leave' : null;
}
