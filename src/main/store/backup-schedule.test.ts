import { describe, expect, it } from 'vitest';

import {
  backupName,
  backupsToKeep,
  isBackupDue,
  KEEP_RECENT,
  legacyBackupName,
  MIN_BUDGET_BYTES,
  nextSeq,
  parseBackupName,
  sortBackups,
} from './backup-schedule';

const at = (iso: string) => new Date(iso);
const KB = 1024;
/** Backups of a few kilobytes each: the size budget never bites. */
const small = (names: readonly string[]) => names.map((name) => ({ name, bytes: 2 * KB }));
const smallStore = { now: at('2030-01-01T00:00:00.000Z'), storeBytes: 10 * KB };

describe('backup names', () => {
  it('names a backup by its number and UTC time, "-" for ":", and reads both back', () => {
    const name = backupName(42, at('2026-01-02T03:04:05.678Z'));
    expect(name).toBe('timeline-00000042-2026-01-02T03-04-05.678Z.json.gz');
    expect(parseBackupName(name)).toEqual({
      id: name,
      seq: 42,
      at: at('2026-01-02T03:04:05.678Z'),
    });
  });

  it('reads the names of backups made before they were numbered', () => {
    const name = legacyBackupName(at('2026-01-02T03:04:05.678Z'));
    expect(name).toBe('timeline-2026-01-02T03-04-05.678Z.json');
    expect(parseBackupName(name)).toEqual({
      id: name,
      seq: null,
      at: at('2026-01-02T03:04:05.678Z'),
    });
  });

  it.each([
    '../timeline-2026-01-02T03-04-05.678Z.json',
    '../timeline-00000001-2026-01-02T03-04-05.678Z.json.gz',
    'timeline-2026-01-02T03-04-05.678Z.json/../../timeline.json',
    'sub/timeline-2026-01-02T03-04-05.678Z.json',
    'sub\\timeline-00000001-2026-01-02T03-04-05.678Z.json.gz',
    '..',
    'timeline.json',
    'timeline-2026-01-02T03:04:05.678Z.json',
    'timeline-2026-13-40T03-04-05.678Z.json',
    'timeline-00000001-2026-13-40T03-04-05.678Z.json.gz',
    'timeline-1-2026-01-02T03-04-05.678Z.json.gz',
    'timeline-000000001-2026-01-02T03-04-05.678Z.json.gz',
    'timeline-00000001-2026-01-02T03-04-05.678Z.json',
    'timeline-2026-01-02T03-04-05.678Z.json.gz',
    '.timeline-2026-01-02T03-04-05.678Z.json.tmp',
    '.timeline-00000001-2026-01-02T03-04-05.678Z.json.gz.tmp',
    'timeline-2026-01-02T03-04-05.678Z.json ',
  ])('is not a backup name: %s', (name) => {
    expect(parseBackupName(name)).toBeNull();
  });

  it('sorts by number, not by time, with unnumbered backups last by time; other files out', () => {
    const names = [
      legacyBackupName(at('2026-01-02T00:00:00.000Z')),
      backupName(2, at('2027-01-01T00:00:00.000Z')), // made while the clock ran a year ahead
      'notes.txt',
      backupName(3, at('2026-01-03T00:05:00.000Z')),
      legacyBackupName(at('2026-01-03T00:00:00.000Z')),
      backupName(1, at('2026-01-03T00:01:00.000Z')),
    ];
    expect(sortBackups(names).map((b) => b.id)).toEqual([
      names[3],
      names[1],
      names[5],
      names[4],
      names[0],
    ]);
  });

  it('numbers the next backup one above the highest so far', () => {
    expect(nextSeq([])).toBe(1);
    expect(nextSeq([legacyBackupName(at('2026-01-02T00:00:00.000Z')), 'notes.txt'])).toBe(1);
    const numbered = [12, 7].map((seq) => backupName(seq, at('2026-01-02T00:00:00.000Z')));
    expect(nextSeq(numbered)).toBe(13);
  });
});

describe('when a backup is due', () => {
  const now = at('2026-01-02T03:10:00.000Z');
  it.each([
    ['there is none yet', null, true],
    ['the last is 4 minutes old', at('2026-01-02T03:06:00.000Z'), false],
    ['the last is 5 minutes old', at('2026-01-02T03:05:00.000Z'), true],
    ['the clock went back', at('2026-01-02T04:00:00.000Z'), true],
    ['the last was made while the clock ran a year ahead', at('2027-01-02T03:00:00.000Z'), true],
  ])('%s', (_, last, due) => {
    expect(isBackupDue(last, now, 5 * 60_000)).toBe(due);
  });
});

