/**
 * Why a save failed, in the user's words: the status line shows it the moment a write fails, so
 * it names the cause the system gave (a full disk is not "another program using the file").
 */
import { errorMessage } from './store-file-check';

export interface SaveFailure {
  readonly reason:
    | 'disk-full'
    | 'folder-missing'
    | 'no-permission'
    | 'file-locked'
    | 'changed-elsewhere'
    | 'other';
  /** For the user, e.g. "The disk is full". */
  readonly message: string;
  /** What the system said. */
  readonly detail: string;
}

const BY_CODE: Readonly<Record<string, Omit<SaveFailure, 'detail'>>> = {
  ENOSPC: { reason: 'disk-full', message: 'The disk is full' },
  EDQUOT: { reason: 'disk-full', message: 'Your disk quota is used up' },
  ENOENT: { reason: 'folder-missing', message: 'The data folder is missing' },
  EACCES: { reason: 'no-permission', message: 'You may not write to the data folder' },
  // On Windows a file another program holds fails with EPERM too (after the retries).
  EPERM: {
    reason: 'no-permission',
    message: 'You may not write to the data folder, or another program holds the file',
  },
  EROFS: { reason: 'no-permission', message: 'The data folder is on a read-only disk' },
  EBUSY: { reason: 'file-locked', message: 'Another program is using the timeline file' },
  ECHANGED: {
    reason: 'changed-elsewhere',
    message: 'Another program changed the timeline file: choose which version to keep',
  },
};

export function saveFailureOf(error: unknown): SaveFailure {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const known = BY_CODE[code];
  return {
    reason: known?.reason ?? 'other',
    message: known?.message ?? 'The timeline could not be written',
    detail: errorMessage(error),
  };
}
