/**
 * When to back up and which backups to keep (pure). A backup's name carries a sequence number
 * the app counts up and the time it recorded: timeline-00000042-2026-01-02T03-04-05.678Z.json.gz
 * (ISO time, "-" for ":"). Order is by the number, never by the time: the clock can jump, and a
 * backup made while it ran a year ahead must not stay "newest" once it is set right. The number
 * is in the name rather than in an index file because a rename puts name and content in place
 * together; an index would be a second file to keep in step, and to lose. Backups from before
 * numbering (timeline-<time>.json, plain JSON) sort before every numbered one, by time.
 */

/** How old the newest backup may get before the next store write makes another. */
export const BACKUP_INTERVAL_MS = 5 * 60_000;
/** The newest backups kept, as long as they fit the size budget. */
export const KEEP_RECENT = 10;
/** Besides those, the newest backup of each of this many most recent days that have one. */
export const KEEP_DAYS = 7;
/**
 * The recent backups together take at most twice the store's size (backups' bytes on disk
 * against the store's plain text), but never less than this: ten backups of a small timeline
 * cost less than the space the backups keep free anyway (backups.ts).
 */
export const MIN_BUDGET_BYTES = 1024 * 1024;

const SEQ_DIGITS = 8;
const TIME = String.raw`(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2}\.\d{3})Z`;
const NUMBERED_NAME = new RegExp(`^timeline-(\\d{${SEQ_DIGITS},})-${TIME}\\.json\\.gz$`);
const LEGACY_NAME = new RegExp(`^timeline-${TIME}\\.json$`);

export interface BackupName {
  readonly id: string;
  /** Null for a backup from before numbering. */
  readonly seq: number | null;
  /** The time the app recorded when it made the backup (its clock may have been wrong). */
  readonly at: Date;
}

/** A gzip-compressed backup's name. */
export function backupName(seq: number, at: Date): string {
  return `timeline-${String(seq).padStart(SEQ_DIGITS, '0')}-${fileTime(at)}.json.gz`;
}

/** The name backups had before they were numbered and compressed (still read and restored). */
export function legacyBackupName(at: Date): string {
  return `timeline-${fileTime(at)}.json`;
}

const fileTime = (at: Date) => at.toISOString().replace(/:/g, '-');

/** A backup's number and time, or null for any name that is not exactly a backup's name. */
export function parseBackupName(id: string): BackupName | null {
  const numbered = NUMBERED_NAME.exec(id);
  const match = numbered ?? LEGACY_NAME.exec(id);
  if (!match) return null;
  const [day, hours, minutes, seconds] = numbered ? match.slice(2) : match.slice(1);
  const at = new Date(`${day}T${hours}:${minutes}:${seconds}Z`);
  if (Number.isNaN(at.getTime())) return null;
  const seq = numbered ? Number(numbered[1]) : null;
  const canonical = seq === null ? legacyBackupName(at) : backupName(seq, at);
  return canonical === id && (seq === null || Number.isSafeInteger(seq)) ? { id, seq, at } : null;
}

/** Backups newest first (by number; unnumbered ones last, by time); other files left out. */
export function sortBackups(names: readonly string[]): BackupName[] {
  return names
    .flatMap((name) => parseBackupName(name) ?? [])
    .sort((a, b) => (b.seq ?? -1) - (a.seq ?? -1) || b.at.getTime() - a.at.getTime());
}

/** The number for the next backup: one more than any so far. */
export function nextSeq(names: readonly string[]): number {
  return Math.max(0, ...names.map((name) => parseBackupName(name)?.seq ?? 0)) + 1;
}

/**
 * A backup is due when there is none yet, the last one is old enough, or it is dated after
 * now (the clock went back, or ran ahead when it was made): a future date never holds one off.
 */
export function isBackupDue(last: Date | null, now: Date, intervalMs: number): boolean {
  if (last === null) return true;
  const age = now.getTime() - last.getTime();
  return age >= intervalMs || age < 0;
}

export interface BackupFile {
  readonly name: string;
  /** Its size on disk. */
  readonly bytes: number;
}

export interface KeepRule {
  readonly now: Date;
  /** The size of the store's text the latest backup copied. */
  readonly storeBytes: number;
}

/**
 * The backups to keep: the newest (always), then the next newest while there are fewer than
 * KEEP_RECENT and they fit the size budget together; plus the newest of each of the KEEP_DAYS
 * most recent UTC days that have a backup (days with none are skipped, so a week away loses
 * nothing). A backup dated after now has no day: it is kept only while it is among the newest.
 */
export function backupsToKeep(files: readonly BackupFile[], rule: KeepRule): Set<string> {
  const bytes = new Map(files.map((file) => [file.name, file.bytes]));
  const newestFirst = sortBackups(files.map((file) => file.name));
  const budget = Math.max(2 * rule.storeBytes, MIN_BUDGET_BYTES);
  const keep = new Set<string>();
  let total = 0;
  for (const { id } of newestFirst) {
    const size = bytes.get(id) ?? 0;
    if (keep.size === KEEP_RECENT || (keep.size > 0 && total + size > budget)) break;
    keep.add(id);
    total += size;
  }
  const days = new Set<string>();
  for (const { id, at } of newestFirst) {
    if (at.getTime() > rule.now.getTime()) continue;
    const day = at.toISOString().slice(0, 10);
    if (days.has(day)) continue;
    if (days.size === KEEP_DAYS) break;
    days.add(day);
    keep.add(id);
  }
  return keep;
}
