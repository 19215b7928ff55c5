import { describe, expect, it } from 'vitest';

import type { EventId } from '../../../shared/ids';
import { EventSlots, SlotFlags } from './event-slots';

describe('EventSlots', () => {
  it('numbers each id once, in the order first asked, and never reuses a number', () => {
    const slots = new EventSlots();
    const a = 'a' as EventId;
    const b = 'b' as EventId;
    expect(slots.get(a)).toBeUndefined();
    expect([slots.of(a), slots.of(b), slots.of(a)]).toEqual([0, 1, 0]);
    expect(slots.idOf(1)).toBe(b);
    expect(slots.count).toBe(2);
  });
});

describe('SlotFlags', () => {
  it('grows past its first room, keeping every flag, and hands out its bytes afresh', () => {
    const flags = new SlotFlags(16);
    flags.set(3, true);
    const before = flags.bytes;
    flags.set(40, true);
    flags.set(3, true);
    expect(flags.bytes).not.toBe(before);
    expect([flags.has(3), flags.has(40), flags.has(4), flags.has(10_000)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(flags.bytes[40]).toBe(1);
    flags.set(40, false);
    expect(flags.has(40)).toBe(false);
  });
});
