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

/** Text is encoded into one buffer of this size, written out each time it fills. */
const BLOCK_BYTES = 1024 * 1024;

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
    for (const part of typeof text === 'string' ? [text] : text) await block.add(part);
    await block.flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
}

class BlockWriter {
  readonly #block = Buffer.allocUnsafe(BLOCK_BYTES);
  #used = 0;

  constructor(private readonly handle: FileHandle) {}

  async add(part: string): Promise<void> {
    const room = BLOCK_BYTES - this.#used;
    // UTF-8 takes at most 3 bytes for each UTF-16 unit: most parts fit without measuring.
    if (part.length * 3 > room && Buffer.byteLength(part) > room) {
      await this.flush();
      if (Buffer.byteLength(part) > BLOCK_BYTES) return this.#addLarge(part);
    }
    this.#used += this.#block.write(part, this.#used);
  }

  async flush(): Promise<void> {
    let written = 0;
    while (written < this.#used) {
      const { bytesWritten } = await this.handle.write(this.#block, written, this.#used - written);
      written += bytesWritten;
    }
    this.#used = 0;
  }

  /** A part larger than the buffer, a block at a time, never splitting a surrogate pair. */
  async #addLarge(part: string): Promise<void> {
    const unitsPerBlock = Math.floor(BLOCK_BYTES / 3);
    for (let from = 0; from < part.length;) {
      let to = Math.min(part.length, from + unitsPerBlock);
      if (to < part.length && isHighSurrogate(part.charCodeAt(to - 1))) to--;
      this.#used += this.#block.write(part.slice(from, to), this.#used);
      await this.flush();
      from = to;
    }
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
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
