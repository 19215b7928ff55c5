import { describe, expect, it } from 'vitest';

import { DisplayZone } from './display-zone';

/** A window's storage, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const JAKARTA = (): string => 'Asia/Jakarta';
const JUNE = Date.UTC(2024, 5, 16);

describe('the zone times are shown in', () => {
  it('is the computer’s zone until the user picks another', () => {
    const zone = new DisplayZone(memoryStorage(), JAKARTA);
    expect(zone.choice).toBe('computer');
    expect(zone.zone).toBe('Asia/Jakarta');
    expect(zone.name(JUNE)).toBe('Asia/Jakarta (UTC+7)');
  });

  it('reads typed times in the zone picked', () => {
    const zone = new DisplayZone(memoryStorage(), JAKARTA);
    zone.choose({ zone: 'Europe/London' });
    expect(zone.dates(JUNE).offsetAt(JUNE)).toBe(60);
    expect(zone.dates(JUNE).zone).toBe('Europe/London');
  });

  it('is remembered for the next window, UTC and the computer’s zone included', () => {
    const storage = memoryStorage();
    new DisplayZone(storage, JAKARTA).choose({ zone: 'UTC' });
    expect(new DisplayZone(storage, JAKARTA).zone).toBe('UTC');
    new DisplayZone(storage, JAKARTA).choose('computer');
    expect(new DisplayZone(storage, () => 'America/New_York').zone).toBe('America/New_York');
  });

  it('tells its listeners when the zone shown changes, and only then', () => {
    const zone = new DisplayZone(memoryStorage(), JAKARTA);
    const heard: string[] = [];
    const stop = zone.onChange(() => heard.push(zone.zone));
    zone.choose({ zone: 'Asia/Jakarta' }); // the same zone, picked by name
    zone.choose({ zone: 'Asia/Kolkata' });
    stop();
    zone.choose({ zone: 'UTC' });
    expect(heard).toEqual(['Asia/Kolkata']);
  });

  it('ignores a zone Intl does not know, picked or found in storage', () => {
    const storage = memoryStorage();
    storage.setItem('timeline-desk.time-zone', 'Mars/Olympus_Mons');
    const zone = new DisplayZone(storage, JAKARTA);
    expect(zone.zone).toBe('Asia/Jakarta');
    zone.choose({ zone: 'Nowhere/At_All' });
    expect(zone.zone).toBe('Asia/Jakarta');
  });
});
