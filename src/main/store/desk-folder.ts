/**
 * The data folder as a desk of stories. Each story is a store folder of its own, as the rest of
 * store/ knows one (timeline.json, its journals, backups/): `stories/<id>/`. A deleted story is
 * moved whole to `trash/<id>/` and removed for good once it has been there 30 days. `desk.json`
 * names the story open last and keeps each story's title and event count, so the story list
 * needs no store opened; where a folder is the only word on a story, the folder wins.
 *
 * A data folder of the single-story versions (timeline.json at its root) becomes the desk's
 * first story on first start: copied into the story's folder and then the originals moved into
 * `before-stories/`, in steps that a crash at any point can take up again (see migrateLegacy).
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { LIMITS, type TimelineDocument } from '../../shared/schema';
import { syncFile, syncFolder, writeFileAtomic } from './atomic-write';
import { BACKUP_DIR_NAME } from './backups';
import { listJournals, readJournal, replayChanges } from './journal';
import { isErrno, readStoreFile } from './store-file';
import { STORE_FILE_NAME } from './timeline-repository';

export const STORIES_DIR = 'stories';
export const TRASH_DIR = 'trash';
export const DESK_FILE = 'desk.json';
/** Where the files of a single-story data folder are kept once the desk holds them. */
export const KEPT_BEFORE_STORIES = 'before-stories';
/** How long a deleted story stays in the trash, at least. */
export const TRASH_KEEP_MS = 30 * 24 * 3_600_000;
/** A story folder being made: its name, then the id it will take (a crash leaves it to redo). */
const MIGRATING = '.migrating';
const MIGRATED_MARK = 'migrated-to';

const StoryIdSchema = z.uuid();

const SummarySchema = z.strictObject({
  title: z.string().max(LIMITS.title),
  events: z.number().int().nonnegative(),
  /** When it was moved to the trash; null while it is on the desk. */
  deletedAt: z.iso.datetime().nullable(),
});

const DeskFileSchema = z.strictObject({
  format: z.literal('timeline-desk-desk'),
  version: z.literal(1),
  current: StoryIdSchema.nullable(),
  stories: z.record(StoryIdSchema, SummarySchema),
});

type DeskFile = z.output<typeof DeskFileSchema>;
export type StorySummary = z.output<typeof SummarySchema>;

/** A story as the list shows it. */
export interface StoryListing {
  readonly id: string;
  readonly title: string;
  readonly events: number;
  /** When any of its files last changed. */
  readonly changedAt: Date;
  readonly deletedAt: Date | null;
}

export class DeskFolder {
  readonly dataDir: string;
  readonly #now: () => Date;
  #file: DeskFile;
  /** desk.json's text as last read or written: a save that would not change it is skipped. */
  #written: string | null = null;
  /** What the user must be told about the folder (an upgrade, a damaged desk.json). */
  readonly notices: string[];

  private constructor(dataDir: string, file: DeskFile, now: () => Date, notices: string[]) {
    this.dataDir = dataDir;
    this.#file = file;
    this.#now = now;
    this.notices = notices;
  }

