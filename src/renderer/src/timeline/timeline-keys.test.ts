import { describe, expect, it } from 'vitest';

import { timelineKeyOf } from './timeline-keys';

const press = (
  key: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) =>
  timelineKeyOf({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    altKey: mods.alt ?? false,
    shiftKey: mods.shift ?? false,
  });

describe('keys on the timeline', () => {
  it('steps with the arrows, Home and End, and opens with Enter', () => {
    expect(press('ArrowRight')).toBe('next');
    expect(press('ArrowLeft')).toBe('previous');
    expect(press('ArrowUp')).toBe('up');
    expect(press('ArrowDown')).toBe('down');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('Enter')).toBe('open');
  });

  it('zooms with + (typed with Shift or not), = and -', () => {
    expect(press('+', { shift: true })).toBe('zoomIn');
    expect(press('+')).toBe('zoomIn');
    expect(press('=')).toBe('zoomIn');
    expect(press('-')).toBe('zoomOut');
  });

  it('leaves modified keys to the shortcuts (Ctrl+- zooms through the registry)', () => {
    expect(press('-', { ctrl: true })).toBeNull();
    expect(press('ArrowRight', { alt: true })).toBeNull();
    expect(press('ArrowRight', { shift: true })).toBeNull();
    expect(press('Home', { meta: true })).toBeNull();
    expect(press('Delete')).toBeNull();
    expect(press('a')).toBeNull();
  });
});
