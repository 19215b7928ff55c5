import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { uuidFromString } from './stable-uuid';

describe('uuidFromString', () => {
  it('gives the same UUID for the same string, every time', () => {
    expect(uuidFromString('slide-1')).toBe(uuidFromString('slide-1'));
    // Pinned: ids of events people imported must not change between versions.
    expect(uuidFromString('slide-1')).toBe('f32c35b1-a0ef-8e8b-847a-8f9dfa9a4044');
  });

  it('gives a version 8 UUID that zod accepts', () => {
    for (const text of ['', 'a', 'slide-1', 'Ünïcödé 😀', 'x'.repeat(10_000)]) {
      const id = uuidFromString(text);
      expect(z.uuid().safeParse(id).success, id).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('gives different, unlike UUIDs for similar strings', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => uuidFromString(`event-${i}`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[1]!.slice(0, 8)).not.toBe(ids[2]!.slice(0, 8));
  });
});