  /**
   * Opens the desk of `dataDir`: takes a single-story folder in, reads desk.json (a damaged one
   * is moved aside and made again from the folders), agrees it with the folders, and empties the
   * trash of stories deleted 30 days ago or more.
   */
  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<DeskFolder> {
    await mkdir(join(dataDir, STORIES_DIR), { recursive: true });
    await mkdir(join(dataDir, TRASH_DIR), { recursive: true });
    const notices: string[] = [];
    const migrated = await migrateLegacy(dataDir, now());
    if (migrated !== null) notices.push(migrated.notice);
    const read = await readDeskFile(join(dataDir, DESK_FILE), now());
    if (read.notice !== null) notices.push(read.notice);
    const desk = new DeskFolder(dataDir, read.file, now, notices);
    desk.#written = read.text;
    if (migrated !== null) desk.#file.current = migrated.id;
    await desk.#agreeWithFolders();
    await desk.#emptyOldTrash();
    // A folder that cannot be written (read-only media) still opens: its store says so.
    await desk.#save().catch((error: unknown) => {
      if (!isErrno(error, 'EACCES') && !isErrno(error, 'EPERM') && !isErrno(error, 'EROFS'))
        throw error;
    });
    return desk;
  }

  /** The folder of a story's store. */
  storyDir(id: string): string {
    return join(this.dataDir, STORIES_DIR, id);
  }

  /** The story open last, if it is still on the desk. */
  get current(): string | null {
    const id = this.#file.current;
    return id !== null && this.#file.stories[id]?.deletedAt === null ? id : null;
  }

  has(id: string): boolean {
    return this.#file.stories[id]?.deletedAt === null;
  }

  inTrash(id: string): boolean {
    const summary = this.#file.stories[id];
    return summary !== undefined && summary.deletedAt !== null;
  }

  summary(id: string): StorySummary | undefined {
    return this.#file.stories[id];
  }

  /** The stories on the desk, the most recently changed first. */
  async list(): Promise<StoryListing[]> {
    return this.#listWhere(false);
  }

  /** The stories in the trash, the most recently deleted first. */
  async trash(): Promise<StoryListing[]> {
    const listed = await this.#listWhere(true);
    return listed.sort((a, b) => (b.deletedAt?.getTime() ?? 0) - (a.deletedAt?.getTime() ?? 0));
  }

  async setCurrent(id: string): Promise<void> {
    this.#file.current = id;
    await this.#save();
  }

  /** Keeps what the list shows of a story (after it changed). */
  async summarise(id: string, title: string, events: number): Promise<void> {
    const before = this.#file.stories[id];
    if (before === undefined) return;
    if (before.title === title && before.events === events) return;
    this.#file.stories[id] = { ...before, title, events };
    await this.#save();
  }

  /** Writes desk.json again (after the data folder was deleted and made again). */
  async rewrite(): Promise<void> {
    this.#written = null;
    await this.#save();
  }

  /** Makes a story from `document` (its store file written durably); returns its id. */
  async create(document: TimelineDocument): Promise<string> {
    const id = randomUUID();
    const making = join(this.dataDir, STORIES_DIR, `.new-${id}`);
    await mkdir(making, { recursive: true });
    await writeFileAtomic(join(making, STORE_FILE_NAME), JSON.stringify(document));
    await rename(making, this.storyDir(id));
    await syncFolder(join(this.dataDir, STORIES_DIR));
    this.#file.stories[id] = {
      title: document.timeline.title,
      events: document.events.length,
      deletedAt: null,
    };
    await this.#save();
    return id;
  }

  /** Moves a story's folder to the trash. */
  async moveToTrash(id: string): Promise<void> {
    const summary = this.#mustHave(id, false);
    await mkdir(join(this.dataDir, TRASH_DIR), { recursive: true });
    await rename(this.storyDir(id), join(this.dataDir, TRASH_DIR, id));
    this.#file.stories[id] = { ...summary, deletedAt: this.#now().toISOString() };
    if (this.#file.current === id) this.#file.current = null;
    await this.#save();
  }

  /** Brings a story back from the trash. */
  async restore(id: string): Promise<void> {
    const summary = this.#mustHave(id, true);
    await rename(join(this.dataDir, TRASH_DIR, id), this.storyDir(id));
    this.#file.stories[id] = { ...summary, deletedAt: null };
    await this.#save();
  }

  #mustHave(id: string, deleted: boolean): StorySummary {
    const summary = this.#file.stories[id];
    if (summary === undefined || (summary.deletedAt !== null) !== deleted)
      throw new Error(`No story ${id} ${deleted ? 'in the trash' : 'on the desk'}`);
    return summary;
  }

  async #listWhere(deleted: boolean): Promise<StoryListing[]> {
    const listed = await Promise.all(
      Object.entries(this.#file.stories)
        .filter(([, summary]) => (summary.deletedAt !== null) === deleted)
        .map(async ([id, summary]) => ({
          id,
          title: summary.title,
          events: summary.events,
          changedAt: await lastChange(
            deleted ? join(this.dataDir, TRASH_DIR, id) : this.storyDir(id),
          ),
          deletedAt: summary.deletedAt === null ? null : new Date(summary.deletedAt),
        })),
    );
    return listed.sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
  }

  /** Folders are the truth: a story folder desk.json does not know is read and added. */
  async #agreeWithFolders(): Promise<void> {
    const live = await storyFolders(join(this.dataDir, STORIES_DIR));
    const deleted = await storyFolders(join(this.dataDir, TRASH_DIR));
    const known: Record<string, StorySummary> = {};
    for (const [ids, folder, deletedNow] of [
      [live, STORIES_DIR, null],
      [deleted, TRASH_DIR, this.#now().toISOString()],
    ] as const) {
      for (const id of ids) {
        const before = this.#file.stories[id];
        if (before !== undefined && (before.deletedAt === null) === (deletedNow === null)) {
          known[id] = before;
          continue;
        }
        const read = await readSummary(join(this.dataDir, folder, id));
        // A folder's place is the truth: one in stories/ is on the desk (a restore a crash cut).
        const deletedAt = deletedNow === null ? null : (before?.deletedAt ?? deletedNow);
        known[id] = { ...read, deletedAt };
      }
    }
    this.#file.stories = known;
  }

  async #emptyOldTrash(): Promise<void> {
    const limit = this.#now().getTime() - TRASH_KEEP_MS;
    const kept: Record<string, StorySummary> = {};
    for (const [id, summary] of Object.entries(this.#file.stories)) {
      if (summary.deletedAt === null || Date.parse(summary.deletedAt) > limit) kept[id] = summary;
      else await rm(join(this.dataDir, TRASH_DIR, id), { recursive: true, force: true });
    }
    this.#file.stories = kept;
  }

  async #save(): Promise<void> {
    const text = `${JSON.stringify(this.#file, null, 2)}\n`;
    if (text === this.#written) return;
    await writeFileAtomic(join(this.dataDir, DESK_FILE), text);
    this.#written = text;
  }
}

