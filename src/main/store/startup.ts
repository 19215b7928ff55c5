/**
 * Which document the store starts from: its own file (upgraded if older); else, when the file
 * is damaged or gone, the newest backup that validates; else the seed. Every departure from
 * the store's own file is told to the user in a notice. Temp files that crashed writes left
 * beside it are cleared first.
 */
import type { MigrationStep } from '../../shared/formats/migrate';
import type { TimelineDocument } from '../../shared/schema';
import { removeLeftoverTemps } from './atomic-write';
import type { BackupKeeper } from './backups';
import { copyAside, moveAside, readStoreFile } from './store-file';

export interface StartOptions {
  readonly path: string;
  readonly backups: BackupKeeper;
  readonly seed: () => TimelineDocument;
  /** What starting from the seed is, for the notice (default "from the seed timeline"). */
  readonly seedWords?: string;
  readonly now: () => Date;
  readonly migrations?: readonly MigrationStep[];
}

export interface StartDocument {
  readonly document: TimelineDocument;
  readonly notices: readonly string[];
  /** True when the file must be written at once (it is not the document on disk). */
  readonly mustWrite: boolean;
  /** The document is the store file's (its journal belongs to it), not a backup's or the seed. */
  readonly fromStoreFile: boolean;
}

export async function loadStartDocument(options: StartOptions): Promise<StartDocument> {
  const { path, backups, now } = options;
  await removeLeftoverTemps(path);
  const state = await readStoreFile(path, options.migrations);
  if (state.kind === 'valid') {
    const { upgradedFrom, directionControlsRemoved: removed } = state;
    if (upgradedFrom === null && removed === 0) {
      return { document: state.document, notices: [], mustWrite: false, fromStoreFile: true };
    }
    const tag = upgradedFrom === null ? 'before-repair' : `version-${upgradedFrom}`;
    const original = await copyAside(path, tag, now());
    const changes = [
      upgradedFrom === null
        ? null
        : `Your timeline was upgraded from an older file format (version ${upgradedFrom}).`,
      removed === 0
        ? null
        : `${removed} hidden text-direction character${removed === 1 ? ' was' : 's were'} taken ` +
          'out of titles, names and tags, where they could make text read in a misleading order.',
    ];
    return {
      document: state.document,
      notices: [`${changes.filter(Boolean).join(' ')} The original file was kept at ${original}.`],
      mustWrite: true,
      fromStoreFile: true,
    };
  }
  const problem =
    state.kind === 'damaged'
      ? `Your timeline file could not be opened because ${state.reason}. ` +
        `It was kept, unchanged, at ${await moveAside(path, now())}.`
      : null;
  const backup = await backups.newestValid();
  if (backup) {
    const from = `the backup of ${describeTime(backup.createdAt)} (${backup.path})`;
    return {
      document: backup.document,
      notices: [
        problem === null
          ? `Your timeline file was missing. Timeline Desk restored ${from}.`
          : `${problem} Timeline Desk restored ${from}.`,
      ],
      mustWrite: true,
      fromStoreFile: false,
    };
  }
  return {
    document: options.seed(),
    notices:
      problem === null
        ? []
        : [`${problem} Timeline Desk started ${options.seedWords ?? 'from the seed timeline'}.`],
    mustWrite: true,
    fromStoreFile: false,
  };
}

/** e.g. "2026-01-02 03:04:05 UTC". */
function describeTime(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
