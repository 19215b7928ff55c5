/**
 * Atomic file writes (a temp file, flushed to the disk, then a rename) that ride out Windows'
 * transient locks: a virus scanner or indexer holding the file makes rename fail with EPERM,
 * EBUSY or EACCES for a moment, so those errors are retried with backoff before the write is
 * given up.
 */
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file's text, whole or in parts written one after another (large files: no giant string). */
export type FileText = string | readonly string[];

/** The file operations a write needs; tests pass failing ones to simulate a locked file. */
export interface WriteOps {
  writeFile(path: string, text: FileText): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeWriteOps: WriteOps = {
  writeFile: (path, text) => writeDurably(path, text),
  rename: (from, to) => rename(from, to),
};

/** Buffers handed to the disk in one call: few system calls, no giant buffer. */
const BUFFERS_PER_WRITE = 64;

/**
 * Writes the text as UTF-8 and waits until it is on the disk (fsync), so the rename that
 * follows never puts an empty or partial file in place after a power cut. Parts stay separate
 * buffers: one multi-megabyte string or buffer costs far more to allocate than many small ones,
 * and the event loop runs between the calls.
 */
async function writeDurably(path: string, text: FileText): Promise<void> {
  const parts = typeof text === 'string' ? [text] : text;
  const handle = await open(path, 'w');
  try {
    for (let from = 0; from < parts.length; from += BUFFERS_PER_WRITE) {
      const buffers = parts.slice(from, from + BUFFERS_PER_WRITE).map((part) => Buffer.from(part));
      await writeAll(handle, buffers);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** writev may write less than it was given (as write may): the rest is written again. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    const next: Buffer[] = [];
    for (const buffer of rest) {
      if (bytesWritten >= buffer.length) bytesWritten -= buffer.length;
      else {
        next.push(buffer.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    rest = next;
  }
}

/** Waits between attempts: about 3 s in all, longer than a scanner usually holds a file. */
export const RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1600];

const TRANSIENT_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  readonly ops?: WriteOps;
  readonly retryDelaysMs?: readonly number[];
  /** Defaults to `.<name>.tmp` beside the target. */
  readonly tempPath?: string;
}

/** Writes `text` to `path` so that the file is always either the old one or the new one. */
export async function writeFileAtomic(
  path: string,
  text: FileText,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const ops = options.ops ?? nodeWriteOps;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const temp = options.tempPath ?? join(dirname(path), `.${basename(path)}.tmp`);
  try {
    await retryTransient(() => ops.writeFile(temp, text), delays);
    await retryTransient(() => ops.rename(temp, path), delays);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
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
