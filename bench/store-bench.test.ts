import { expect, it } from 'vitest';

import { benchStore } from './store-bench';

it('takes every store and service figure at 1,000 events', async () => {
  const figures = await benchStore(1000, { smoke: true });
  expect(figures.map((figure) => figure.name)).toEqual([
    'store.open',
    'store.open.journal',
    'store.file-size',
    'store.edit.durable.p50',
    'store.edit.durable.p95',
    'store.edit.blocked',
    'store.burst.writes',
    'service.export.json',
    'service.export.blocked',
    'service.import',
    'service.import.blocked',
  ]);
  for (const figure of figures) {
    expect(Number.isFinite(figure.value), figure.name).toBe(true);
    expect(figure).toMatchObject({ events: 1000, budget: null, peers: {} });
  }
  const writes = figures.find((figure) => figure.name === 'store.burst.writes')?.value;
  expect(writes).toBeGreaterThanOrEqual(1);
  // Group commit: never more commits than edits (each edit alone when the disk keeps up).
  expect(writes).toBeLessThanOrEqual(100);
}, 120_000);
