/**
 * Writing one backup file: the text just saved (in its parts) or the store file, compressed by
 * node:zlib's gzip as it streams through, into a temp file that is fsynced, renamed into place
 * and the folder fsynced, as atomic-write does for the store. Gzip is built into Node: no
 * dependency. JSON shrinks to a fifth or less, so backups no longer take ten times the store.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

import {
  type AtomicWriteOptions,
  type FileText,
  isHighSurrogate,
  nodeWriteOps,
  retryTransient,
  syncFolder,
} from './atomic-write';

/** What a backup copies: the text just written, or the store file as it was opened. */
export type BackupSource =
  | { readonly kind: 'text'; readonly text: FileText }
  | { readonly kind: 'file'; readonly path: string };

/** The source's size before compression: its length for text (bytes, for JSON's ASCII). */
export async function sourceSize(source: BackupSource): Promise<number> {
  if (source.kind === 'file') return (await stat(source.path)).size;
  if (typeof source.text === 'string') return source.text.length;
  return source.text.reduce((sum, part) => sum + part.length, 0);
}

/**
 * Compresses the source into `target` so that the target is whole or absent, never half a
 * backup, and on the disk once this resolves. Returns the size of the text before compression.
 */
export async function writeBackup(
  source: BackupSource,
  target: string,
  write: AtomicWriteOptions = {},
): Promise<number> {
  const temp = join(dirname(target), `.${basename(target)}.tmp`);
  const gzip = createGzip();
  try {
    // Opened here rather than by a write stream, which keeps its handle until it closes it.
    const handle = await open(temp, 'w');
    try {
      const input =
        source.kind === 'text'
          ? Readable.from(textChunks(source.text))
          : createReadStream(source.path);
      await pipeline(input, gzip, async (compressed: AsyncIterable<Buffer>) => {
        for await (const chunk of compressed) await writeAll(handle, chunk);
      });
      await handle.sync();
    } finally {
      await handle.close();
    }
    const ops = write.ops ?? nodeWriteOps;
    await retryTransient(() => ops.rename(temp, target), write.retryDelaysMs);
    await syncFolder(dirname(target));
    return gzip.bytesWritten;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done)).bytesWritten;
}

/** Text is handed to gzip in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The text in pieces: small parts joined, large ones cut, never inside a surrogate pair (each
 * piece is encoded on its own). Parts are whole JSON values (store-text.ts), so they split none.
 */
function* textChunks(text: FileText): Generator<string> {
  let pending = '';
  for (const part of typeof text === 'string' ? [text] : text) {
    if (part.length < CHUNK_CHARS) {
      pending += part;
      if (pending.length < CHUNK_CHARS) continue;
      yield pending;
      pending = '';
      continue;
    }
    if (pending !== '') yield pending;
    pending = '';
    for (let from = 0; from < part.length;) {
      let to = Math.min(part.length, from + CHUNK_CHARS);
      if (to < part.length && isHighSurrogate(part.charCodeAt(to - 1))) to--;
      yield part.slice(from, to);
      from = to;
    }
  }
  if (pending !== '') yield pending;
}
