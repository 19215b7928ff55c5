/**
 * Opening: the snapshot with the journals' changes replayed on it, in generation order. Journals
 * belong to the store file they were written beside: when the timeline came from a backup or the
 * seed they are set aside instead, never replayed on a document they were not made for.
 */
import type { TimelineDocument } from '../../shared/schema';
import { listJournals, readJournal, replayChanges } from './journal';
import { copyAside, moveAside } from './store-file';

export interface Replayed {
  readonly document: TimelineDocument;
  readonly nextGeneration: number;
  readonly bytes: number;
  readonly notices: readonly string[];
}

/** The snapshot with the journals' changes on it, and the generation to append to next. */
export async function replayJournals(
  dir: string,
  snapshot: TimelineDocument,
  fromStoreFile: boolean,
  now: () => Date,
): Promise<Replayed> {
  const files = await listJournals(dir);
  const nextGeneration = (files.at(-1)?.generation ?? 0) + 1;
  const notices: string[] = [];
  if (!fromStoreFile) {
    for (const file of files) {
      notices.push(
        'Changes saved after the timeline file was last written could not be replayed on it, ' +
          'since it is damaged or missing; they were kept at ' +
          `${await moveAside(file.path, now(), 'unused')}.`,
      );
    }
    return { document: snapshot, nextGeneration, bytes: 0, notices };
  }
  let document = snapshot;
  let bytes = 0;
  for (const file of files) {
    const read = await readJournal(file.path);
    document = replayChanges(document, read.changes);
    bytes += read.bytes;
    if (read.damagedLines > 0) {
      notices.push(
        `${read.damagedLines} saved change${read.damagedLines === 1 ? '' : 's'} could not be read ` +
          `and ${read.damagedLines === 1 ? 'was' : 'were'} left out; the journal was kept at ` +
          `${await copyAside(file.path, 'damaged', now())}.`,
      );
    }
  }
  return { document, nextGeneration, bytes, notices };
}
