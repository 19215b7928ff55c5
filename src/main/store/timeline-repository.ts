/**
 * The event store: one timeline document in a lowdb JSON file. Nothing outside this module
 * knows it is lowdb. Changes apply in memory at once; file writes are atomic (write a temp file,
 * then rename), ride out brief Windows locks, and bursts of changes coalesce into few writes.
 * A write that fails keeps the data in memory and is retried with the next change or flush.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { type Adapter, Low } from 'lowdb';

import type { Change } from '../../shared/contract';
import type { MigrationStep } from '../../shared/formats/migrate';
import type { EventId, LaneId } from '../../shared/ids';
import type { Lane, TimelineDocument, TimelineEvent, TimelineInfo } from '../../shared/schema';
import { type AtomicWriteOptions, writeFileAtomic } from './atomic-write';
import { type BackupKeeper, openBackups } from './backups';
import { inverseOf } from './change-inverse';
import { loadStartDocument } from './startup';

export const STORE_FILE_NAME = 'timeline.json';

export interface TimelineRepository {
  readonly path: string;
  readonly info: TimelineInfo;
  readonly lanes: readonly Lane[];
  /** How many times a file write has been tried since opening (for tests and benchmarks). */
  readonly writeCount: number;
  eventCount(): number;
  get(id: EventId): TimelineEvent | undefined;
  hasLane(id: LaneId): boolean;
  /** The ids of the events that follow up the given one. */
  followUpsOf(id: EventId): readonly EventId[];
  events(): IterableIterator<TimelineEvent>;
  /** The whole document, in the store's order. */
  document(): TimelineDocument;
  /** Applies a change in memory, schedules a write, and returns the change that undoes it. */
  apply(change: Change): Change;
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
  /** How long changes gather before a write; a burst inside this window is one write. */
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
  const start = await loadStartDocument({
    path,
    backups,
    seed: options.seed,
    now,
    migrations: options.migrations,
  });
  const adapter = new StoreFileAdapter(path, options.write ?? {}, (text) =>
    backups.afterWrite(text),
  );
  const repository = new LowTimelineRepository(path, start.document, {
    adapter,
    backups,
    log,
    writeDelayMs: options.writeDelayMs ?? 25,
    unsaved: start.mustWrite,
  });
  // A failed first write is logged and kept: the next command reports it and tries again.
  if (start.mustWrite) await repository.flush().catch(() => undefined);
  // A store opened as it is gets backed up now if the newest backup is old (or there is none).
  else if (backups.isDue()) backups.afterWrite(JSON.stringify(start.document));
  return { repository, backups, notices: start.notices };
}

/** lowdb's adapter for the store file: compact JSON, written atomically with retries. */
class StoreFileAdapter implements Adapter<TimelineDocument> {
  constructor(
    private readonly path: string,
    private readonly options: AtomicWriteOptions,
    private readonly onWritten: (text: string) => void,
  ) {}

  async read(): Promise<TimelineDocument | null> {
    throw new Error('The store is read by store-file.ts, which validates it');
  }

  async write(data: TimelineDocument): Promise<void> {
    // Compact JSON: the store is for the app, exports are for people.
    const text = JSON.stringify(data);
    await writeFileAtomic(this.path, text, this.options);
    this.onWritten(text);
  }
}

interface RepositoryParts {
  readonly adapter: StoreFileAdapter;
  readonly backups: BackupKeeper;
  readonly log: (message: string, error: unknown) => void;
  readonly writeDelayMs: number;
  /** The document is not the one on disk (seed, backup, upgrade): write it at once. */
  readonly unsaved: boolean;
}

class LowTimelineRepository implements TimelineRepository {
  writeCount = 0;
  #info: TimelineInfo;
  #lanes: readonly Lane[];
  #laneIds: ReadonlySet<string>;
  /** Events in the store's order; see #position. */
  #byId = new Map<EventId, TimelineEvent>();
  /** Each id's place in the order, kept after it is removed so undo puts it back there. */
  readonly #position = new Map<EventId, number>();
  #outOfOrder = false;
  readonly #followUps = new Map<EventId, Set<EventId>>();
  readonly #db: Low<TimelineDocument>;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The last write started; writes run one after another. */
  #pending: Promise<void> = Promise.resolve();
  /** Something in memory is not on disk yet. */
  #dirty: boolean;
  #failure: unknown = null;
  #writing = false;
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
    this.#db = new Low(parts.adapter, document);
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

  apply(change: Change): Change {
    const inverse = inverseOf(change, this);
    for (const id of change.removed) this.#remove(id);
    for (const event of change.upserted) this.#put(event);
    if (this.#outOfOrder) this.#reorder();
    if (change.lanes !== undefined) {
      this.#lanes = change.lanes;
      this.#laneIds = new Set(change.lanes.map((lane) => lane.id));
    }
    if (change.timeline !== undefined) this.#info = change.timeline;
    this.#dirty = true;
    this.#schedule();
    return inverse;
  }

  unsavedError(): unknown {
    return this.#dirty ? this.#failure : null;
  }

  async flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#dirty) this.#startWrite();
    await this.#pending;
    if (this.#dirty && this.#failure !== null) throw this.#failure;
  }

  async whenSaved(): Promise<void> {
    while (this.#dirty || this.#writing) {
      if (!this.#writing && this.#timer === null && this.#failure !== null) throw this.#failure;
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

  #startWrite(): void {
    this.#pending = this.#pending.then(() => this.#write());
  }

  async #write(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#db.data = this.document();
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

  #schedule(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#startWrite();
    }, this.parts.writeDelayMs);
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

  /** Puts events that came back in their old places, so undo restores the document exactly. */
  #reorder(): void {
    const position = (id: EventId) => this.#position.get(id) ?? Infinity;
    const entries = [...this.#byId].sort(([a], [b]) => position(a) - position(b));
    this.#byId = new Map(entries);
    this.#outOfOrder = false;
  }

  #remove(id: EventId): void {
    const previous = this.#byId.get(id);
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(id);
    this.#byId.delete(id);
  }
}
