/**
 * The event store: one timeline document, kept as lowdb's JSON file (the snapshot) plus an
 * append-only journal beside it (journal.ts). Nothing outside this module knows it is lowdb.
 *
 * Changes apply in memory at once and are committed in order: a commit appends the changes that
 * gathered since the last one to the journal as one fsynced line (group commit), so a change is
 * durable within a millisecond or two whatever the store's size. A change of many events (an
 * import, a restore) is committed as a whole new snapshot instead. Once the journal has grown, a
 * fresh snapshot is written in the background and the journals it holds are removed.
 *
 * Nothing is called saved before it is on disk (status(), whenSaved()). A commit that fails keeps
 * the changes in memory and is tried again on a timer and with each flush; a store file another
 * program replaced is noticed within a second and never overwritten without the user's word; a
 * data folder deleted under the app is made again and the whole timeline written back.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { Low } from 'lowdb';

import type { Change } from '../../shared/contract';
import type { MigrationStep } from '../../shared/formats/migrate';
import type { EventId, LaneId } from '../../shared/ids';
import type { Era, Lane, TimelineDocument, TimelineEvent, TimelineInfo } from '../../shared/schema';
import { runToEnd, stepEnds } from '../../shared/steps';
import { runInSlices } from '../time-slices';
import { type AtomicWriteOptions, retryTransient, writeFileAtomic } from './atomic-write';
import { type BackupKeeper, openBackups } from './backups';
import { inverseOf } from './change-inverse';
import { EventIndex } from './event-index';
import { EventJsonCache } from './event-json';
import { readOnlyNotice } from './folder-access';
import {
  appendDurably,
  createJournal,
  journalLine,
  journalPath,
  removeJournalsBefore,
} from './journal';
import { replayJournals } from './journal-replay';
import { loadStartDocument } from './startup';
import { freeSibling, isErrno, moveAside, readStoreFile } from './store-file';
import { fileTextLength, StoreFileAdapter } from './store-file-adapter';
import {
  type FileIdentity,
  identityOf,
  sameIdentity,
  StoreChangedElsewhereError,
} from './store-identity';
import { type StoreSnapshot, storeTextParts } from './store-text';
import { WriteScheduler } from './write-scheduler';

export const STORE_FILE_NAME = 'timeline.json';
/**
 * The least time between the starts of two commits. Zero: a commit starts on the next turn of
 * the event loop, and whatever arrives while one is under way goes in the next (group commit).
 */
export const WRITE_SPACING_MS = 0;
/** A change of more events than this is committed as a new snapshot, not a journal line. */
export const JOURNAL_MAX_EVENTS = 5000;
/** How often the store file and folder are looked at for changes by others. */
export const WATCH_INTERVAL_MS = 500;
/** Waits before a failed commit is tried again on its own (the last one repeats). */
export const RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000, 5000];

export interface TimelineRepository {
  readonly path: string;
  readonly info: TimelineInfo;
  readonly lanes: readonly Lane[];
  readonly eras: readonly Era[];
  /** How many commits (journal lines or snapshots) have been tried since opening. */
  readonly writeCount: number;
  /** How many changes have been applied since opening: a plan made earlier is stale if it moved. */
  readonly changeCount: number;
  eventCount(): number;
  get(id: EventId): TimelineEvent | undefined;
  hasLane(id: LaneId): boolean;
  /** The ids of the events that follow up the given one. */
  followUpsOf(id: EventId): readonly EventId[];
  events(): IterableIterator<TimelineEvent>;
  /** The whole document, in the store's order. */
  document(): TimelineDocument;
  /** Each event's compact JSON (JSON.stringify), in the store's order; made in slices. */
  eventTexts(): Promise<string[]>;
  /**
   * Takes each text as JSON.stringify(event) of the event at the same index, so that writes
   * do not stringify those events (an import read them from exactly that text). A text that
   * is not exactly that would be written to the file as it is: callers must be sure.
   */
  rememberEventJson(
    events: readonly TimelineEvent[],
    texts: readonly (string | undefined)[],
  ): Promise<void>;
  /** Applies a change in memory, schedules its commit, and returns the change that undoes it. */
  apply(change: Change): Change;
  /**
   * apply, in slices between other work (a change can hold 100,000 events); no commit starts
   * until all of it is in.
   */
  applyInSlices(change: Change): Promise<Change>;
  /** Why the last commit failed, while its changes are still only in memory; else null. */
  unsavedError(): unknown;
  /** Commits what is not on disk yet; rejects with the error if that commit fails. */
  flush(): Promise<void>;
  /**
   * Resolves once every change so far is on disk, leaving commits to their own schedule (flush
   * hurries them); rejects when the commit that should have saved them failed.
   */
  whenSaved(): Promise<void>;
  /**
   * Resolves once nothing is being written: every change committed (flush), the background
   * snapshot and the backup after it finished. For close, and for tests that read the folder.
   */
  idle(): Promise<void>;
  /** Whether everything is on disk, why not, and what the user must be told. */
  state(): StoreState;
  /** Calls `listener` whenever state() may have changed; returns an unsubscribe. */
  onStateChange(listener: () => void): () => void;
  /**
   * Keeps the timeline in memory over the file another program wrote: theirs is moved aside
   * (its new path is returned) and ours written in its place.
   */
  keepMine(): Promise<string>;
  /**
   * Takes the file another program wrote: ours is written aside (its path is returned with
   * theirs, checked), the journal of our changes dropped. The caller applies the document.
   */
  takeTheirs(): Promise<{ readonly document: TimelineDocument; readonly keptAt: string }>;
  close(): Promise<void>;
}

