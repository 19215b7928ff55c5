/**
 * The event store: one timeline document in a lowdb JSON file. Nothing outside this module
 * knows it is lowdb. Changes apply in memory at once; file writes are atomic (write a temp file,
 * then rename) and bursts of changes coalesce into few writes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';

import type { Change } from '../../shared/contract';
import type { EventId, LaneId } from '../../shared/ids';
import type { Lane, TimelineDocument, TimelineEvent, TimelineInfo } from '../../shared/schema';
import { moveAside, readStoreFile } from './store-file';

export const STORE_FILE_NAME = 'timeline.json';

export interface TimelineRepository {
  readonly path: string;
  readonly info: TimelineInfo;
  readonly lanes: readonly Lane[];
  /** How many times the file has been written since opening (for tests and benchmarks). */
  readonly writeCount: number;
  eventCount(): number;
  get(id: EventId): TimelineEvent | undefined;
  hasLane(id: LaneId): boolean;
  /** The ids of the events that follow up the given one. */
  followUpsOf(id: EventId): readonly EventId[];
  events(): IterableIterator<TimelineEvent>;
  /** The whole document, in the store's order. */
  document(): TimelineDocument;
  /** Applies a change in memory and schedules a write. */
  apply(change: Change): void;
  /** Resolves when everything applied so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly dataDir: string;
  /** The timeline to start from when there is no store yet (or it is damaged). */
  readonly seed: () => TimelineDocument;
  /** How long changes gather before a write; a burst inside this window is one write. */
  readonly writeDelayMs?: number;
  readonly now?: () => Date;
}

export interface OpenedRepository {
  readonly repository: TimelineRepository;
  /** Messages for the user, e.g. where a damaged store file was moved. */
  readonly notices: readonly string[];
}

export async function openTimelineRepository(options: OpenOptions): Promise<OpenedRepository> {
  await mkdir(options.dataDir, { recursive: true });
  const path = join(options.dataDir, STORE_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const state = await readStoreFile(path);
  const notices: string[] = [];
  let document: TimelineDocument;
  if (state.kind === 'valid') {
    document = state.document;
  } else {
    if (state.kind === 'damaged') {
      const movedTo = await moveAside(path, now());
      notices.push(
        `Your timeline file could not be opened because ${state.reason}. ` +
          `It was kept, unchanged, at ${movedTo}. Timeline Desk started from the seed timeline.`,
      );
    }
    document = options.seed();
  }
  const repository = new LowTimelineRepository(path, document, options.writeDelayMs ?? 25);
  if (state.kind !== 'valid') await repository.writeNow();
  return { repository, notices };
}

class LowTimelineRepository implements TimelineRepository {
  readonly info: TimelineInfo;
  readonly lanes: readonly Lane[];
  writeCount = 0;
  readonly #byId = new Map<EventId, TimelineEvent>();
  readonly #followUps = new Map<EventId, Set<EventId>>();
  readonly #laneIds: ReadonlySet<string>;
  readonly #db: Low<TimelineDocument>;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: Promise<void> = Promise.resolve();
  #failure: unknown = null;

  constructor(
    readonly path: string,
    document: TimelineDocument,
    private readonly writeDelayMs: number,
  ) {
    this.info = document.timeline;
    this.lanes = document.lanes;
    this.#laneIds = new Set(document.lanes.map((lane) => lane.id));
    for (const event of document.events) this.#put(event);
    // Compact JSON: the store is for the app, exports are for people.
    const adapter = new DataFile<TimelineDocument>(path, {
      parse: (text) => JSON.parse(text) as TimelineDocument,
      stringify: (data) => JSON.stringify(data),
    });
    this.#db = new Low(adapter, document);
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
      timeline: this.info,
      lanes: this.lanes,
      events: [...this.#byId.values()],
    } as TimelineDocument;
  }

  apply(change: Change): void {
    for (const id of change.removed) this.#remove(id);
    for (const event of change.upserted) this.#put(event);
    this.#schedule();
  }

  async flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
      this.#pending = this.writeNow();
    }
    await this.#pending;
    if (this.#failure !== null) {
      const failure = this.#failure;
      this.#failure = null;
      throw failure;
    }
  }

  async close(): Promise<void> {
    await this.flush();
  }

  async writeNow(): Promise<void> {
    this.#db.data = this.document();
    this.writeCount++;
    try {
      await this.#db.write();
    } catch (error) {
      // Kept for the next flush; the data stays in memory and the next change retries.
      this.#failure = error;
    }
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#pending = this.writeNow();
    }, this.writeDelayMs);
  }

  #put(event: TimelineEvent): void {
    const previous = this.#byId.get(event.id);
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(event.id);
    this.#byId.set(event.id, event);
    if (event.followUpOf) {
      let children = this.#followUps.get(event.followUpOf);
      if (!children) this.#followUps.set(event.followUpOf, (children = new Set()));
      children.add(event.id);
    }
  }

  #remove(id: EventId): void {
    const previous = this.#byId.get(id);
    if (previous?.followUpOf) this.#followUps.get(previous.followUpOf)?.delete(id);
    this.#byId.delete(id);
  }
}
