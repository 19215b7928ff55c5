/**
 * How the store notices another program's file: the store file as this app last wrote it is
 * known by inode, size and modification time; a file that differs in any is someone else's.
 */
import { stat } from 'node:fs/promises';

import { isErrno } from './store-file';

/** What identifies the store file this app wrote last: another program's file differs. */
export interface FileIdentity {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Why nothing is saved while another program's version of the file waits for the user. */
export class StoreChangedElsewhereError extends Error {
  readonly code = 'ECHANGED';
  constructor(readonly path: string) {
    super(`${path} was changed by another program`);
    this.name = 'StoreChangedElsewhereError';
  }
}

export async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const { ino, size, mtimeMs } = await stat(path);
    return { ino, size, mtimeMs };
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
