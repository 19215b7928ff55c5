/**
 * When to back up and which backups to keep (pure). Backups are named by their UTC time, so
 * names sort by age: timeline-2026-01-02T03-04-05.678Z.json (ISO time, "-" for ":").
 */

/** How old the newest backup may get before the next store write makes another. */
export const BACKUP_INTERVAL_MS = 5 * 60_000;
/** The newest backups always kept. */
export const KEEP_RECENT = 10;
/** Besides those, the newest backup of each of this many most recent days that have one. */
export const KEEP_DAYS = 7;

const BACKUP_NAME = /^timeline-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2}\.\d{3})Z\.json$/;

export function backupName(at: Date): string {
  return `timeline-${at.toISOString().replace(/:/g, '-')}.json`;
}

/** The time a backup was made, or null for any name that is not exactly a backup's name. */
export function backupTime(name: string): Date | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds] = match;
  const at = new Date(`${day}T${hours}:${minutes}:${seconds}Z`);
  return Number.isNaN(at.getTime()) || backupName(at) !== name ? null : at;
}

/** A backup is due when there is none yet, the newest is old enough, or the clock went back. */
export function isBackupDue(newest: Date | null, now: Date, intervalMs: number): boolean {
  if (newest === null) return true;
  const age = now.getTime() - newest.getTime();
  return age >= intervalMs || age < 0;
}

export interface BackupName {
  readonly id: string;
  readonly at: Date;
}

/** Backups newest first, with their times; anything that is not a backup's name is left out. */
export function sortBackups(names: readonly string[]): BackupName[] {
  return names
    .flatMap((id) => {
      const at = backupTime(id);
      return at === null ? [] : [{ id, at }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * The backups to keep: the KEEP_RECENT newest, plus the newest of each of the KEEP_DAYS most
 * recent UTC days that have a backup (days with none are skipped, so a week away loses nothing).
 */
export function backupsToKeep(names: readonly string[]): Set<string> {
  const newestFirst = sortBackups(names);
  const keep = new Set(newestFirst.slice(0, KEEP_RECENT).map((backup) => backup.id));
  const days = new Set<string>();
  for (const { id, at } of newestFirst) {
    const day = at.toISOString().slice(0, 10);
    if (days.has(day)) continue;
    if (days.size === KEEP_DAYS) break;
    days.add(day);
    keep.add(id);
  }
  return keep;
}
