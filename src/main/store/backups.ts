/**
 * Rolling backups of the store in `<dataDir>/backups/`: made after a store write when the newest
 * is older than the interval, written atomically, pruned by backup-schedule's rules. A backup
 * never holds up or fails a store write: it runs afterwards and its errors are only logged.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { BackupInfo } from '../../shared/contract';
import type { MigrationStep } from '../../shared/formats/migrate';
import type { TimelineDocument } from '../../shared/schema';
import {
  type AtomicWriteOptions,
  type FileText,
  retryTransient,
  writeFileAtomic,
} from './atomic-write';
import {
  BACKUP_INTERVAL_MS,
  backupName,
  backupsToKeep,
  backupTime,
  isBackupDue,
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
}

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
  const names = await backupNames(dir);
  // Temp files left by a crash mid-backup are never a backup: clear them.
  await Promise.all(
    names
      .filter((name) => name.endsWith('.tmp'))
      .map((name) => rm(join(dir, name), { force: true })),
  );
  let newest = sortBackups(names)[0]?.at ?? null;
  let running: Promise<void> | null = null;
  let waiting: BackupSource | null = null;

  const backUp = async (source: BackupSource): Promise<void> => {
    const at = options.now();
    await mkdir(dir, { recursive: true });
    const target = join(dir, backupName(at));
    if (source.kind === 'text') await writeFileAtomic(target, source.text, options.write);
    else await copyAtomic(source.path, target);
    newest = at;
    const all = await backupNames(dir);
    const keep = backupsToKeep(all);
    const stale = all.filter((name) => backupTime(name) !== null && !keep.has(name));
    await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  };

  const backUpIfDue = (source: BackupSource): void => {
    // One backup at a time; a write during one is considered again when it ends.
    if (running !== null) {
      waiting = source;
      return;
    }
    if (!isBackupDue(newest, options.now(), intervalMs)) return;
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
    backupTime(id) === null ? null : readStoreFileAside(join(dir, id), options.migrations);

  return {
    dir,
    afterWrite: (text) => backUpIfDue({ kind: 'text', text }),
    afterOpen: (storePath) => backUpIfDue({ kind: 'file', path: storePath }),
    isDue: () => isBackupDue(newest, options.now(), intervalMs),
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

/** What a backup copies: the text just written, or the store file as it was opened. */
type BackupSource =
  | { readonly kind: 'text'; readonly text: FileText }
  | { readonly kind: 'file'; readonly path: string };

/** Copies a file so that the target is whole or absent, never half a copy. */
async function copyAtomic(from: string, to: string): Promise<void> {
  const temp = join(dirname(to), `.${basename(to)}.tmp`);
  try {
    await retryTransient(() => copyFile(from, temp, constants.COPYFILE_FICLONE));
    await retryTransient(() => rename(temp, to));
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function backupNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}