describe('which backups are kept', () => {
  it('keeps every backup while there are few', () => {
    const names = [0, 1, 2].map((i) => backupName(i + 1, at(`2026-01-0${i + 1}T12:00:00.000Z`)));
    expect(backupsToKeep(small(names), smallStore)).toEqual(new Set(names));
  });

  it('keeps the 10 newest and the newest of each of the 7 latest days that have one', () => {
    // Every 5 minutes for an hour on each of 10 days.
    const names: string[] = [];
    for (let day = 1; day <= 10; day++) {
      for (let minute = 0; minute < 60; minute += 5) {
        const iso = `2026-01-${String(day).padStart(2, '0')}T09:${String(minute).padStart(2, '0')}:00.000Z`;
        names.push(backupName(names.length + 1, at(iso)));
      }
    }
    const keep = [...backupsToKeep(small(names), smallStore)].sort();
    const recent = sortBackups(names)
      .slice(0, KEEP_RECENT)
      .map((b) => b.id);
    // Day d's newest is the 12th of its day.
    const dailies = [4, 5, 6, 7, 8, 9].map((day) => names[day * 12 - 1]!);
    // Day 10's newest is among the 10 newest; days 4 to 9 add their newest; days 1 to 3 go.
    expect(keep).toEqual([...dailies, ...recent].sort());
    expect(keep).toHaveLength(16);
  });

  it('counts only days that have backups, so months without use lose no dailies', () => {
    const days = ['2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01'];
    days.push('2025-10-01', '2025-11-01', '2026-01-01');
    const names = days.flatMap((day, i) => [
      backupName(2 * i + 1, at(`${day}T08:00:00.000Z`)),
      backupName(2 * i + 2, at(`${day}T18:00:00.000Z`)),
    ]);
    const kept = [...backupsToKeep(small(names), smallStore)].sort();
    expect(kept).toEqual([names[3]!, names[5]!, ...names.slice(6)].sort());
  });

  it('keeps the newest backups only while they take at most twice the store size', () => {
    const storeBytes = 1024 * KB;
    const names = Array.from({ length: 10 }, (_, i) =>
      backupName(i + 1, at(`2026-01-02T09:${String(i * 5).padStart(2, '0')}:00.000Z`)),
    );
    const files = names.map((name) => ({ name, bytes: 300 * KB }));
    const kept = backupsToKeep(files, { now: at('2026-01-02T10:00:00.000Z'), storeBytes });
    // Six fit in 2 MB, a seventh would not; all are of one day, whose newest is kept anyway.
    expect([...kept].sort()).toEqual(names.slice(4));
    expect(kept.size * 300 * KB).toBeLessThanOrEqual(2 * storeBytes);
  });

  it('always keeps the newest, however large, and lets a small store keep ten', () => {
    const names = [1, 2, 3].map((seq) => backupName(seq, at(`2026-01-02T09:0${seq}:00.000Z`)));
    const rule = { now: at('2026-01-02T10:00:00.000Z'), storeBytes: 100 * KB };
    const huge = names.map((name) => ({ name, bytes: 50 * MIN_BUDGET_BYTES }));
    expect(backupsToKeep(huge, rule)).toEqual(new Set([names[2]]));
    // 2 x 100 KB would hold two of these; below the floor the count alone decides.
    const modest = names.map((name) => ({ name, bytes: 150 * KB }));
    expect(backupsToKeep(modest, rule)).toEqual(new Set(names));
  });

  it('gives a backup dated in the future no day of its own, so it leaves with the newest', () => {
    const names: string[] = [];
    // One a day from 28 December to 5 January, then one made while the clock ran a year
    // ahead, then twelve on 6 January once it was set right.
    for (let day = 0; day < 9; day++) {
      const date = new Date(Date.UTC(2025, 11, 28 + day, 9));
      names.push(backupName(names.length + 1, date));
    }
    const future = backupName(names.length + 1, at('2027-01-06T09:00:00.000Z'));
    names.push(future);
    for (let minute = 0; minute < 60; minute += 5) {
      const iso = `2026-01-06T10:${String(minute).padStart(2, '0')}:00.000Z`;
      names.push(backupName(names.length + 1, at(iso)));
    }
    const kept = backupsToKeep(small(names), {
      now: at('2026-01-06T11:00:00.000Z'),
      storeBytes: 0,
    });
    expect(kept.has(future)).toBe(false);
    // The ten newest and six earlier days: 31 December to 5 January.
    expect([...kept].sort()).toEqual([...names.slice(3, 9), ...names.slice(-10)].sort());
  });
});
