/**
 * The event store: one timeline document in a lowdb JSON file. Nothing outside this module
 * knows it is lowdb. Changes apply in memory at once; file writes are atomic (write a temp file,
 * then rename), ride out brief Windows locks, and bursts of changes coalesce into few writes
 * (write-scheduler.ts). A write re-stringifies only the events that changed (event-json.ts).
 * A write that fails keeps the data in memory and is retried with the next change or flush.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { type Adapter, Low } from 'lowdb';

import type { Change } from '../../shared/contract';
import type { MigrationStep } from '../../shared/formats/migrate';
import type { EventId, LaneId } from '../../shared/ids';
import type { Lane, TimelineDocument, TimelineEvent, TimelineInfo } from '../../shared/schema';
import { runToEnd, stepEnds } from '../../shared/steps';
import { runInSlices } from '../time-slices';
import { type AtomicWriteOptions, type FileText, writeFileAtomic } from './atomic-write';
import { type BackupKeeper, openBackups } from './backups';
import { inverseOf } from './change-inverse';
import { EventJsonCache } from './event-json';
import { readOnlyNotice } from './folder-access';
import { loadStartDocument } from './startup';
import { type StoreSnapshot, storeTextParts } from './store-text';
import { WriteScheduler } from './write-scheduler';

export const STORE_FILE_NAME = 'timeline.json';
/**
 * Writes start at least this far apart: 100 edits within 100 ms are at most 3 writes, and a
 * lone edit is still written at once.
 */
export const WRITE_SPACING_MS = 60;

export interface TimelineRepository {
  readonly path: string;
  readonly info: TimelineInfo;
  readonly lanes: readonly Lane[];
  /** How many times a file write has been tried since opening (for tests and benchmarks). */
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
  /** Applies a change in memory, schedules a write, and returns the change that undoes it. */
  apply(change: Change): Change;
  /**
   * apply, in slices between other work (a change can hold 100,000 events); no write starts
   * until all of it is in.
   */
  applyInSlices(change: Change): Promise<Change>;
  /** Why the last write failed, while its data is still waiting to be written; else null. */
  unsavedError(): unknown;
  /** Writes what is not on disk yet; rejects with the error if that write fails. */
  flush(): Promise<void>;
  /**
   * Resolves once every change so far is on disk, leaving the writes to their own schedule
   * (flush hurries them); rejects when the write that should have saved them failed.
   */
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly dataDir: string;
  /** The timeline to start from when there is no store and no valid backup. */
  readonly seed: () => TimelineDocument;
  /**
   * The least time between the starts of two writes (default WRITE_SPACING_MS). A change
   * after a quiet spell is written at once; a burst of changes is one write per spacing.
   */
  readonly writeDelayMs?: number;
  readonly now?: () => Date;
  /** How old the newest backup may get before a write makes another (default 5 minutes). */
  readonly backupIntervalMs?: number;
  /** File operations and retry delays of every write (tests simulate locked files). */
  readonly write?: AtomicWriteOptions;
  readonly migrations?: readonly MigrationStep[];
  readonly log?: (message: string, error: unknown) => void;
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
    now,
    migrations: options.migrations,
    // Each event is stringified as it is read: the first save after opening is as quick as
    // the rest, and the strings are old news to the garbage collector by the first edit.
    onEvents: (events) => json.remember(events),
  });
  const adapter = new StoreFileAdapter(path, json, options.write ?? {}, (text) =>
    backups.afterWrite(text),
  );
  const repository = new LowTimelineRepository(path, start.document, {
    adapter,
    json,
    backups,
    log,
    writeSpacingMs: options.writeDelayMs ?? WRITE_SPACING_MS,
    unsaved: start.mustWrite,
  });
  // A failed first write is logged and kept: the next command reports it and tries again.
  if (start.mustWrite) await repository.flush().catch(() => undefined);
  // A store opened as it is gets backed up now if the newest backup is old (or there is none).
  else backups.afterOpen(path);
  const readOnly = await readOnlyNotice(options.dataDir);
  return { repository, backups, notices: readOnly ? [...start.notices, readOnly] : start.notices };
}

/** lowdb's adapter for the store file: compact JSON, written atomically with retries. */
class StoreFileAdapter implements Adapter<StoreSnapshot> {
  constructor(
    private readonly path: string,
    private readonly json: EventJsonCache,
    private readonly options: AtomicWriteOptions,
    private readonly onWritten: (text: FileText) => void,
  ) {}

  async read(): Promise<StoreSnapshot | null> {
    throw new Error('The store is read by store-file.ts, which validates it');
  }

  async write(snapshot: StoreSnapshot): Promise<void> {
    // Compact JSON: the store is for the app, exports are for people.
    const text = await storeTextParts(snapshot, this.json);
    await writeFileAtomic(this.path, text, this.options);
    this.onWritten(text);
  }
}

interface RepositoryParts {
  readonly adapter: StoreFileAdapter;
  readonly json: EventJsonCache;
  readonly backups: BackupKeeper;
  readonly log: (message: string, error: unknown) => void;
  readonly writeSpacingMs: number;
  /** The document is not the one on disk (seed, backup, upgrade): write it at once. */
  readonly unsaved: boolean;
}

