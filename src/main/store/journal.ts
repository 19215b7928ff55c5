/**
 * The store's journal: what makes one edit durable in a millisecond on a 50 MB store. Beside the
 * snapshot (timeline.json, lowdb's document) lie append-only files `timeline.<n>.journal`, one
 * per generation, each line one committed group of changes as JSON, written and fsynced before
 * the changes are called saved. On open the snapshot is read and every journal replayed on it in
 * generation order; in the background the state is written as a fresh snapshot and the journals
 * it holds are removed.
 *
 * A change is a full image (whole events upserted, ids removed, whole lane list or timeline
 * info), so replaying a line twice leaves the same document: the snapshot needs no record of
 * which lines it already holds, and a crash between writing a snapshot and removing the journals
 * it holds loses nothing. A line is written whole or not at all as far as anyone relies on it:
 * a torn last line (a crash mid-append) is no saved change and is skipped.
 */
import { constants } from 'node:fs';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { type Change, ChangeSchema } from '../../shared/contract';
import type { EventId } from '../../shared/ids';
import { EventIdSchema, type TimelineDocument, type TimelineEvent } from '../../shared/schema';
import { NOT_QUICK, quickEventCheck } from '../../shared/schema-fast';
import { syncFolder } from './atomic-write';

const JOURNAL_NAME = /^timeline\.(\d{1,15})\.journal$/;

const JournalLineSchema = z.strictObject({
  at: z.string(),
  changes: z.array(ChangeSchema),
});

export interface JournalFile {
  readonly generation: number;
  readonly path: string;
}

export function journalPath(dir: string, generation: number): string {
  return join(dir, `timeline.${generation}.journal`);
}

/** The folder's journal files, oldest generation first. */
export async function listJournals(dir: string): Promise<JournalFile[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names
    .flatMap((name) => {
      const match = JOURNAL_NAME.exec(name);
      return match ? [{ generation: Number(match[1]), path: join(dir, name) }] : [];
    })
    .sort((a, b) => a.generation - b.generation);
}

export interface ReadJournal {
  readonly changes: Change[];
  /** Complete lines that did not read as changes: not a crash, the file was damaged. */
  readonly damagedLines: number;
  readonly bytes: number;
}

/** A journal's changes in order; a torn last line (no newline after it) is left out. */
export async function readJournal(path: string): Promise<ReadJournal> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or a line a crash cut short
  const changes: Change[] = [];
  let damagedLines = 0;
  for (const line of lines) {
    const read = changesOf(parseJson(line));
    if (read === null) damagedLines++;
    else changes.push(...read);
  }
  return { changes, damagedLines, bytes: Buffer.byteLength(text) };
}

/**
 * A line's changes, or null when it is not a journal line. Lines of whole events and ids only,
 * nearly all of them, are checked as the store file's events are (schema-fast.ts): opening with
 * 10,000 changes to replay must not cost a schema run per event.
 */
function changesOf(json: unknown): Change[] | null {
  if (!isQuickLine(json)) {
    const parsed = JournalLineSchema.safeParse(json);
    return parsed.success ? parsed.data.changes : null;
  }
  return json.changes;
}

function isQuickLine(json: unknown): json is { at: string; changes: Change[] } {
  if (typeof json !== 'object' || json === null) return false;
  const { at, changes, ...rest } = json as Record<string, unknown>;
  if (typeof at !== 'string' || !Array.isArray(changes) || Object.keys(rest).length > 0) {
    return false;
  }
  return changes.every(isQuickChange);
}

function isQuickChange(change: unknown): boolean {
  if (typeof change !== 'object' || change === null) return false;
  const { upserted, removed, ...rest } = change as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    Array.isArray(upserted) &&
    Array.isArray(removed) &&
    upserted.every((event) => quickEventCheck(event) !== NOT_QUICK) &&
    removed.every((id) => EventIdSchema.safeParse(id).success)
  );
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** One journal line: the changes of one commit, with the time it was made. */
export function journalLine(changes: readonly Change[], at: Date): string {
  return `${JSON.stringify({ at: at.toISOString(), changes })}\n`;
}

/**
 * The document with the changes applied in order, as the repository applies them: an upserted
 * event replaces the one with its id in place, or is added at the end.
 */
export function replayChanges(
  document: TimelineDocument,
  changes: readonly Change[],
): TimelineDocument {
  if (changes.length === 0) return document;
  const events = new Map<EventId, TimelineEvent>(document.events.map((event) => [event.id, event]));
  let { lanes, eras, timeline } = document;
  for (const change of changes) {
    for (const id of change.removed) events.delete(id);
    for (const event of change.upserted) events.set(event.id, event);
    if (change.lanes !== undefined) lanes = change.lanes;
    if (change.eras !== undefined) eras = change.eras;
    if (change.timeline !== undefined) timeline = change.timeline;
  }
  return { ...document, timeline, lanes, eras, events: [...events.values()] };
}

/**
 * Makes a new, empty journal file and the folder entry for it durable; fails if it exists (a
 * generation is never reused, so no append ever follows a torn line).
 */
export async function createJournal(path: string, folder: string): Promise<void> {
  const handle = await open(path, 'wx');
  await handle.close();
  await syncFolder(folder);
}

/**
 * Appends a line and waits until it is on the disk. The file is opened without O_CREAT: a
 * journal (or data folder) deleted under the app fails with ENOENT instead of a new file
 * nobody would replay.
 */
export async function appendDurably(path: string, line: string): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    const bytes = Buffer.from(line);
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
      // A write that takes nothing would loop for ever; the disk has no room for it.
      if (bytesWritten === 0)
        throw Object.assign(new Error(`ENOSPC: wrote nothing, ${path}`), { code: 'ENOSPC' });
      written += bytesWritten;
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Removes the journals of generations below `generation`, and makes that durable. */
export async function removeJournalsBefore(folder: string, generation: number): Promise<void> {
  const old = (await listJournals(folder)).filter((file) => file.generation < generation);
  if (old.length === 0) return;
  await Promise.all(old.map((file) => rm(file.path, { force: true })));
  await syncFolder(folder);
}
