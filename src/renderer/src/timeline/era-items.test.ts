import { describe, expect, it } from 'vitest';

import { makeEra } from '../../../../test/builders';
import type { PartialDate } from '../../../shared/partial-date';
import { EraBands, type EraItem, eraItem } from './era-items';

describe('eraItem', () => {
  it('spans the whole periods of its dates, behind every lane, named with its dates in words', () => {
    const item = eraItem(
      makeEra({ start: '2024-06-01' as PartialDate, end: '2024-06-30' as PartialDate }),
    );
    expect(item).toMatchObject({
      type: 'background',
      start: Date.UTC(2024, 5, 1),
      end: Date.UTC(2024, 6, 1),
      label: 'Summit month',
      name: 'Era: Summit month, 1–30 June 2024',
      selectable: false,
    });
    expect(item).not.toHaveProperty('group');
    expect(item.id).toBe(`era:${makeEra().id}`);
    expect(eraItem(makeEra()).end).toBe(Date.UTC(2024, 6, 1));
  });

  it('spans its days from midnight to midnight of the zone the axis is drawn in, as events do', () => {
    const era = makeEra({ start: '2024-06-01' as PartialDate, end: '2024-06-30' as PartialDate });
    // New York is 4 hours behind UTC in June; Jakarta 7 ahead.
    expect(eraItem(era, 'America/New_York')).toMatchObject({
      start: Date.UTC(2024, 5, 1, 4),
      end: Date.UTC(2024, 6, 1, 4),
      name: 'Era: Summit month, 1–30 June 2024',
    });
    expect(eraItem(era, 'Asia/Jakarta').start).toBe(Date.UTC(2024, 4, 31, 17));
  });
});

describe('EraBands', () => {
  it('hands the DataSet only what changed', () => {
    const writes: string[] = [];
    const bands = new EraBands({
      add: (items: EraItem[]) => writes.push(`add ${items.map((item) => item.label).join()}`),
      update: (items: EraItem[]) => writes.push(`update ${items.map((item) => item.label).join()}`),
      remove: (ids: string[]) => writes.push(`remove ${ids.length}`),
    });
    const summit = makeEra();
    const war = makeEra({ id: '6f1d3f0e-3c1a-4c55-9d7e-2b8f0a1c9e02' as never, title: 'War' });
    bands.set([summit]);
    bands.set([summit, war]);
    bands.set([{ ...summit, title: 'Pyongyang summit' }, war]);
    bands.set([war]);
    bands.set([war]);
    bands.setZone('Asia/Jakarta');
    expect(writes).toEqual([
      'add Summit month',
      'add War',
      'update Pyongyang summit',
      'remove 1',
      'update War',
    ]);
  });
});
