/**
 * Reading the store file (and backups): a file that cannot be read or does not validate is moved
 * aside (never overwritten) and the caller is told where it went.
 */
import { constants } from 'node:fs';
import { copyFile, open, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

import { MIGRATIONS, type MigrationStep } from '../../shared/formats/migrate';
import { runToEnd } from '../../shared/steps';
import { inWorkerOr, readStoreFileInWorker, WORKER_MIN_BYTES } from '../document-worker/client';
import { retryTransient, syncFile, syncFolder } from './atomic-write';
import { checkStoreText, isErrno, readStoreText, type StoreFileState } from './store-file-check';

export { errorMessage, isErrno, type StoreFileState } from './store-file-check';

/**
 * Reads, upgrades (older format versions) and validates a store or backup file without
 * changing anything on disk, in this thread: the quickest way, for the start, when nothing
 * waits on the main process yet.
 */
export async function readStoreFile(
  path: string,
  migrations: readonly MigrationStep[] = MIGRATIONS,
): Promise<StoreFileState> {
  const read = await readStoreText(path);
  if (read.kind !== 'text') return read;
  return runToEnd(checkStoreText(read.text, migrations));
}

/**
 * readStoreFile while the app is in use (backups): a large file is read and checked in the
 * document worker, so the main process keeps answering meanwhile; the checks are the same.
 */
export async function readStoreFileAside(
  path: string,
  migrations: readonly MigrationStep[] = MIGRATIONS,
): Promise<StoreFileState> {
  if (migrations === MIGRATIONS && (await sizeOf(path)) >= WORKER_MIN_BYTES) {
    return inWorkerOr(
      () => readStoreFileInWorker(path),
      () => readStoreFile(path, migrations),
    );
  }
  return readStoreFile(path, migrations);
}

/** The size of the text a file holds: a gzip file's last 4 bytes say it (modulo 4 GiB). */
async function sizeOf(path: string): Promise<number> {
  try {
    const { size } = await stat(path);
    if (!path.endsWith('.gz') || size < 4) return size;
    const handle = await open(path, 'r');
    try {
      const { buffer } = await handle.read(Buffer.alloc(4), 0, 4, size - 4);
      return buffer.readUInt32LE(0);
    } finally {
      await handle.close();
    }
  } catch {
    return 0; // reading it says why it cannot be read
  }
}

/** Moves a store file (damaged, or another program's) to a free name beside it; returns it. */
export async function moveAside(path: string, at: Date, tag = 'damaged'): Promise<string> {
  const target = await freeSibling(path, tag, at);
  await retryTransient(() => rename(path, target));
  await syncFolder(dirname(path));
  return target;
}

/** Copies a file to a free name beside it (the original stays) and returns the copy's path. */
export async function copyAside(path: string, tag: string, at: Date): Promise<string> {
  const target = await freeSibling(path, tag, at);
  await retryTransient(() => copyFile(path, target, constants.COPYFILE_EXCL));
  await syncFile(target);
  await syncFolder(dirname(path));
  return target;
}

/** `<stem>.<tag>-<time>[-n]<ext>` beside the file, never the name of an existing file. */
export async function freeSibling(path: string, tag: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const ext = extname(path);
  const stem = basename(path, ext);
  for (let attempt = 0; ; attempt++) {
    const suffix = attempt === 0 ? '' : `-${attempt}`;
    const target = join(dirname(path), `${stem}.${tag}-${stamp}${suffix}${ext}`);
    try {
      await stat(target);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return target;
      throw error;
    }
  }
}
