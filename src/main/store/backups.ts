/**
 * Rolling backups of the store in `<dataDir>/backups/`: made after a store write when the last
 * is older than the interval, gzip-compressed as they are written (node:zlib streams the text's
 * parts, so no copy the size of the store is made), fsynced and renamed into place, numbered so
 * that their order never rests on the clock, and pruned by backup-schedule's rules (count, total
 * size, one a day). A backup never holds up or fails a store write: it runs afterwards, its
 * errors are only logged, and it is skipped when the disk is short of space, which the store's
 * own next write needs more.
 */
import { mkdir, readdir, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';

import type { BackupInfo } from '../../shared/contract';
import type { MigrationStep } from '../../shared/formats/migrate';
import type { TimelineDocument } from '../../shared/schema';
import type { AtomicWriteOptions, FileText } from './atomic-write';
import { type BackupSource, sourceSize, writeBackup } from './backup-file';
import {
  BACKUP_INTERVAL_MS,
  backupName,
  backupsToKeep,
  isBackupDue,
  type KeepRule,
  nextSeq,
  parseBackupName,
  sortBackups,
} from './backup-schedule';
import { isErrno, readStoreFileAside, type StoreFileState } from './store-file';

export const BACKUP_DIR_NAME = 'backups';

export interface BackupOptions {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly intervalMs?: number;
  readonly write?: AtomicWriteOptions;
  readonly migrations?: readonly MigrationStep[];
  readonly log?: (message: string, error: unknown) => void;
  /** Bytes free to this user on the disk that holds `dir` (statfs; tests pass their own). */
  readonly freeBytes?: (dir: string) => Promise<number>;
}

/**
 * A backup is made only when, besides its own size, this much or twice the store's size
 * (whichever is more) stays free: room for the store's next write, whose temp file sits beside
 * the old store until the rename, as the store grows; 64 MB keeps a small store's backups from
 * taking a nearly full disk's last megabytes from everything else.
 */
export const SPACE_MARGIN_BYTES = 64 * 1024 * 1024;

export interface ValidBackup {
  readonly id: string;
  readonly path: string;
  readonly createdAt: Date;
  readonly document: TimelineDocument;
}

export interface BackupKeeper {
  readonly dir: string;
  /** Called with the text just written to the store; backs it up if one is due. Never throws. */
  afterWrite(text: FileText): void;
  /** Called with the store file opened as it is; copies it if a backup is due. Never throws. */
  afterOpen(storePath: string): void;
  /** True when the next store write would be backed up. */
  isDue(): boolean;
  /** Resolves when no backup is being written. */
  idle(): Promise<void>;
  /** Readable backups, newest first; damaged ones are left out. */
  list(): Promise<BackupInfo[]>;
  /** Reads a backup by id; null when the id is not a backup's file name (e.g. a path). */
  read(id: string): Promise<StoreFileState | null>;
  /** The newest backup that reads and validates, if any. */
  newestValid(): Promise<ValidBackup | null>;
}

export async function openBackups(options: BackupOptions): Promise<BackupKeeper> {
  const dir = join(options.dataDir, BACKUP_DIR_NAME);
  const intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const freeBytes = options.freeBytes ?? freeBytesOnDisk;
  const names = await backupNames(dir);
  // Temp files left by a crash mid-backup are never a backup: clear them.
  await Promise.all(
    names
      .filter((name) => name.endsWith('.tmp'))
      .map((name) => rm(join(dir, name), { force: true })),
  );
  let seq = nextSeq(names);
  // When a backup was last made or skipped for want of space.
  let lastTry = sortBackups(names)[0]?.at ?? null;
  let running: Promise<void> | null = null;
  let waiting: BackupSource | null = null;

  const backUp = async (source: BackupSource): Promise<void> => {
    const at = options.now();
    await mkdir(dir, { recursive: true });
    const size = await sourceSize(source);
    const free = await freeBytes(dir);
    const needed = size + Math.max(2 * size, SPACE_MARGIN_BYTES);
    if (free < needed) {
      // Tried again after the interval, not at every save: a disk stays full for a while.
      lastTry = at;
      log(
        `Backup skipped: only ${megabytes(free)} free on ${dir}; a backup needs ${megabytes(needed)} ` +
          `(its own size and room for the store's next write)`,
        { freeBytes: free, neededBytes: needed },
      );
      return;
    }
    const storeBytes = await writeBackup(source, join(dir, backupName(seq, at)), options.write);
    seq += 1;
    lastTry = at;
    await prune(dir, { now: options.now(), storeBytes });
  };

  const backUpIfDue = (source: BackupSource): void => {
    // One backup at a time; a write during one is considered again when it ends.
    if (running !== null) {
      waiting = source;
      return;
    }
    if (!isBackupDue(lastTry, options.now(), intervalMs)) return;
    running = backUp(source)
      .catch((error: unknown) => log(`Backup into ${dir} failed`, error))
      .finally(() => {
        running = null;
        const next = waiting;
        waiting = null;
        if (next !== null) backUpIfDue(next);
      });
  };

  const read = async (id: string): Promise<StoreFileState | null> =>
    parseBackupName(id) === null ? null : readStoreFileAside(join(dir, id), options.migrations);

  return {
    dir,
    afterWrite: (text) => backUpIfDue({ kind: 'text', text }),
    afterOpen: (storePath) => backUpIfDue({ kind: 'file', path: storePath }),
    isDue: () => isBackupDue(lastTry, options.now(), intervalMs),
    idle: async () => {
      while (running !== null) await running;
    },
    list: async () => {
      const infos: BackupInfo[] = [];
      for (const { id, at } of sortBackups(await backupNames(dir))) {
        const state = await read(id);
        if (state?.kind !== 'valid') continue;
        infos.push({
          id,
          createdAt: at.toISOString(),
          eventCount: state.document.events.length,
          // The timeline's size, as for a plain backup, not the compressed file's.
          sizeBytes: state.sizeBytes,
        });
      }
      return infos;
    },
    read,
    newestValid: async () => {
      for (const { id, at } of sortBackups(await backupNames(dir))) {
        const state = await read(id);
        if (state?.kind === 'valid') {
          return { id, path: join(dir, id), createdAt: at, document: state.document };
        }
      }
      return null;
    },
  };
}

/** Removes the backups the schedule no longer keeps (any file not a backup's is left alone). */
async function prune(dir: string, rule: KeepRule): Promise<void> {
  const files = await Promise.all(
    (await backupNames(dir))
      .filter((name) => parseBackupName(name) !== null)
      .map(async (name) => ({
        name,
        bytes: await stat(join(dir, name)).then(
          (info) => info.size,
          () => 0,
        ),
      })),
  );
  const keep = backupsToKeep(files, rule);
  const stale = files.filter((file) => !keep.has(file.name));
  await Promise.all(stale.map((file) => rm(join(dir, file.name), { force: true })));
}

/** Free bytes for this user; a disk that will not say does not stop a backup (ENOSPC would). */
async function freeBytesOnDisk(dir: string): Promise<number> {
  try {
    const info = await statfs(dir);
    return info.bavail * info.bsize;
  } catch {
    return Infinity;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function backupNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}
