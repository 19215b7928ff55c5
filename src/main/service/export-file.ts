/** Exports in every format: the file's text from the formats module, written atomically. */
import { basename, dirname, join } from 'node:path';

import type { ExportFormat } from '../../shared/contract';
import { exportTimeline } from '../../shared/formats';
import { AppFailure } from '../../shared/result';
import type { TimelineDocument } from '../../shared/schema';
import { type AtomicWriteOptions, writeFileAtomic } from '../store/atomic-write';
import { errorMessage } from '../store/store-file';
import type { Host } from './host';

/** Asks where to save, then writes the export; returns the path, or throws `cancelled`. */
export async function exportDocument(
  format: ExportFormat,
  doc: TimelineDocument,
  host: Host,
  write: AtomicWriteOptions = {},
): Promise<{ path: string }> {
  const file = exportTimeline(format, doc);
  const extension = file.extension.startsWith('.') ? file.extension : `.${file.extension}`;
  const path = await host.chooseExportPath(`${slug(doc.timeline.title)}${extension}`);
  if (path === null) throw new AppFailure({ code: 'cancelled', message: 'Export cancelled.' });
  await writeExportFile(path, file.text, write);
  return { path };
}

/** Writes an export atomically: a half-written file never replaces one the user had. */
export async function writeExportFile(
  path: string,
  text: string,
  write: AtomicWriteOptions = {},
): Promise<void> {
  // A temp name of our own, so it cannot clash with another program's in the user's folder.
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFileAtomic(path, text, { tempPath, ...write });
  } catch (error) {
    throw new AppFailure({
      code: 'io',
      message: `The export could not be written to ${path}: ${errorMessage(error)}`,
    });
  }
}

/** A file name from a title: "Putin's visit — day 2" becomes "putins-visit-day-2". */
export function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return base || 'timeline';
}
