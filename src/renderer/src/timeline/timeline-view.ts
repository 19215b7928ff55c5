/**
 * The one module that imports vis-timeline. It shows the store's events as items in lane groups,
 * applies each Change as one batched update, and turns user gestures into requests.
 */
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

import moment from 'moment';
import { DataSet } from 'vis-data/peer';
import { type DateType, type IdType, Timeline, type TimelineOptions } from 'vis-timeline/peer';

import type { Change } from '../../../shared/contract';
import type { EventId, LaneId } from '../../../shared/ids';
import type { Lane, TimelineEvent } from '../../../shared/schema';
import { renderItem, renderLane } from './item-render';
import { type EventItem, eventToItem, type LaneGroup, laneToGroup, withLaneColour } from './items';

export interface MoveRequest {
  readonly id: EventId;
  readonly laneId: LaneId;
  /** The item's new start and (exclusive) end, in epoch ms; end is null for a point. */
  readonly start: number;
  readonly end: number | null;
}

export interface TimelineHandlers {
  onSelect(id: EventId | null): void;
  /** Resolves true when the move was saved; false reverts the item. */
  onMove(request: MoveRequest): Promise<boolean>;
  onAdd(request: { readonly instant: number; readonly laneId: LaneId | null }): void;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * 24 * HOUR;

export class TimelineView {
  readonly #items = new DataSet<EventItem, 'id'>();
  /** Our own copy of each item, read without going through the DataSet (which copies). */
  readonly #byId = new Map<EventId, EventItem>();
  readonly #groups = new DataSet<LaneGroup, 'id'>();
  readonly #timeline: Timeline;
  #lanes: ReadonlyMap<LaneId, Lane>;
  readonly #container: HTMLElement;
  #selectedId: EventId | null = null;

  constructor(container: HTMLElement, lanes: readonly Lane[], handlers: TimelineHandlers) {
    this.#container = container;
    this.#lanes = new Map(lanes.map((lane) => [lane.id, lane]));
    this.#groups.add(lanes.map(laneToGroup));
    this.#timeline = new Timeline(container, this.#items, this.#groups, options(handlers, this));
    this.#timeline.on('select', (props?: { items?: IdType[] }) => {
      container.focus({ preventScroll: true });
      const id = props?.items?.[0];
      this.#selectedId = id === undefined ? null : (String(id) as EventId);
      handlers.onSelect(this.#selectedId);
    });
  }