export interface StoreState {
  /** Changes are in memory that are not on disk yet. */
  readonly saving: boolean;
  /** The error of the last commit, while its changes are still only in memory. */
  readonly failure: unknown;
  /** When another program's change to the store file was noticed; null when none is pending. */
  readonly externalChangeAt: Date | null;
  /** What happened to the store while it was open, for the user, in order. */
  readonly notices: readonly string[];
}

export interface OpenOptions {
  readonly dataDir: string;
  /** The timeline to start from when there is no store and no valid backup. */
  readonly seed: () => TimelineDocument;
  /** What starting from the seed is, for the notice (store/startup.ts). */
  readonly seedWords?: string;
  /** The least time between the starts of two commits (default WRITE_SPACING_MS). */
  readonly writeDelayMs?: number;
  readonly now?: () => Date;
  /** How old the newest backup may get before a write makes another (default 5 minutes). */
  readonly backupIntervalMs?: number;
  /** File operations and retry delays of every snapshot write (tests simulate locked files). */
  readonly write?: AtomicWriteOptions;
  readonly migrations?: readonly MigrationStep[];
  readonly log?: (message: string, error: unknown) => void;
  /** How often the file is looked at for changes by others (default WATCH_INTERVAL_MS). */
  readonly watchIntervalMs?: number;
  /** Called after the data folder was deleted and made again, before anything is written. */
  readonly onFolderRemade?: () => Promise<void>;
}

export interface OpenedRepository {
  readonly repository: TimelineRepository;
  readonly backups: BackupKeeper;
  /** Messages for the user, e.g. where a damaged store file was moved. */
  readonly notices: readonly string[];
}

