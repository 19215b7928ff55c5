/**
 * Atomic file writes (a temp file, flushed to the disk, then a rename) that ride out Windows'
 * transient locks: a virus scanner or indexer holding the file makes rename fail with EPERM,
 * EBUSY or EACCES for a moment, so those errors are retried with backoff before the write is
 * given up. Each write has a temp name of its own (pid and count), so two writes in flight never
 * rename each other's half-written file into place.
 */
import { type FileHandle, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { isProcessAlive } from './process-alive';

/** A file's text, whole or in parts written one after another (large files: no giant string). */
export type FileText = string | readonly string[];

/** The file operations a write needs; tests pass failing ones to simulate a locked file. */
export interface WriteOps {
  writeFile(path: string, text: FileText): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Appends a journal line durably (journal.ts's appendDurably when not given). */
  append?(path: string, line: string): Promise<void>;
}

export const nodeWriteOps: WriteOps = {
  writeFile: (path, text) => writeDurably(path, text),
  rename: (from, to) => rename(from, to),
};

/** Text is encoded into one buffer of this size, written out each time it fills. */
const BLOCK_BYTES = 512 * 1024;
/** Small parts are joined up to about this many characters and encoded in one call. */
const JOIN_CHARS = 32 * 1024;

/**
 * Writes the text as UTF-8 and waits until it is on the disk (fsync), so the rename that
 * follows never puts an empty or partial file in place after a power cut. The parts are
 * encoded into one reused buffer: no string or buffer the size of the file is ever made (at
 * 50 MB that costs more than the writing), and the event loop runs between the writes.
 */
async function writeDurably(path: string, text: FileText): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const block = new BlockWriter(handle);
    for (const part of typeof text === 'string' ? [text] : text) {
      if (part.length > JOIN_CHARS) await block.addLarge(part);
      else if (block.push(part)) await block.drain();
    }
    await block.end();
    await handle.sync();
  } finally {
    await handle.close();
  }
}

class BlockWriter {
  readonly #block = Buffer.allocUnsafe(BLOCK_BYTES);
  #used = 0;
  #pending: string[] = [];
  #pendingChars = 0;

  constructor(private readonly handle: FileHandle) {}

  /** Takes a small part; true when the buffer must be written out before the next. */
  push(part: string): boolean {
    this.#pending.push(part);
    this.#pendingChars += part.length;
    if (this.#pendingChars < JOIN_CHARS) return false;
    this.#encode();
    // What is pending next is under 2 * JOIN_CHARS units: at most 3 bytes each in UTF-8.
    return BLOCK_BYTES - this.#used < 6 * JOIN_CHARS;
  }

  async drain(): Promise<void> {
    let written = 0;
    while (written < this.#used) {
      const { bytesWritten } = await this.handle.write(this.#block, written, this.#used - written);
      written += bytesWritten;
    }
    this.#used = 0;
  }

  async end(): Promise<void> {
    this.#encode();
    await this.drain();
  }

  /** A part too large to join, a block at a time, never splitting a surrogate pair. */
  async addLarge(part: string): Promise<void> {
    await this.end();
    const unitsPerBlock = Math.floor(BLOCK_BYTES / 3);
    for (let from = 0; from < part.length;) {
      let to = Math.min(part.length, from + unitsPerBlock);
      if (to < part.length && isHighSurrogate(part.charCodeAt(to - 1))) to--;
      this.#used += this.#block.write(part.slice(from, to), this.#used);
      await this.drain();
      from = to;
    }
  }

  #encode(): void {
    if (this.#pending.length === 0) return;
    const text = this.#pending.length === 1 ? (this.#pending[0] as string) : this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    this.#used += this.#block.write(text, this.#used);
  }
}

/** The first half of a surrogate pair: text is never cut just after one. */
export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Waits between attempts: about 3 s in all, longer than a scanner usually holds a file. */
export const RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1600];

const TRANSIENT_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  readonly ops?: WriteOps;
  readonly retryDelaysMs?: readonly number[];
  /** Defaults to a name of this write's own beside the target (tempPathFor). */
  readonly tempPath?: string;
}

/** Temp files this process has named so far: with the pid, no two writes ever share one. */
let tempCount = 0;
/** Temp files this process is writing now: never a leftover, whatever their pid. */
const tempsInFlight = new Set<string>();

/** `.<name>.<pid>.<n>.tmp` beside `path`, a name no other write uses. */
export function tempPathFor(path: string): string {
  tempCount += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCount}.tmp`);
}

/** Writes `text` to `path` so that the file is always either the old one or the new one. */
export async function writeFileAtomic(
  path: string,
  text: FileText,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const ops = options.ops ?? nodeWriteOps;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const temp = options.tempPath ?? tempPathFor(path);
  tempsInFlight.add(temp);
  try {
    await retryTransient(() => ops.writeFile(temp, text), delays);
    await retryTransient(() => ops.rename(temp, path), delays);
    await syncFolder(dirname(path));
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    tempsInFlight.delete(temp);
  }
}

/**
 * Removes the temp files of `path` that writers no longer running left (a crash mid-write):
 * those of a dead pid, this process's that it is not writing (a pid used again, as in a
 * container), and `.<name>.tmp`, the one name earlier versions used. Nothing else is touched,
 * and a leftover that cannot be removed (a read-only folder) is left: it is only clutter.
 */
export async function removeLeftoverTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const name = basename(path);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Group 1 is the writer's pid; without it, the name is the old shared one.
  const pattern = new RegExp(`^\\.${escaped}(?:\\.(\\d+)\\.\\d+)?\\.tmp$`);
  const leftovers = (await readdir(dir)).filter((entry) => {
    const match = pattern.exec(entry);
    if (!match) return false;
    if (match[1] === undefined) return true;
    const pid = Number(match[1]);
    if (pid === process.pid) return !tempsInFlight.has(join(dir, entry));
    return !isProcessAlive(pid);
  });
  await Promise.all(
    leftovers.map((entry) => rm(join(dir, entry), { force: true }).catch(() => undefined)),
  );
}

/** Waits until a file already written (a copy) is on the disk. */
export function syncFile(path: string): Promise<void> {
  return syncOpened(path, 'r+');
}

/**
 * Makes the folder's entries (a rename, a new or removed file) durable: without it a power cut
 * can bring back the old name after the rename reported success. Windows cannot open a folder
 * for syncing and its renames are durable on their own, so there it does nothing.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform !== 'win32') await syncOpened(dir, 'r');
}

async function syncOpened(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Runs `attempt`, retrying after each delay while it fails with a transient lock error. */
export async function retryTransient<T>(
  attempt: () => Promise<T>,
  delaysMs: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delaysMs[i];
      if (delay === undefined || !isTransient(error)) throw error;
      await new Promise((wait) => setTimeout(wait, delay));
    }
  }
}

export function isTransient(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    TRANSIENT_CODES.has(error.code)
  );
}