class LowTimelineRepository implements TimelineRepository {
  writeCount = 0;
  changeCount = 0;
  #info: TimelineInfo;
  #lanes: readonly Lane[];
  #laneIds: ReadonlySet<string>;
  /** Events in the store's order; see #position. */
  #byId = new Map<EventId, TimelineEvent>();
  /** Each id's place in the order, kept after it is removed so undo puts it back there. */
  readonly #position = new Map<EventId, number>();
  #outOfOrder = false;
  readonly #followUps = new Map<EventId, Set<EventId>>();
  readonly #db: Low<StoreSnapshot>;
  readonly #schedule: WriteScheduler;
  /** Something in memory is not on disk yet. */
  #dirty: boolean;
  #failure: unknown = null;
  #writing = false;
  /** A change being applied in slices; writes wait for it. */
  #applying: Promise<void> | null = null;
  /** Told when a write ends (whenSaved). */
  #onWriteEnd: (() => void)[] = [];

  constructor(
    readonly path: string,
    document: TimelineDocument,
    private readonly parts: RepositoryParts,
  ) {
    this.#info = document.timeline;
    this.#lanes = document.lanes;
    this.#laneIds = new Set(document.lanes.map((lane) => lane.id));
    for (const event of document.events) this.#put(event);
    this.#db = new Low(parts.adapter, this.#snapshot());
    this.#schedule = new WriteScheduler(parts.writeSpacingMs, () => this.#write());
    this.#dirty = parts.unsaved;
  }

  get info(): TimelineInfo {
    return this.#info;
  }

  get lanes(): readonly Lane[] {
    return this.#lanes;
  }

  eventCount(): number {
    return this.#byId.size;
  }

  get(id: EventId): TimelineEvent | undefined {
    return this.#byId.get(id);
  }

  hasLane(id: LaneId): boolean {
    return this.#laneIds.has(id);
  }

  followUpsOf(id: EventId): readonly EventId[] {
    return [...(this.#followUps.get(id) ?? [])];
  }

  events(): IterableIterator<TimelineEvent> {
    return this.#byId.values();
  }

  document(): TimelineDocument {
    return {
      format: 'timeline-desk',
      version: 1,
      timeline: this.#info,
      lanes: this.#lanes,
      events: [...this.#byId.values()],
    } as TimelineDocument;
  }

  eventTexts(): Promise<string[]> {
    return this.parts.json.all([...this.#byId.values()]);
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
    // Writes wait until the whole change is in: the file never holds half of one.
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
      this.#remove(id);
      if (stepEnds(i)) yield;
    }
    for (const [i, event] of change.upserted.entries()) {
      this.#put(event);
      if (stepEnds(i)) yield;
    }
    if (this.#outOfOrder) yield* this.#reorder();
    if (change.lanes !== undefined) {
      this.#lanes = change.lanes;
      this.#laneIds = new Set(change.lanes.map((lane) => lane.id));
    }
    if (change.timeline !== undefined) this.#info = change.timeline;
    this.#dirty = true;
    this.#schedule.request();
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
        // Nothing will write it by itself: only a failed write leaves the store like this.
        if (this.#failure !== null) throw this.#failure;
        this.#schedule.request();
      }
      await new Promise<void>((ended) => this.#onWriteEnd.push(ended));
    }
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.parts.backups.idle();
    }
  }

  #snapshot(): StoreSnapshot {
    return { timeline: this.#info, lanes: this.#lanes, events: [...this.#byId.values()] };
  }

  async #write(): Promise<void> {
    while (this.#applying !== null) await this.#applying;
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#db.data = this.#snapshot();
    this.writeCount++;
    this.#writing = true;
    try {
      await this.#db.write();
      this.#failure = null;
    } catch (error) {
      // The data stays in memory; the next change or flush writes it again.
      this.#dirty = true;
      this.#failure = error;
      this.parts.log(`The timeline could not be saved to ${this.path}`, error);
    } finally {
      this.#writing = false;
      for (const ended of this.#onWriteEnd.splice(0)) ended();
    }
  }

  #put(event: TimelineEvent): void {
    const previous = this.#byId.get(event.id);
    const position = this.#position.get(event.id);
    if (position === undefined) this.#position.set(event.id, this.#position.size);
    else if (!previous) this.#outOfOrder = true; // an event coming back, e.g. by undo
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(event.id);
    this.#byId.set(event.id, event);
    if (event.followUpOf) {
      let children = this.#followUps.get(event.followUpOf);
      if (!children) this.#followUps.set(event.followUpOf, (children = new Set()));
      children.add(event.id);
    }
  }

  /**
   * Puts events that came back in their old places, so undo restores the document exactly.
   * Positions are distinct whole numbers below the number of ids ever seen: one pass puts
   * every event in its slot, without sorting (an undone import can bring 100,000 back).
   */
  *#reorder(): Generator<void, void, undefined> {
    const slots = new Array<TimelineEvent | undefined>(this.#position.size);
    let i = 0;
    for (const [id, event] of this.#byId) {
      slots[this.#position.get(id) ?? slots.length] = event;
      if (stepEnds(i++)) yield;
    }
    const byId = new Map<EventId, TimelineEvent>();
    for (const [at, event] of slots.entries()) {
      if (event !== undefined) byId.set(event.id, event);
      if (stepEnds(at)) yield;
    }
    this.#byId = byId;
    this.#outOfOrder = false;
  }

  #remove(id: EventId): void {
    const previous = this.#byId.get(id);
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(id);
    this.#byId.delete(id);
  }
}
