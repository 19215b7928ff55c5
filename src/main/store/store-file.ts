/**
 * Reading the store file (and backups): a file that cannot be read or does not validate is moved
 * aside (never overwritten) and the caller is told where it went.
 */
import { constants } from 'node:fs';
import { copyFile, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

import { migrateDocument, MIGRATIONS, type MigrationStep } from '../../shared/formats/migrate';
import { type TimelineDocument, TimelineDocumentSchema } from '../../shared/schema';
import { describeIssue } from '../../shared/validation';
import { retryTransient } from './atomic-write';

export type StoreFileState =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'valid';
      readonly document: TimelineDocument;
      /** The format version the file had when it was older than this app's. */
      readonly upgradedFrom: number | null;
      readonly sizeBytes: number;
    }
  | { readonly kind: 'damaged'; readonly reason: string };

/**
 * Reads, upgrades (older format versions) and validates a store or backup file without
 * changing anything on disk.
 */
export async function readStoreFile(
  path: string,
  migrations: readonly MigrationStep[] = MIGRATIONS,
): Promise<StoreFileState> {
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
  const migrated = migrateDocument(json, migrations);
  if (!migrated.ok) {
    return { kind: 'damaged', reason: `it could not be upgraded (${migrated.error.message})` };
  }
  const parsed = TimelineDocumentSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return {
      kind: 'damaged',
      reason: `it is not a valid timeline (${describeIssue(parsed.error).message})`,
    };
  }
  const version = (json as { version?: unknown }).version;
  return {
    kind: 'valid',
    document: parsed.data,
    upgradedFrom: typeof version === 'number' && version !== parsed.data.version ? version : null,
    sizeBytes: Buffer.byteLength(text, 'utf8'),
  };
}

/** Moves a damaged store file to a free name beside it and returns the new path. */
export async function moveAside(path: string, at: Date): Promise<string> {
  const target = await freeSibling(path, 'damaged', at);
  await retryTransient(() => rename(path, target));
  return target;
}

/** Copies a file to a free name beside it (the original stays) and returns the copy's path. */
export async function copyAside(path: string, tag: string, at: Date): Promise<string> {
  const target = await freeSibling(path, tag, at);
  await retryTransient(() => copyFile(path, target, constants.COPYFILE_EXCL));
  return target;
}

/** `<stem>.<tag>-<time>[-n]<ext>` beside the file, never the name of an existing file. */
async function freeSibling(path: string, tag: string, at: Date): Promise<string> {
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

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