export async function openTimelineRepository(options: OpenOptions): Promise<OpenedRepository> {
  await mkdir(options.dataDir, { recursive: true });
  const path = join(options.dataDir, STORE_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  const backups = await openBackups({
    dataDir: options.dataDir,
    now,
    intervalMs: options.backupIntervalMs,
    write: options.write,
    migrations: options.migrations,
    log,
  });
  const json = new EventJsonCache();
  const start = await loadStartDocument({
    path,
    backups,
    seed: options.seed,
    seedWords: options.seedWords,
    now,
    migrations: options.migrations,
    // Events are not stringified as they are read: saves are journal lines, and the first
    // snapshot, in the background and in slices, stringifies what it writes.
  });
  const journal = await replayJournals(options.dataDir, start.document, start.fromStoreFile, now);
  const adapter = new StoreFileAdapter(path, json, options.write ?? {});
  const repository = new LowTimelineRepository(path, journal.document, {
    dir: options.dataDir,
    adapter,
    json,
    backups,
    log,
    now,
    writeSpacingMs: options.writeDelayMs ?? WRITE_SPACING_MS,
    watchIntervalMs: options.watchIntervalMs ?? WATCH_INTERVAL_MS,
    unsaved: start.mustWrite,
    generation: journal.nextGeneration,
    journalBytes: journal.bytes,
    onFolderRemade: options.onFolderRemade ?? (async () => undefined),
  });
  // A failed first write is logged and kept: it is tried again, and the window says so.
  if (start.mustWrite) await repository.flush().catch(() => undefined);
  // A store opened as it is gets backed up now if the newest backup is old (or there is none).
  else backups.afterOpen(path);
  const readOnly = await readOnlyNotice(options.dataDir);
  const notices = [...start.notices, ...journal.notices];
  return { repository, backups, notices: readOnly ? [...notices, readOnly] : notices };
}

interface RepositoryParts {
  readonly dir: string;
  readonly adapter: StoreFileAdapter;
  readonly json: EventJsonCache;
  readonly backups: BackupKeeper;
  readonly log: (message: string, error: unknown) => void;
  readonly now: () => Date;
  readonly writeSpacingMs: number;
  readonly watchIntervalMs: number;
  /** The document is not the one on disk (seed, backup, upgrade): write it at once. */
  readonly unsaved: boolean;
  /** The journal generation to append to first: above every journal file there is. */
  readonly generation: number;
  /** Bytes of journal the snapshot does not hold yet (replayed at open). */
  readonly journalBytes: number;
  readonly onFolderRemade: () => Promise<void>;
}

class LowTimelineRepository implements TimelineRepository {
  writeCount = 0;
  changeCount = 0;
  #info: TimelineInfo;
  #lanes: readonly Lane[];
  #laneIds: ReadonlySet<string>;
  #eras: readonly Era[];
  readonly #events = new EventIndex();
  readonly #db: Low<StoreSnapshot>;
  readonly #schedule: WriteScheduler;
  /** Applied changes waiting for their journal line, oldest first. */
  #pending: Change[] = [];
  /** The next commit writes the whole timeline as a snapshot (it holds every pending change). */
  #snapshotDue: boolean;
  /** Changes applied since opening, and how many of them are on disk. */
  #applied = 0;
  #committed = 0;
  #failure: unknown = null;
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #writing = false;
  /** A change being applied in slices; commits wait for it. */
  #applying: Promise<void> | null = null;
  /** Told when a commit ends (whenSaved). */
  #onWriteEnd: (() => void)[] = [];
  /** The journal appended to now, and whether its file has been made. */
  #generation: number;
  #journalMade = false;
  #journalBytes: number;
  #snapshotBytes = 0;
  /** A snapshot being written in the background, and the journals it makes redundant. */
  #compaction: Promise<void> | null = null;
  /** The store file as this app last wrote or read it; null before it is known. */
  #identity: FileIdentity | null = null;
  /** Grows when a snapshot write starts or ends: a look at the file taken across one is void. */
  #writeEpoch = 0;
  #snapshotsWriting = 0;
  #externalChangeAt: Date | null = null;
  readonly #notices: string[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #watch: ReturnType<typeof setInterval>;
  #watching = false;
  #closed = false;

  constructor(
    readonly path: string,
    document: TimelineDocument,
    private readonly parts: RepositoryParts,
  ) {
    this.#info = document.timeline;
    this.#lanes = document.lanes;
    this.#laneIds = new Set(document.lanes.map((lane) => lane.id));
    this.#eras = document.eras;
    for (const event of document.events) this.#events.put(event);
    this.#db = new Low(parts.adapter, this.#snapshot());
    this.#schedule = new WriteScheduler(parts.writeSpacingMs, () => this.#write());
    this.#snapshotDue = parts.unsaved;
    this.#generation = parts.generation;
    this.#journalBytes = parts.journalBytes;
    this.#watch = setInterval(() => void this.#look(), parts.watchIntervalMs);
    this.#watch.unref();
    void this.#rememberIdentity(this.#writeEpoch);
    // Replayed journals are folded into a snapshot now, so the next start need not replay them.
    if (!parts.unsaved && parts.journalBytes > 0) this.#startCompaction();
  }

  get info(): TimelineInfo {
    return this.#info;
  }

  get lanes(): readonly Lane[] {
    return this.#lanes;
  }

  get eras(): readonly Era[] {
    return this.#eras;
  }

  eventCount(): number {
    return this.#events.size;
  }

  get(id: EventId): TimelineEvent | undefined {
    return this.#events.get(id);
  }

  hasLane(id: LaneId): boolean {
    return this.#laneIds.has(id);
  }

  followUpsOf(id: EventId): readonly EventId[] {
    return this.#events.followUpsOf(id);
  }

  events(): IterableIterator<TimelineEvent> {
    return this.#events.values();
  }

  document(): TimelineDocument {
    return {
      format: 'timeline-desk',
      version: 1,
      timeline: this.#info,
      lanes: this.#lanes,
      eras: this.#eras,
      events: [...this.#events.values()],
    } as TimelineDocument;
  }

  eventTexts(): Promise<string[]> {
    return this.parts.json.all([...this.#events.values()]);
  }

  rememberEventJson(
    events: readonly TimelineEvent[],
    texts: readonly (string | undefined)[],
  ): Promise<void> {
    return this.parts.json.adopt(events, texts);
  }

  apply(change: Change): Change {
    return runToEnd(this.#applySteps(change));
  }

  async applyInSlices(change: Change): Promise<Change> {
    // Commits wait until the whole change is in: the disk never holds half of one.
    const applying = runInSlices(this.#applySteps(change));
    this.#applying = applying.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await applying;
    } finally {
      this.#applying = null;
    }
  }

  *#applySteps(change: Change): Generator<void, Change, undefined> {
    this.changeCount++;
    const inverse = yield* inverseOf(change, this);
    for (const [i, id] of change.removed.entries()) {
      this.#events.remove(id);
      if (stepEnds(i)) yield;
    }
    for (const [i, event] of change.upserted.entries()) {
      this.#events.put(event);
      if (stepEnds(i)) yield;
    }
    if (this.#events.outOfOrder) yield* this.#events.reorder();
    if (change.lanes !== undefined) {
      this.#lanes = change.lanes;
      this.#laneIds = new Set(change.lanes.map((lane) => lane.id));
    }
    if (change.eras !== undefined) this.#eras = change.eras;
    if (change.timeline !== undefined) this.#info = change.timeline;
    this.#applied++;
    if (this.#snapshotDue) {
      // The snapshot to come holds this change too.
    } else if (change.upserted.length + change.removed.length > JOURNAL_MAX_EVENTS) {
      this.#snapshotDue = true;
      this.#pending = [];
    } else {
      this.#pending.push(change);
    }
    this.#schedule.request();
    this.#changed();
    return inverse;
  }

  unsavedError(): unknown {
    return this.#dirty ? this.#failure : null;
  }

  async flush(): Promise<void> {
    if (this.#dirty) this.#schedule.request();
    await this.#schedule.now();
    if (this.#dirty && this.#failure !== null) throw this.#failure;
  }

  async whenSaved(): Promise<void> {
    while (this.#dirty || this.#writing) {
      if (!this.#schedule.busy) {
        // Nothing will write it by itself: only a failed commit leaves the store like this.
        if (this.#failure !== null) throw this.#failure;
        this.#schedule.request();
      }
      await new Promise<void>((ended) => this.#onWriteEnd.push(ended));
      // The commit that just ended failed: waiting on would last until a retry succeeds.
      if (this.#dirty && this.#failure !== null) throw this.#failure;
    }
  }

  state(): StoreState {
    return {
      saving: this.#dirty || this.#writing,
      failure: this.unsavedError(),
      externalChangeAt: this.#externalChangeAt,
      notices: [...this.#notices],
    };
  }

  onStateChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async keepMine(): Promise<string> {
    const theirs = await moveAside(this.path, this.parts.now(), 'other-program');
    this.#externalChangeAt = null;
    this.#failure = null;
    this.#identity = null;
    this.#snapshotDue = true;
    this.#pending = [];
    this.#changed();
    await this.flush();
    return theirs;
  }

  async takeTheirs(): Promise<{ readonly document: TimelineDocument; readonly keptAt: string }> {
    await this.#schedule.now(); // no journal line is being written
    const epoch = this.#writeEpoch;
    const theirs = await readStoreFile(this.path);
    if (theirs.kind !== 'valid') {
      throw new Error(
        theirs.kind === 'missing'
          ? 'The file on disk is gone.'
          : `The file on disk is not a timeline Timeline Desk can open: ${theirs.reason}.`,
      );
    }
    while (this.#compaction !== null) await this.#compaction;
    const keptAt = await freeSibling(this.path, 'yours', this.parts.now());
    await writeFileAtomic(keptAt, await storeTextParts(this.#snapshot(), this.parts.json));
    // Our journal is written on top of our snapshot, not theirs: it must never be replayed.
    this.#generation++;
    this.#journalMade = false;
    this.#journalBytes = 0;
    await removeJournalsBefore(this.parts.dir, this.#generation);
    this.#pending = [];
    this.#snapshotDue = false;
    this.#committed = this.#applied;
    this.#externalChangeAt = null;
    this.#failure = null;
    await this.#rememberIdentity(epoch);
    this.#changed();
    return { document: theirs.document, keptAt };
  }

  async idle(): Promise<void> {
    try {
      await this.flush();
      while (this.#compaction !== null) await this.#compaction;
    } finally {
      await this.parts.backups.idle();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#watch);
    this.#clearRetry();
    await this.idle();
  }

  /** Something applied is not on disk yet. */
  get #dirty(): boolean {
    return this.#snapshotDue || this.#pending.length > 0 || this.#committed < this.#applied;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  #snapshot(): StoreSnapshot {
    return {
      timeline: this.#info,
      lanes: this.#lanes,
      eras: this.#eras,
      events: [...this.#events.values()],
    };
  }

  /** One commit: the pending changes as a journal line, or the whole timeline as a snapshot. */
  async #write(): Promise<void> {
    while (this.#applying !== null) await this.#applying;
    if (!this.#dirty) return;
    const through = this.#applied;
    const journaled = !this.#snapshotDue;
    this.writeCount++;
    this.#writing = true;
    try {
      await this.#commit();
      this.#committed = Math.max(this.#committed, through);
      this.#failure = null;
      this.#failures = 0;
      this.#clearRetry();
    } catch (error) {
      this.#failure = error;
      this.parts.log(`The timeline could not be saved to ${this.path}`, error);
      if (!(error instanceof StoreChangedElsewhereError)) this.#retryLater();
    } finally {
      this.#writing = false;
      for (const ended of this.#onWriteEnd.splice(0)) ended();
      this.#changed();
    }
    // A backup is made of a snapshot's text: when one is due, the journal is folded in now.
    const folding = this.#journalBytes > this.#compactionThreshold() || this.parts.backups.isDue();
    if (journaled && this.#journalBytes > 0 && folding) this.#startCompaction();
  }

  /**
   * The pending changes as a journal line, or the whole timeline as a snapshot. When the data
   * folder or our journal vanished, the whole timeline is written again at once (a folder
   * deleted over and over is a failure after the third time).
   */
  async #commit(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Their file is not overwritten, nor our changes journaled onto it, until the user chooses.
      if (this.#externalChangeAt !== null) throw new StoreChangedElsewhereError(this.path);
      const journaled = !this.#snapshotDue;
      try {
        if (journaled) await this.#commitJournal();
        else await this.#commitSnapshot();
        return;
      } catch (error) {
        if (attempt === 3 || !(await this.#remakeFolderAfter(error, journaled))) throw error;
      }
    }
  }

  async #commitJournal(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    const path = journalPath(this.parts.dir, this.#generation);
    try {
      if (!this.#journalMade) {
        await retryTransient(() => createJournal(path, this.parts.dir));
        this.#journalMade = true;
      }
      const line = journalLine(batch, this.parts.now());
      const append = this.parts.adapter.ops.append ?? appendDurably;
      await retryTransient(() => append(path, line), this.parts.adapter.retryDelaysMs);
      this.#journalBytes += Buffer.byteLength(line);
    } catch (error) {
      this.#pending = [...batch, ...this.#pending];
      // The retry goes to a new file: a line this attempt cut short stays the last of its own.
      this.#generation++;
      this.#journalMade = false;
      throw error;
    }
  }

  async #commitSnapshot(): Promise<void> {
    while (this.#compaction !== null) await this.#compaction;
    this.#snapshotDue = false;
    this.#pending = [];
    try {
      await this.#writeSnapshot(this.#rotate());
    } catch (error) {
      this.#snapshotDue = true;
      throw error;
    }
  }

  /**
   * Starts a new journal generation and takes the timeline as it is now: a snapshot of it holds
   * every journal before the new one. Only between commits, with no change half applied.
   */
  #rotate(): { readonly snapshot: StoreSnapshot; readonly generation: number } {
    this.#generation++;
    this.#journalMade = false;
    this.#journalBytes = 0;
    return { snapshot: this.#snapshot(), generation: this.#generation };
  }

  async #writeSnapshot(taken: { snapshot: StoreSnapshot; generation: number }): Promise<void> {
    // The file must still be ours: a sync client's version is not renamed over unseen.
    const found = await identityOf(this.path);
    if (this.#identity !== null && found !== null && !sameIdentity(found, this.#identity)) {
      this.#noticeExternalChange();
      throw new StoreChangedElsewhereError(this.path);
    }
    this.#snapshotsWriting++;
    this.#writeEpoch++;
    try {
      this.#db.data = taken.snapshot;
      await this.#db.write();
      this.#snapshotBytes = fileTextLength(this.parts.adapter.lastText);
      await this.#rememberIdentity(this.#writeEpoch);
    } finally {
      this.#snapshotsWriting--;
      this.#writeEpoch++;
    }
    await removeJournalsBefore(this.parts.dir, taken.generation);
    this.parts.backups.afterWrite(this.parts.adapter.lastText);
  }

  /** A background snapshot, once the journal has grown; commits go on meanwhile. */
  #startCompaction(): void {
    if (this.#compaction !== null || this.#applying !== null || this.#failure !== null) return;
    if (this.#externalChangeAt !== null || this.#snapshotDue || this.#closed) return;
    const taken = this.#rotate();
    this.#compaction = this.#writeSnapshot(taken)
      .catch((error: unknown) => {
        // The journals stay, and hold everything: nothing is lost, a later one tries again.
        this.parts.log(`The timeline's journal could not be folded into ${this.path}`, error);
      })
      .finally(() => {
        this.#compaction = null;
      });
  }

  #compactionThreshold(): number {
    return Math.max(1 << 20, Math.min(16 << 20, this.#snapshotBytes / 4));
  }

  #retryLater(): void {
    if (this.#retryTimer !== null || this.#closed) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.#failures, RETRY_DELAYS_MS.length - 1)] ?? 5000;
    this.#failures++;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#schedule.request();
    }, delay);
    this.#retryTimer.unref();
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  /**
   * After a commit failed with ENOENT: when the data folder is gone, makes it again, and the next
   * commit writes the whole timeline from memory. True when the commit should simply run again.
   */
  async #remakeFolderAfter(error: unknown, journaled: boolean): Promise<boolean> {
    if (!isErrno(error, 'ENOENT')) return false;
    if (await this.#remakeFolderIfGone()) return true;
    // A snapshot that cannot be written into a folder that is there: a failure like any other.
    if (!journaled) return false;
    // The folder is there but our journal is not: someone removed it. Write everything again.
    this.#snapshotDue = true;
    this.#notices.push(
      `A file of your saved changes was removed from ${this.parts.dir} by another program; ` +
        'Timeline Desk wrote your whole timeline again.',
    );
    return true;
  }

  /** Makes the data folder again if it is gone; true when it was. */
  async #remakeFolderIfGone(): Promise<boolean> {
    if ((await stat(this.parts.dir).catch(() => null)) !== null) return false;
    await mkdir(this.parts.dir, { recursive: true });
    await this.parts.onFolderRemade();
    this.#snapshotDue = true;
    this.#pending = [];
    this.#identity = null;
    this.#notices.push(
      `The data folder ${this.parts.dir} was deleted while Timeline Desk was open. It was made ` +
        'again and your whole timeline written back into it from memory.',
    );
    return true;
  }

  /** Looks at the store file: gone, or replaced by another program? */
  async #look(): Promise<void> {
    if (this.#watching || this.#closed) return;
    this.#watching = true;
    try {
      await this.#lookOnce();
    } catch (error) {
      this.parts.log(`Timeline Desk could not look at ${this.path}`, error);
    } finally {
      this.#watching = false;
    }
  }

  async #lookOnce(): Promise<void> {
    if (this.#externalChangeAt !== null) return;
    const epoch = this.#writeEpoch;
    const found = await identityOf(this.path);
    // A snapshot write started or ended meanwhile: what was seen may be our own file.
    if (epoch !== this.#writeEpoch || this.#snapshotsWriting > 0) return;
    if (found === null) {
      // Nothing of ours was there yet, or the whole timeline is about to be written anyway.
      if (this.#identity === null || this.#snapshotDue) return;
      if (!(await this.#remakeFolderIfGone())) {
        this.#snapshotDue = true;
        this.#notices.push(
          `The timeline file ${this.path} was deleted while Timeline Desk was open; it was ` +
            'written again from memory.',
        );
      }
      this.#schedule.request();
      this.#changed();
      return;
    }
    if (this.#identity === null) {
      this.#identity = found;
      return;
    }
    if (sameIdentity(found, this.#identity)) return;
    this.#noticeExternalChange();
  }

  #noticeExternalChange(): void {
    if (this.#externalChangeAt !== null) return;
    this.#externalChangeAt = this.parts.now();
    this.parts.log(`${this.path} was changed by another program`, null);
    this.#changed();
  }

  async #rememberIdentity(epoch: number): Promise<void> {
    const found = await identityOf(this.path);
    if (epoch === this.#writeEpoch) this.#identity = found;
  }
}
