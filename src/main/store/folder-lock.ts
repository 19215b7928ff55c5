/**
 * One writer per data folder. Two processes on one folder (two copies of the app, or the app and
 * the browser preview) would each write the store and the last one would win without a word, so
 * the folder is locked before the store opens: `timeline.lock`, made with O_EXCL, holding the
 * holder's pid, host name and start time. A lock whose process no longer runs on this host (a
 * crash) is taken over; one from another host is respected, since its pid cannot be checked.
 * A pid file rather than proper-lockfile's refreshed mtime: a crash is taken over at once, no
 * timer touches the disk, a laptop waking from sleep keeps its lock, and the refusal can name
 * the process.
 */
import { mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { readOnlyNotice } from './folder-access';
import { isProcessAlive } from './process-alive';

export const LOCK_FILE_NAME = 'timeline.lock';
/** A lock file without a holder this old is a crash between making it and writing it. */
const UNWRITTEN_LOCK_MS = 5000;
/** Takeovers of stale locks before giving up (each is lost only to another opener). */
const ATTEMPTS = 3;

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
}

/** The refusal: another process has the folder. Its message is for the user. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    super(inUseMessage(folder, holder));
    this.name = 'DataFolderInUseError';
  }
}

export interface FolderLock {
  /** The folder's real path: symlinks, relative parts and trailing slashes resolved. */
  readonly folder: string;
  /** False when the folder cannot be written: nothing can be saved there, so none was needed. */
  readonly held: boolean;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): Promise<void>;
  /**
   * Makes the lock file again after the folder was deleted under a running app (the store
   * makes the folder again first); throws DataFolderInUseError if another process took it.
   */
  renew(): Promise<void>;
}

/** Real paths of the folders this process holds: a second open here is refused too. */
const heldHere = new Set<string>();

/** Locks `dataDir` (made if missing) for this process, or throws DataFolderInUseError. */
export async function lockDataFolder(dataDir: string): Promise<FolderLock> {
  await mkdir(dataDir, { recursive: true });
  const folder = await realpath(dataDir);
  const lockPath = join(folder, LOCK_FILE_NAME);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  };
  // Checked and reserved with no await between: two opens in this process cannot both win.
  if (heldHere.has(folder)) throw new DataFolderInUseError(folder, me);
  heldHere.add(folder);
  const text = `${JSON.stringify(me)}\n`;
  try {
    const held = await takeLock(folder, lockPath, text);
    return {
      folder,
      held,
      release: () => release(folder, lockPath, held ? text : null),
      renew: () => (held ? renew(folder, lockPath, text) : Promise.resolve()),
    };
  } catch (error) {
    heldHere.delete(folder);
    throw error;
  }
}

/** Makes the lock file; false when the folder is read-only. */
async function takeLock(folder: string, lockPath: string, text: string): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await writeFile(lockPath, text, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A read-only folder opens without a lock (it says so); any other failure is real.
        if ((await readOnlyNotice(folder)) !== null) return false;
        throw error;
      }
    }
    const found = await readLock(lockPath);
    if (found === null) continue; // removed meanwhile: try again
    if (!isStale(found)) throw new DataFolderInUseError(folder, found.holder);
    // Only the stale file just read is removed, not one another opener has made since.
    if ((await readLock(lockPath))?.text === found.text) await rm(lockPath, { force: true });
  }
  throw new DataFolderInUseError(folder, null);
}

interface FoundLock {
  readonly text: string;
  /** Null when the file holds no holder (being written, or a crash before it was). */
  readonly holder: LockHolder | null;
  readonly ageMs: number;
}

async function readLock(lockPath: string): Promise<FoundLock | null> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, holder: parseHolder(text), ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, hostname: host, startedAt } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedAt !== 'string') {
      return null;
    }
    return { pid, hostname: host, startedAt };
  } catch {
    return null;
  }
}

/** A lock nobody holds any more: its process is gone from this host. */
function isStale({ holder, ageMs }: FoundLock): boolean {
  if (holder === null) return ageMs > UNWRITTEN_LOCK_MS;
  if (holder.hostname !== hostname()) return false;
  // Our own pid in a lock this process does not hold (see heldHere): an earlier process had it.
  if (holder.pid === process.pid) return true;
  return !isProcessAlive(holder.pid);
}

async function renew(folder: string, lockPath: string, text: string): Promise<void> {
  if (!heldHere.has(folder)) return;
  try {
    await writeFile(lockPath, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const found = await readLock(lockPath);
    if (found !== null && found.text !== text) throw new DataFolderInUseError(folder, found.holder);
  }
}

async function release(folder: string, lockPath: string, text: string | null): Promise<void> {
  if (!heldHere.delete(folder) || text === null) return;
  const found = await readLock(lockPath).catch(() => null);
  if (found?.text === text) await rm(lockPath, { force: true });
}

function inUseMessage(folder: string, holder: LockHolder | null): string {
  const here = holder === null || holder.hostname === hostname();
  const who =
    holder === null
      ? ''
      : here
        ? `, process ${holder.pid}`
        : `, process ${holder.pid} on ${holder.hostname}`;
  const cleared = here
    ? ''
    : ` If it no longer runs there, delete ${join(folder, LOCK_FILE_NAME)} and start again.`;
  return (
    `Timeline Desk is already open on this data folder (${folder}${who}). Close it first, ` +
    `or start with --data-dir and another folder.${cleared}`
  );
}