const EMPTY_DESK: DeskFile = {
  format: 'timeline-desk-desk',
  version: 1,
  current: null,
  stories: {},
};

async function readDeskFile(
  path: string,
  at: Date,
): Promise<{ file: DeskFile; text: string | null; notice: string | null }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT'))
      return { file: structuredClone(EMPTY_DESK), text: null, notice: null };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const checked = DeskFileSchema.safeParse(parsed);
  if (checked.success) return { file: checked.data, text, notice: null };
  const aside = `${path.slice(0, -'.json'.length)}.damaged-${stamp(at)}.json`;
  await rename(path, aside);
  return {
    file: structuredClone(EMPTY_DESK),
    text: null,
    notice:
      `The list of stories (${DESK_FILE}) could not be read, so it was made again from the ` +
      `story folders; the damaged file was kept at ${aside}.`,
  };
}

/** The names of the story folders in `dir` (uuids; anything else is not a story). */
async function storyFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && StoryIdSchema.safeParse(entry.name).success)
    .map((entry) => entry.name);
}

/** A story's title and event count read from its files (the snapshot and its journals). */
async function readSummary(dir: string): Promise<Omit<StorySummary, 'deletedAt'>> {
  const state = await readStoreFile(join(dir, STORE_FILE_NAME));
  if (state.kind !== 'valid') return { title: 'Story that could not be read', events: 0 };
  let document = state.document;
  for (const journal of await listJournals(dir)) {
    document = replayChanges(document, (await readJournal(journal.path)).changes);
  }
  return { title: document.timeline.title, events: document.events.length };
}

async function lastChange(dir: string): Promise<Date> {
  let latest = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name === BACKUP_DIR_NAME) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info !== null) latest = Math.max(latest, info.mtimeMs);
  }
  return new Date(latest);
}

/** A file of a single-story folder that holds the story: the store, a journal, the backups. */
function isStoreFile(name: string): boolean {
  return (
    name === STORE_FILE_NAME || name === BACKUP_DIR_NAME || /^timeline\.\d+\.journal$/.test(name)
  );
}

/** The files of a single-story data folder: the store, its journals, damaged and kept copies. */
function isLegacyFile(name: string): boolean {
  return (
    name === BACKUP_DIR_NAME ||
    /^timeline(\.[\w-]+)?\.json$/.test(name) ||
    /^timeline\.\d+\.journal$/.test(name)
  );
}

/**
 * Takes a single-story data folder in as the desk's first story; returns its id and what to
 * tell the user, or null when there is nothing to take in. The steps, each safe to repeat after
 * a crash: (1) copy the story's files into stories/.migrating/, durably, and write the id it
 * will take there last; (2) move the originals into before-stories/ (a name at a time); (3)
 * rename .migrating to the id. A .migrating without its id was cut short in (1): made again.
 */
async function migrateLegacy(
  dataDir: string,
  at: Date,
): Promise<{ id: string; notice: string } | null> {
  const stories = join(dataDir, STORIES_DIR);
  const staging = join(stories, MIGRATING);
  const mark = join(staging, MIGRATED_MARK);
  const legacy = (await readdir(dataDir)).filter(isLegacyFile);
  const marked = await readFile(mark, 'utf8').catch(() => null);
  let id = marked !== null && StoryIdSchema.safeParse(marked).success ? marked : null;
  if (id === null) {
    // The store, its journals or its backups: any of them is a story to take in.
    if (!legacy.some(isStoreFile)) return null;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
    for (const name of legacy) {
      await cp(join(dataDir, name), join(staging, name), { recursive: true });
    }
    await syncTree(staging);
    id = randomUUID();
    await writeFileAtomic(mark, id);
  }
  // Each upgrade keeps its originals apart: a second one never mixes with or overwrites them.
  const kept = join(dataDir, KEPT_BEFORE_STORIES, id);
  await mkdir(kept, { recursive: true });
  for (const name of legacy) await rename(join(dataDir, name), join(kept, name));
  await syncFolder(dataDir);
  // Renamed with its mark, then the mark goes: a crash between leaves a story, never nothing.
  await rename(staging, join(stories, id));
  await syncFolder(stories);
  await rm(join(stories, id, MIGRATED_MARK), { force: true });
  return {
    id,
    notice:
      'Timeline Desk now keeps many stories. Your timeline is the first of them; its original ' +
      `files, as they were on ${at.toISOString().slice(0, 10)}, were kept in ${kept}.`,
  };
}

/** fsyncs every file under `dir` and the folders themselves (a copy is durable before use). */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    await (entry.isDirectory() ? syncTree(path) : syncFile(path));
  }
  await syncFolder(dir);
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}
