/** Exports in every format: the file's text from the formats module, written atomically. */
import { basename, dirname, join } from 'node:path';

import { inChronologyOrder } from '../../shared/chronology';
import type { ChronologyFormat, ExportFormat } from '../../shared/contract';
import { chronologyHtml, chronologyMarkdown } from '../../shared/formats/chronology';
import { type DocumentHead, timelineDeskJsonParts } from '../../shared/formats/timeline-desk-json';
import type { EventId } from '../../shared/ids';
import { AppFailure } from '../../shared/result';
import { FORMAT, FORMAT_VERSION } from '../../shared/schema';
import { stepEnds } from '../../shared/steps';
import { loadFormats } from '../formats-on-demand';
import type { AtomicWriteOptions, FileText } from '../store/atomic-write';
import { writeFileAtomic } from '../store/atomic-write';
import { errorMessage } from '../store/store-file';
import type { TimelineRepository } from '../store/timeline-repository';
import { createSlicer } from '../time-slices';
import type { Host } from './host';

/** The JSON export's file name ends so, as exportTimeline names it. */
const JSON_EXTENSION = '.timeline.json';

/** Asks where to save, then writes the export; returns the path, or throws `cancelled`. */
export async function exportDocument(
  format: ExportFormat,
  store: TimelineRepository,
  host: Host,
  write: AtomicWriteOptions = {},
): Promise<{ path: string }> {
  const file =
    format === 'json' ? null : (await loadFormats()).exportTimeline(format, store.document());
  const extension = file === null ? JSON_EXTENSION : dotted(file.extension);
  const path = await host.chooseExportPath(`${slug(store.info.title)}${extension}`);
  if (path === null) throw new AppFailure({ code: 'cancelled', message: 'Export cancelled.' });
  await writeExportFile(path, file === null ? await jsonExport(store) : file.text, write);
  return { path };
}

/**
 * The chronology of the events the window shows (by id), as Markdown or HTML. Every id must be
 * an event of the store: an unknown one means the window's list is out of date, and nothing is
 * written rather than a chronology with holes.
 */
export async function exportChronology(
  request: { ids: readonly EventId[]; format: ChronologyFormat },
  store: TimelineRepository,
  host: Host,
  write: AtomicWriteOptions = {},
): Promise<{ path: string }> {
  const events = [...new Set(request.ids)].map((id) => store.get(id));
  const missing = events.filter((event) => event === undefined).length;
  if (missing > 0) {
    throw new AppFailure({
      code: 'not-found',
      message: `${missing === 1 ? 'One event' : `${missing} events`} of the chronology no longer ${missing === 1 ? 'exists' : 'exist'}; nothing was exported.`,
    });
  }
  const text = {
    title: store.info.title,
    lanes: store.lanes,
    events: inChronologyOrder(events.filter((event) => event !== undefined)),
    parentOf: (id: EventId) => store.get(id),
  };
  const markdown = request.format === 'markdown';
  const name = `${slug(store.info.title)}-chronology${markdown ? '.md' : '.html'}`;
  const path = await host.chooseExportPath(name);
  if (path === null) throw new AppFailure({ code: 'cancelled', message: 'Export cancelled.' });
  await writeExportFile(path, markdown ? chronologyMarkdown(text) : chronologyHtml(text), write);
  return { path };
}

/**
 * The JSON export from the store's cached event JSON, made in slices: the same text as
 * exportTimeline('json', …), without stringifying 100,000 events again or blocking while it
 * is joined.
 */
async function jsonExport(store: TimelineRepository): Promise<string[]> {
  const head: DocumentHead = {
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline: store.info,
    lanes: store.lanes,
    eras: store.eras,
  };
  const parts: string[] = [];
  const slicer = createSlicer();
  for (const part of timelineDeskJsonParts(head, await store.eventTexts())) {
    parts.push(part);
    if (stepEnds(parts.length)) await slicer.pause();
  }
  return parts;
}

/** Writes an export atomically: a half-written file never replaces one the user had. */
export async function writeExportFile(
  path: string,
  text: FileText,
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

function dotted(extension: string): string {
  return extension.startsWith('.') ? extension : `.${extension}`;
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
