/**
 * The status line's time-zone control: a button that says the zone shown ("Times in Asia/Jakarta
 * (UTC+7)") and opens a small panel with the computer's zone, UTC, and every zone Intl knows,
 * found by typing. Keyboard: Enter opens it with the focus in the search; Down goes to the list,
 * Enter picks; Escape closes it and gives the focus back to the button.
 */
import { UTC_ZONE, zoneName, zoneNames } from '../../../shared/time-zone';
import type { DisplayZone } from '../state/display-zone';
import { el, onPressOutside, uniqueId } from './dom';

/** Enough to scan; typing narrows the rest. */
const LIST_LIMIT = 60;

export interface ZonePicker {
  readonly element: HTMLElement;
}

export function zonePicker(zone: DisplayZone): ZonePicker {
  const panelId = uniqueId('zone-panel');
  const trigger = el('button', {
    className: 'button button--quiet zone-trigger',
    attrs: { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
  });
  trigger.setAttribute('aria-controls', panelId);
  const computer = el('button', {
    className: 'zone-choice',
    attrs: { type: 'button', 'data-choice': 'computer' },
  });
  const utc = el('button', {
    className: 'zone-choice',
    text: 'UTC',
    attrs: { type: 'button', 'data-choice': 'utc' },
  });
  const searchId = uniqueId('zone-search');
  const search = el('input', {
    className: 'zone-search',
    attrs: { id: searchId, type: 'search', autocomplete: 'off', spellcheck: 'false' },
  });
  const list = el('select', { className: 'zone-list', attrs: { size: '8' } });
  list.setAttribute('aria-label', 'Zones found');
  const panel = el('div', { className: 'zone-panel', attrs: { id: panelId, role: 'dialog' } }, [
    el('div', { className: 'zone-choices' }, [computer, utc]),
    el('label', { className: 'zone-search-label', text: 'Find a zone', attrs: { for: searchId } }),
    search,
    list,
    el('p', {
      className: 'zone-note',
      text: 'Days, months and years stay on their date in every zone.',
    }),
  ]);
  panel.setAttribute('aria-label', 'Time zone shown');
  panel.hidden = true;
  const element = el('div', { className: 'zone-anchor' }, [trigger, panel]);
  const names = zoneNames();

  const render = (): void => {
    const now = Date.now();
    const shown = zone.name(now);
    trigger.textContent = `Times in ${shown}`;
    trigger.title = 'Change the time zone times are shown in';
    computer.textContent = `Computer’s zone: ${zoneName(zone.computerZone, now)}`;
    computer.setAttribute('aria-pressed', String(zone.choice === 'computer'));
    utc.setAttribute('aria-pressed', String(zone.choice !== 'computer' && zone.zone === UTC_ZONE));
  };
  const fill = (): void => {
    const words = search.value.trim().toLowerCase().replace(/\s+/g, '_').split('_');
    const found = names.filter((name) => {
      const lower = name.toLowerCase();
      return words.every((word) => lower.includes(word));
    });
    const now = Date.now();
    list.replaceChildren(
      ...found
        .slice(0, LIST_LIMIT)
        .map((name) => el('option', { text: zoneName(name, now), attrs: { value: name } })),
    );
  };
  const open = (): void => {
    render();
    search.value = '';
    fill();
    panel.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    search.focus();
  };
  const close = (returnFocus: boolean): void => {
    if (panel.hidden) return;
    panel.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    if (returnFocus) trigger.focus();
  };
  const pick = (choice: Parameters<DisplayZone['choose']>[0]): void => {
    zone.choose(choice);
    render();
    close(true);
  };

  trigger.addEventListener('click', () => (panel.hidden ? open() : close(true)));
  computer.addEventListener('click', () => pick('computer'));
  utc.addEventListener('click', () => pick({ zone: UTC_ZONE }));
  search.addEventListener('input', fill);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && list.options.length > 0) {
      event.preventDefault();
      list.selectedIndex = 0;
      list.focus();
    } else if (event.key === 'Enter' && list.options.length > 0) {
      event.preventDefault();
      pick({ zone: list.options[0]?.value ?? UTC_ZONE });
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || list.value === '') return;
    event.preventDefault();
    pick({ zone: list.value });
  });
  // A click picks; arrows only move through the list (each would redraw the timeline).
  list.addEventListener('click', (event) => {
    if (event.target instanceof HTMLOptionElement) pick({ zone: event.target.value });
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  });
  onPressOutside(element, () => {
    if (!panel.hidden) close(false);
  });
  // The setting outlives the window's app (a story switch mounts another): a picker no longer in
  // the page stops following it.
  const stop = zone.onChange(() => (element.isConnected ? render() : stop()));
  render();
  return { element };
}