  /** Shows the loaded events, fits them once vis has laid out, then reports the complete draw. */
  load(events: Iterable<TimelineEvent>, onReady: () => void): void {
    let draws = 0;
    const onChanged = (): void => {
      draws += 1;
      // The first draw sizes the panels; fitting needs their width, and then one more draw.
      if (draws === 1 && this.#items.length > 0) return this.fit(false);
      this.#timeline.off('changed', onChanged);
      onReady();
    };
    this.#timeline.on('changed', onChanged);
    this.#items.add([...events].map((event) => this.#remember(event)));
    this.#timeline.redraw();
  }

  /** Updates only the items a Change touched (and, with new lanes, those whose colour changed). */
  apply(change: Change): void {
    const lanes = change.lanes ? this.#setLanes(change.lanes) : { gone: [], recoloured: [] };
    const upserted = change.upserted.map((event) => this.#remember(event));
    const touched = new Set(upserted.map((item) => item.id));
    const updates = [...upserted, ...lanes.recoloured.filter((item) => !touched.has(item.id))];
    if (updates.length > 0) this.#items.update(updates);
    if (change.removed.length > 0) {
      for (const id of change.removed) this.#byId.delete(id);
      this.#items.remove(change.removed);
    }
    // Lanes go last, once no item is left in them.
    if (lanes.gone.length > 0) this.#groups.remove(lanes.gone);
  }

  /** The current item of an event (after a saved move, with the saved dates). */
  item(id: EventId): EventItem | null {
    const item = this.#byId.get(id);
    return item ? { ...item } : null;
  }

  get selectedId(): EventId | null {
    return this.#selectedId;
  }

  select(id: EventId | null): void {
    this.#selectedId = id;
    this.#timeline.setSelection(id === null ? [] : [id]);
  }

  /** Selects an event and scrolls it into view, keeping the zoom. */
  reveal(id: EventId): void {
    const item = this.#byId.get(id);
    if (!item) return;
    this.select(id);
    const window = this.#timeline.getWindow();
    const inView =
      item.start < window.end.getTime() && (item.end ?? item.start) > window.start.getTime();
    if (!inView) this.#timeline.moveTo(centreOf(item));
    this.#items.update({ ...item }); // re-clusters, now without the selected event
  }

  /** The instant at the centre of the visible window. */
  centre(): number {
    const window = this.#timeline.getWindow();
    return (window.start.getTime() + window.end.getTime()) / 2;
  }

  /**
   * Scales the visible window (factor < 1 zooms in). With a selected event in view, the zoom
   * centres on it, so repeated zooms close in on what the user is looking at.
   */
  zoom(factor: number, around: EventId | null): void {
    const window = this.#timeline.getWindow();
    const [start, end] = [window.start.getTime(), window.end.getTime()];
    const item = around === null ? null : (this.#byId.get(around) ?? null);
    const inView = item !== null && item.start < end && (item.end ?? item.start) > start;
    const centre = item && inView ? centreOf(item) : (start + end) / 2;
    const half = ((end - start) * factor) / 2;
    this.#timeline.setWindow(centre - half, centre + half, { animation: false });
  }

  /** Shows every event, leaving room on the right for the labels of the latest ones. */
  fit(animate = true): void {
    let min = Infinity;
    let max = -Infinity;
    for (const item of this.#byId.values()) {
      min = Math.min(min, item.start);
      max = Math.max(max, item.end ?? item.start);
    }
    if (min > max) return;
    const width = this.#container.querySelector('.vis-center')?.clientWidth ?? 0;
    const [left, right] = [24, Math.min(260, width / 3)];
    const span = Math.max(max - min, DAY);
    const total = width > left + right ? (span * width) / (width - left - right) : span * 1.3;
    const start = min - (left / Math.max(width, 1)) * total;
    this.#timeline.setWindow(start, start + total, { animation: animate });
  }

  /** Adds and updates lane groups; returns the lanes that are gone and the recoloured items. */
  #setLanes(lanes: readonly Lane[]): { gone: LaneId[]; recoloured: EventItem[] } {
    const before = this.#lanes;
    this.#lanes = new Map(lanes.map((lane) => [lane.id, lane]));
    this.#groups.update(lanes.map(laneToGroup));
    const gone = [...before.keys()].filter((id) => !this.#lanes.has(id));
    const recoloured: EventItem[] = [];
    for (const item of this.#byId.values()) {
      const lane = this.#lanes.get(item.group);
      if (!lane || lane.color === before.get(item.group)?.color) continue;
      const next = withLaneColour(item, lane);
      this.#byId.set(item.id, next);
      recoloured.push({ ...next });
    }
    return { gone, recoloured };
  }

  /** Maps an event to its item, keeps our copy, and returns a fresh object for the DataSet. */
  #remember(event: TimelineEvent): EventItem {
    const item = eventToItem(event, this.#lanes.get(event.laneId));
    this.#byId.set(event.id, item);
    return { ...item };
  }
}

type ItemCallback = (item: EventItem | null) => void;

function options(handlers: TimelineHandlers, view: TimelineView): TimelineOptions {
  return {
    // Calendar dates are UTC periods: draw the axis in UTC so they never shift with the zone.
    moment: (date?: moment.MomentInput) => moment(date).utc(),
    orientation: { axis: 'top', item: 'top' },
    height: '100%',
    stack: true,
    groupOrder: 'order',
    selectable: true,
    multiselect: false,
    showCurrentTime: true,
    showTooltips: false,
    editable: { add: true, updateTime: true, updateGroup: true, remove: false },
    itemsAlwaysDraggable: { item: true, range: true },
    margin: { item: { horizontal: 4, vertical: 6 }, axis: 10 },
    // Many overlapping events collapse into a count; double-click a cluster to zoom into it.
    // The selected event never joins a cluster, so it stays in sight.
    cluster: {
      maxItems: 5,
      titleTemplate: '{count} events',
      showStipes: true,
      clusterCriteria: (a, b) => a.id !== view.selectedId && b.id !== view.selectedId,
    },
    // No snapping to the axis grid: a drag's instants are rounded to each date's own precision.
    snap: null,
    zoomMin: HOUR,
    zoomMax: 500 * YEAR,
    template: (item?: Parameters<typeof renderItem>[0]) => renderItem(item),
    groupTemplate: (group?: Partial<LaneGroup>) => renderLane(group),
    onAdd: (item: { start: DateType; group?: IdType }, callback: ItemCallback) => {
      callback(null); // the item appears when the created event comes back as a Change
      const laneId = item.group === undefined ? null : (String(item.group) as LaneId);
      handlers.onAdd({ instant: toMs(item.start), laneId });
    },
    onMove: (
      item: { id?: IdType; start: DateType; end?: DateType; group?: IdType },
      callback: ItemCallback,
    ) => {
      const id = String(item.id) as EventId;
      const request: MoveRequest = {
        id,
        laneId: String(item.group) as LaneId,
        start: toMs(item.start),
        end: item.end === undefined || item.end === null ? null : toMs(item.end),
      };
      void handlers.onMove(request).then((saved) => callback(saved ? view.item(id) : null));
    },
  };
}

function centreOf(item: EventItem): number {
  return item.end === undefined ? item.start : (item.start + item.end) / 2;
}

function toMs(value: DateType): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}
