import { describe, expect, it } from 'vitest';

import {
  backupName,
  backupsToKeep,
  backupTime,
  isBackupDue,
  KEEP_RECENT,
  sortBackups,
} from './backup-schedule';

const at = (iso: string) => new Date(iso);

describe('backup names', () => {
  it('names a backup by its UTC time with "-" for ":" and reads the time back', () => {
    const name = backupName(at('2026-01-02T03:04:05.678Z'));
    expect(name).toBe('timeline-2026-01-02T03-04-05.678Z.json');
    expect(backupTime(name)).toEqual(at('2026-01-02T03:04:05.678Z'));
  });

  it.each([
    '../timeline-2026-01-02T03-04-05.678Z.json',
    'timeline-2026-01-02T03-04-05.678Z.json/../../timeline.json',
    'sub/timeline-2026-01-02T03-04-05.678Z.json',
    'sub\\timeline-2026-01-02T03-04-05.678Z.json',
    '..',
    'timeline.json',
    'timeline-2026-01-02T03:04:05.678Z.json',
    'timeline-2026-13-40T03-04-05.678Z.json',
    '.timeline-2026-01-02T03-04-05.678Z.json.tmp',
    'timeline-2026-01-02T03-04-05.678Z.json ',
  ])('is not a backup name: %s', (name) => {
    expect(backupTime(name)).toBeNull();
  });

  it('sorts backups newest first and leaves other files out', () => {
    const names = [
      backupName(at('2026-01-02T00:00:00.000Z')),
      'notes.txt',
      backupName(at('2026-01-03T00:00:00.000Z')),
      backupName(at('2025-12-31T23:59:59.999Z')),
    ];
    expect(sortBackups(names).map((b) => b.at.toISOString())).toEqual([
      '2026-01-03T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2025-12-31T23:59:59.999Z',
    ]);
  });
});

describe('when a backup is due', () => {
  const now = at('2026-01-02T03:10:00.000Z');
  it.each([
    ['there is none yet', null, true],
    ['the newest is 4 minutes old', at('2026-01-02T03:06:00.000Z'), false],
    ['the newest is 5 minutes old', at('2026-01-02T03:05:00.000Z'), true],
    ['the clock went back', at('2026-01-02T04:00:00.000Z'), true],
  ])('%s', (_, newest, due) => {
    expect(isBackupDue(newest, now, 5 * 60_000)).toBe(due);
  });
});

describe('which backups are kept', () => {
  it('keeps every backup while there are few', () => {
    const names = [0, 1, 2].map((i) => backupName(at(`2026-01-0${i + 1}T12:00:00.000Z`)));
    expect(backupsToKeep(names)).toEqual(new Set(names));
  });

  it('keeps the 10 newest and the newest of each of the 7 latest days that have one', () => {
    // Every 5 minutes for an hour on each of 10 days.
    const names: string[] = [];
    for (let day = 1; day <= 10; day++) {
      for (let minute = 0; minute < 60; minute += 5) {
        const iso = `2026-01-${String(day).padStart(2, '0')}T09:${String(minute).padStart(2, '0')}:00.000Z`;
        names.push(backupName(at(iso)));
      }
    }
    const keep = [...backupsToKeep(names)].sort();
    const recent = sortBackups(names)
      .slice(0, KEEP_RECENT)
      .map((b) => b.id);
    const dailies = [4, 5, 6, 7, 8, 9].map((day) =>
      backupName(at(`2026-01-${String(day).padStart(2, '0')}T09:55:00.000Z`)),
    );
    // Day 10's newest is among the 10 newest; days 4 to 9 add their newest; days 1 to 3 go.
    expect(keep).toEqual([...dailies, ...recent].sort());
    expect(keep).toHaveLength(16);
  });

  it('counts only days that have backups, so months without use lose no dailies', () => {
    const days = ['2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01'];
    days.push('2025-10-01', '2025-11-01', '2026-01-01');
    const names = days.flatMap((day) => [
      backupName(at(`${day}T08:00:00.000Z`)),
      backupName(at(`${day}T18:00:00.000Z`)),
    ]);
    const kept = [...backupsToKeep(names)].sort();
    expect(kept).toEqual(
      [
        backupName(at('2025-06-01T18:00:00.000Z')),
        backupName(at('2025-07-01T18:00:00.000Z')),
        ...names.slice(6),
      ].sort(),
    );
  });
});
