/**
 * The renderer's copy of the timeline: a Map of events kept in step with the main process by
 * applying each Change, plus the current selection. Views subscribe and update only what changed.
 * Follow-ups are indexed by parent, so the editor's links cost nothing however long the story.
 */
import type { Change } from '../../../shared/contract';
import type { EventId, LaneId } from '../../../shared/ids';
import type {
  Era,
  Lane,
  TimelineDocument,
  TimelineEvent,
  TimelineInfo,
} from '../../../shared/schema';

export type ChangeListener = (change: Change) => void;
export type SelectionListener = (selected: TimelineEvent | null) => void;

export class EventStore {
  #info: TimelineInfo;
  #lanes: readonly Lane[];
  #eras: readonly Era[];
  readonly #events = new Map<EventId, TimelineEvent>();
  /** parent id → the ids of the events that follow it up. */
  readonly #followUps = new Map<EventId, Set<EventId>>();
  readonly #changeListeners = new Set<ChangeListener>();
  readonly #selectionListeners = new Set<SelectionListener>();
  #selectedId: EventId | null = null;

  constructor(document: TimelineDocument) {
    this.#info = document.timeline;
    this.#lanes = document.lanes;
    this.#eras = document.eras;
    for (const event of document.events) {
      this.#events.set(event.id, event);
      this.#link(event);
    }
  }

  get info(): TimelineInfo {
    return this.#info;
  }

  get lanes(): readonly Lane[] {
    return this.#lanes;
  }

  /** The story's eras, shaded spans behind the lanes; not events. */
  get eras(): readonly Era[] {
    return this.#eras;
  }

  get size(): number {
    return this.#events.size;
  }

  get(id: EventId): TimelineEvent | undefined {
    return this.#events.get(id);
  }

  has(id: EventId): boolean {
    return this.#events.has(id);
  }

  all(): IterableIterator<TimelineEvent> {
    return this.#events.values();
  }

  lane(id: LaneId): Lane | undefined {
    return this.lanes.find((lane) => lane.id === id);
  }

  /** The events that follow up the given one, oldest first. */
  followUpsOf(id: EventId): TimelineEvent[] {
    const found: TimelineEvent[] = [];
    for (const child of this.#followUps.get(id) ?? []) {
      const event = this.#events.get(child);
      if (event) found.push(event);
    }
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get selectedId(): EventId | null {
    return this.#selectedId;
  }

  get selected(): TimelineEvent | null {
    return this.#selectedId === null ? null : (this.#events.get(this.#selectedId) ?? null);
  }

  /**
   * Applies a Change; one from an import or a restore may also bring new lanes, eras and a
   * title.
   */
  apply(change: Change): void {
    if (change.lanes) this.#lanes = change.lanes;
    if (change.eras) this.#eras = change.eras;
    if (change.timeline) this.#info = change.timeline;
    for (const event of change.upserted) this.#put(event);
    for (const id of change.removed) this.#drop(id);
    for (const listener of this.#changeListeners) listener(change);
    if (this.#selectedId !== null && change.removed.includes(this.#selectedId)) this.select(null);
  }

  select(id: EventId | null): void {
    const next = id !== null && this.#events.has(id) ? id : null;
    if (next === this.#selectedId) return;
    this.#selectedId = next;
    const selected = this.selected;
    for (const listener of this.#selectionListeners) listener(selected);
  }

  #put(event: TimelineEvent): void {
    this.#unlink(event.id);
    this.#events.set(event.id, event);
    this.#link(event);
  }

  #link(event: TimelineEvent): void {
    if (event.followUpOf === null) return;
    const children = this.#followUps.get(event.followUpOf) ?? new Set<EventId>();
    this.#followUps.set(event.followUpOf, children.add(event.id));
  }

  #drop(id: EventId): void {
    this.#unlink(id);
    this.#events.delete(id);
  }

  /** Takes an event out of its parent's follow-ups. */
  #unlink(id: EventId): void {
    const parent = this.#events.get(id)?.followUpOf;
    if (parent === null || parent === undefined) return;
    const children = this.#followUps.get(parent);
    children?.delete(id);
    if (children?.size === 0) this.#followUps.delete(parent);
  }

  onChange(listener: ChangeListener): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  onSelect(listener: SelectionListener): () => void {
    this.#selectionListeners.add(listener);
    return () => this.#selectionListeners.delete(listener);
  }
}
