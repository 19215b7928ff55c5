/**
 * Reading the store file at start-up: a file that cannot be read or does not validate is moved
 * aside (never overwritten) and the caller is told where it went.
 */
import { readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

import { type TimelineDocument, TimelineDocumentSchema } from '../../shared/schema';
import { describeIssue } from '../../shared/validation';

export type StoreFileState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'valid'; readonly document: TimelineDocument }
  | { readonly kind: 'damaged'; readonly reason: string };

/** Reads and validates the store file without changing anything on disk. */
export async function readStoreFile(path: string): Promise<StoreFileState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'missing' };
    return { kind: 'damaged', reason: `it could not be read (${errorMessage(error)})` };
  }
  if (text.trim() === '') return { kind: 'damaged', reason: 'it is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `it is not valid JSON (${errorMessage(error)})` };
  }
  const parsed = TimelineDocumentSchema.safeParse(json);
  if (!parsed.success) {
    return {
      kind: 'damaged',
      reason: `it is not a valid timeline (${describeIssue(parsed.error).message})`,
    };
  }
  return { kind: 'valid', document: parsed.data };
}

/** Moves a damaged store file to a free name beside it and returns the new path. */
export async function moveAside(path: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const ext = extname(path);
  const stem = basename(path, ext);
  for (let attempt = 0; ; attempt++) {
    const suffix = attempt === 0 ? '' : `-${attempt}`;
    const target = join(dirname(path), `${stem}.damaged-${stamp}${suffix}${ext}`);
    try {
      await stat(target);
      continue; // taken: never overwrite an earlier damaged file
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    await rename(path, target);
    return target;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
