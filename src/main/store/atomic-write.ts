/**
 * Atomic file writes (a temp file, then a rename) that ride out Windows' transient locks: a
 * virus scanner or indexer holding the file makes rename fail with EPERM, EBUSY or EACCES for a
 * moment, so those errors are retried with backoff before the write is given up.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations a write needs; tests pass failing ones to simulate a locked file. */
export interface WriteOps {
  writeFile(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeWriteOps: WriteOps = {
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  rename: (from, to) => rename(from, to),
};

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
  text: string,
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
