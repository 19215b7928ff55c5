/**
 * The one module that imports vis-timeline. vis holds only what the view needs now: the events in
 * and near the visible window, one by one where they are few and as counts where they are many
 * (timeline-model.ts plans them; item-writer.ts hands vis the difference; count-canvas.ts draws
 * the counts). A Change or a new selection updates vis's items in one batch; a pan or zoom plans
 * again only when the window nears the edge of what is planned. User gestures on the items turn
 * into requests.
 */
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

import { DataSet } from 'vis-data/esnext';
import * as visModule from 'vis-timeline/esnext/esm/vis-timeline-graph2d.min.js';
import {
  type DateType,
  type IdType,
  Timeline,
  type TimelineOptions,
} from 'vis-timeline/esnext/esm/vis-timeline-graph2d.min.js';

import type { Change } from '../../../shared/contract';
import type { EventId, LaneId } from '../../../shared/ids';
import type { Era, Lane, TimelineEvent } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import type { EventSlots, ShownTest } from '../state/event-slots';
import { type BandItem, bandName, countName, countSummary, samePlace } from './aggregate-items';
import { hideCutAxisLabels } from './axis-labels';
import { CountCanvas } from './count-canvas';
import type { CountBox, CountRow } from './count-layout';
import { EraBands, type EraItem } from './era-items';
import type { IndexEntry } from './event-index';
import {
  bucketHolding,
  countHolding,
  edgeEvent,
  type Place,
  stepInTime,
  stepLane,
} from './event-steps';
import { renderItem, renderLane } from './item-render';
import { ItemWriter } from './item-writer';
import { type EventItem, type LaneGroup, laneToGroup } from './items';
import {
  type Aggregate,
  fitsPlan,
  needsPlan,
  type PlanOptions,
  type ViewPlan,
  type ViewWindow,
} from './level-of-detail';
import { type TimelineKey, timelineKeyOf } from './timeline-keys';
import { TimelineListbox } from './timeline-listbox';
import { settledItems, type TimelineItem, TimelineModel } from './timeline-model';
import { adaptVis, drawTogether, type VisInternals } from './vis-internals';
import { wheelIntent } from './wheel-intent';
import { WheelRest } from './wheel-rest';
import { zonedMoment } from './zoned-moment';

export interface MoveRequest {
  readonly id: EventId;
  readonly laneId: LaneId;
  /** The item's new start and (exclusive) end, in epoch ms; end is null for a point. */
  readonly start: number;
  readonly end: number | null;
}

export interface TimelineHandlers {
  /** `reveal`: the keyboard chose it; it is brought into view. */
  onSelect(id: EventId | null, options?: { reveal?: boolean }): void;
  /** Enter on the selected event: open it in the editor. */
  onOpen(id: EventId): void;
  /** Resolves true when the move was saved; false reverts the item. */
  onMove(request: MoveRequest): Promise<boolean>;
  onAdd(request: AddRequest): void;
  /** A lane label was clicked: show or hide the lane's events. */
  onToggleLane(laneId: LaneId): void;
}

export interface AddRequest {
  readonly instant: number;
  readonly laneId: LaneId | null;
}

/** Items made and measured together while the page is idle (see #measureAhead). */
const MEASURE_BATCH = 50;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * 24 * HOUR;

export class TimelineView {
  readonly #items = new DataSet<TimelineItem | EraItem, 'id'>();
  /** The story's eras, shaded behind the lanes; not events, so not planned (era-items.ts). */
  readonly #eras = new EraBands({
    add: (items) => this.#items.add(items),
    update: (items) => this.#items.update(items),
    remove: (ids) => this.#items.remove(ids),
  });
  readonly #groups = new DataSet<LaneGroup, 'id'>();
  readonly #timeline: Timeline;
  /** vis's internals, checked when the timeline is made (vis-internals.ts). */
  readonly #vis: VisInternals;
  readonly #container: HTMLElement;
  readonly #handlers: TimelineHandlers;
  readonly #model: TimelineModel;
  /**
   * vis redraws its item set (laying out every lane) inside each DataSet call; the writer's calls
   * leave that to the timeline's next frame instead, which draws them all at once.
   */
  readonly #writer = new ItemWriter<TimelineItem>(
    {
      add: (items) => this.#vis.quietly(() => this.#items.add(items)),
      update: (items) => this.#vis.quietly(() => this.#items.update(items)),
      remove: (ids) => this.#vis.quietly(() => this.#items.remove(ids)),
    },
    // A frame that comes after destroy has nothing to write to.
    (run) => requestAnimationFrame(() => this.#life.signal.aborted || run()),
  );
  #plan: ViewPlan | null = null;
  #selectedId: EventId | null = null;
  /** A dragged event whose move is being saved: it stays drawn whatever the plan says. */
  #saving: EventId | null = null;
  /** The aggregate under the last pointer press, if any: its clicks are not about events. */
  #pressed: string | null = null;
  #width = 0;
  /** The lanes' counts, drawn over the item area after each of vis's draws. */
  readonly #counts: CountCanvas;
  /** The bands of counts the last plan wants: their counts are drawn. */
  #bands: readonly BandItem[] = [];
  /** The bands' numbers changed without vis drawing: the canvas draws them at the next frame. */
  #countsStale = false;
  /** While the wheel turns: lane → its bands in vis, in one of whose rows its counts go. */
  #rows: ReadonlyMap<LaneId, readonly string[]> = new Map();
  /** False until load has fitted the events (see the range listeners). */
  #loaded = false;
  /** Out of sight (the chronology is shown): vis is not drawn again until the timeline is back. */
  #hidden = false;
  /** Something changed while hidden: plan and draw once shown again. */
  #staleWhileHidden = false;
  /** An idle callback that will measure items vis has not drawn yet. */
  #measuring: number | null = null;
  #hiddenLanes: ReadonlySet<LaneId> = new Set();
  /** While the wheel turns, plans settle; when it rests, the window is planned in full. */
  readonly #wheel: WheelRest;
  /** The count the keyboard is on, if any (no event is selected then). */
  #activeCount: Aggregate | null = null;
  /** The host as a listbox: which option the keyboard is on, for assistive technology. */
  readonly #listbox: TimelineListbox;
  /** The accessible name of the count the keyboard is on. */
  #countName: string | null = null;
  /** A lane to scroll into view once vis has drawn (the keyboard went to it). */
  #laneToShow: LaneId | null = null;
  /** Ends what the view has asked of the page beyond its container (see destroy). */
  readonly #life = new AbortController();
  /** The zone the axis and the items' words give times in. */
  #zone = UTC_ZONE;

  constructor(
    container: HTMLElement,
    lanes: readonly Lane[],
    handlers: TimelineHandlers,
    slots: EventSlots,
  ) {
    this.#container = container;
    this.#handlers = handlers;
    this.#model = new TimelineModel(lanes, slots);
    this.#groups.add(lanes.map(laneToGroup));
    this.#timeline = new Timeline(
      container,
      this.#items,
      this.#groups,
      options({
        onAdd: (request) => this.#onAdd(request),
        onMove: (request, done) => this.#onMove(request, done),
        band: (id) => this.#bands.find((band) => band.id === id),
      }),
    );
    this.#vis = adaptVis(this.#timeline, visModule);
    this.#vis.skipInitialFit();
    this.#wheel = new WheelRest(container, () => {
      if (this.#loaded && (this.#plan?.settling || !fitsPlan(this.#plan, this.#window()))) {
        this.#refresh(true);
      }
    });
    this.#timeline.on('select', (props?: { items?: IdType[] }) => this.#onSelect(props));
    // While a gesture runs, plan again only when needed; once it ends, for the final window.
    // Until load has fitted the events, the window is vis's own first guess: not worth a plan.
    this.#timeline.on('rangechange', () => {
      if (this.#loaded && needsPlan(this.#plan, this.#window())) this.#refresh(true);
    });
    this.#timeline.on('rangechanged', () => {
      // While the wheel turns, its rest plans for the final window.
      if (this.#loaded && !this.#wheel.turning && !fitsPlan(this.#plan, this.#window())) {
        this.#refresh(true);
      }
    });
    // vis zooms on each wheel notch (each a gesture of its own to vis): until the wheel rests,
    // plans settle (see level-of-detail.ts), so new events do not enter on every notch. Shift+wheel
    // and a trackpad's vertical scroll move through the lanes instead (wheel-intent.ts).
    container.addEventListener('wheel', (event) => this.#onWheel(event), {
      capture: true,
      passive: false,
    });
    // Many DataSet writes in a frame cost one layout of the lanes, not one each (see #writer).
    this.#counts = new CountCanvas(container, this.#life.signal);
    // Under the items: the item area's first child.
    this.#centre()?.prepend(this.#counts.element);
    this.#timeline.on('changed', () => {
      hideCutAxisLabels(container);
      this.#drawCounts();
      this.#showLane();
      this.#keepSelection();
      this.#syncActive();
      this.#measureAheadSoon();
    });
    this.#listbox = new TimelineListbox(container);
    container.addEventListener('keydown', (event) => this.#onKey(event));
    container.addEventListener(
      'pointerdown',
      (event) => (this.#pressed = this.#countAt(event)?.count.id ?? aggregateAt(event)),
      { capture: true },
    );
    container.addEventListener('pointermove', (event) => this.#hover(event), { passive: true });
    container.addEventListener('click', (event) => {
      const toggle = (event.target as Element | null)?.closest('[data-lane-toggle]');
      const laneId = toggle?.getAttribute('data-lane-toggle');
      if (!laneId) return;
      // The label is out of the tab order: the keys stay with the timeline.
      this.#container.focus({ preventScroll: true });
      this.#handlers.onToggleLane(laneId as LaneId);
    });
    this.#watchWidth();
  }

  /**
   * Takes the timeline down (another story takes the window): vis's own listeners and elements,
   * the idle work still asked for, and the page-wide listeners go; nothing keeps the view alive.
   */
  destroy(): void {
    this.#life.abort();
    if (this.#measuring !== null) cancelIdleCallback(this.#measuring);
    this.#measuring = null;
    this.#timeline.destroy();
  }

  /** Marks the lanes whose events a filter hides: their labels say so. */
  setHiddenLanes(hidden: ReadonlySet<LaneId>): void {
    // New labels are a relayout of every lane: only when the set changes.
    const same =
      hidden.size === this.#hiddenLanes.size &&
      [...hidden].every((id) => this.#hiddenLanes.has(id));
    if (same) return;
    this.#hiddenLanes = hidden;
    this.#groups.update(this.#model.lanes.map((lane, index) => this.#group(lane, index)));
  }

  #group(lane: Lane, index: number): LaneGroup {
    // Always set: a DataSet update keeps the fields it is not given.
    return { ...laneToGroup(lane, index), eventsHidden: this.#hiddenLanes.has(lane.id) };
  }

  /**
   * Shows the loaded events fitted to the window, then reports the complete draw. Fitting needs
   * the width of vis's item area: vis has laid out its panels while it was built (it draws as it
   * takes the lanes), so that is one draw; only without that width does a first draw size them.
   */
  load(events: Iterable<TimelineEvent>, onReady: () => void): void {
    this.#model.load(events);
    const fitAndDraw = (): void => {
      // fit() plans for the fitted window itself; the range listeners plan from then on.
      if (this.#model.size > 0) this.fit(false);
      this.#loaded = true;
      this.#afterDraw(() => {
        onReady();
        requestIdleCallback(() => this.#life.signal.aborted || this.#model.prepareSubsets());
      });
    };
    if (this.#centreWidth() > 0) fitAndDraw();
    else this.#afterDraw(fitAndDraw);
  }

  /** Asks vis for a draw and runs `then` once it is done. */
  #afterDraw(then: () => void): void {
    const drawn = (): void => {
      this.#timeline.off('changed', drawn);
      then();
    };
    this.#timeline.on('changed', drawn);
    this.#timeline.redraw();
  }

  /** Draws the story's eras (all of them, as they are now). */
  setEras(eras: readonly Era[]): void {
    this.#eras.set(eras);
  }

  /**
   * Shows times in another zone: the axis's labels and the items' words. Every item keeps its
   * place (an instant is the same in any zone; calendar dates stay where UTC puts them).
   */
  setZone(zone: string): void {
    if (zone === this.#zone) return;
    this.#zone = zone;
    this.#model.setZone(zone);
    this.#eras.setZone(zone);
    this.#timeline.setOptions({ moment: zonedMoment(zone) });
    // Before the first load there is nothing to draw: load plans the window.
    if (this.#loaded) this.#refresh();
  }

  /** Applies a Change, then updates vis's items in one batch. */
  apply(change: Change): void {
    if (change.eras) this.setEras(change.eras);
    const gone = this.#model.apply(change);
    if (change.lanes) {
      this.#groups.update(change.lanes.map((lane, index) => this.#group(lane, index)));
    }
    this.#shown();
    // Lanes go last, once no item is left in them.
    if (gone.length > 0) this.#groups.remove(gone);
    // The runs it changed, ready again for the next search or filter.
    requestIdleCallback(() => this.#life.signal.aborted || this.#model.prepareSubsets());
  }

  /** Shows only the events the search and filters' test lets through (null: every event). */
  show(test: ShownTest): void {
    this.#model.show(test);
    // Before the first load there is nothing to draw: load plans the window.
    if (this.#loaded) this.#shown();
  }

  /** Redraws what is shown now; a selected event no longer shown is no longer selected. */
  #shown(): void {
    if (this.#selectedId !== null && !this.#model.entry(this.#selectedId)) {
      this.#selectedId = null;
    }
    this.#refresh();
  }

  /** The current item of an event (after a saved move, with the saved dates). */
  item(id: EventId): EventItem | null {
    return this.#model.item(id);
  }

  get selectedId(): EventId | null {
    return this.#selectedId;
  }

  /** Selects an event; it is drawn one by one however dense its lane is. */
  select(id: EventId | null): void {
    this.#selectedId = id;
    if (id !== null) this.#setActiveCount(null);
    this.#refresh();
    this.#timeline.setSelection(id === null ? [] : [id]);
    this.#syncActive();
  }

  /** Selects an event and scrolls it into view (to its lane, too), keeping the zoom. */
  reveal(id: EventId): void {
    const entry = this.#model.entry(id);
    if (!entry) return;
    this.select(id);
    const window = this.#timeline.getWindow();
    if (!(entry.start < window.end.getTime() && entry.end >= window.start.getTime())) {
      this.#timeline.focus(id, { zoom: false });
    }
  }

  /** The instants in view. */
  view(): { start: number; end: number } {
    const window = this.#timeline.getWindow();
    return { start: window.start.getTime(), end: window.end.getTime() };
  }

  /**
   * Scales the visible window (factor < 1 zooms in). With a selected event in view, the zoom
   * centres on it, so repeated zooms close in on what the user is looking at.
   */
  zoom(factor: number, around: EventId | null): void {
    const window = this.#timeline.getWindow();
    const [start, end] = [window.start.getTime(), window.end.getTime()];
    // Around the count the keyboard is on, when no event is selected.
    const entry = around === null ? (this.#activeCount ?? undefined) : this.#model.entry(around);
    const inView = entry !== undefined && entry.start < end && entry.end >= start;
    const centre = entry && inView ? centreOf(entry) : (start + end) / 2;
    const half = ((end - start) * factor) / 2;
    this.#timeline.setWindow(centre - half, centre + half, { animation: false });
  }

  /** Shows every event, leaving room on the right for the labels of the latest ones. */
  fit(animate = true): void {
    const extent = this.#model.extent();
    if (extent === null) return;
    const width = this.#centreWidth();
    const [left, right] = [24, Math.min(260, width / 3)];
    const span = Math.max(extent.max - extent.min, DAY);
    const total = width > left + right ? (span * width) / (width - left - right) : span * 1.3;
    const start = extent.min - (left / Math.max(width, 1)) * total;
    this.#timeline.setWindow(start, start + total, { animation: animate });
    if (!animate) this.#refresh();
  }

  /**
   * Plans the window afresh and hands vis the difference. A Change or a selection is applied at
   * once; during a gesture, many new items in view may take a few frames to move in.
   */
  /** The timeline is out of sight (the chronology is shown), or back in sight. */
  setHidden(hidden: boolean): void {
    this.#hidden = hidden;
    if (hidden || !this.#staleWhileHidden) return;
    this.#staleWhileHidden = false;
    this.#refresh();
  }

  #refresh(gradually = false): void {
    // Typing a search in the chronology would redraw the timeline behind it for every key.
    if (this.#hidden) {
      this.#staleWhileHidden = true;
      return;
    }
    const pinned = new Set<EventId>();
    if (this.#selectedId !== null) pinned.add(this.#selectedId);
    if (this.#saving !== null) pinned.add(this.#saving);
    // While the wheel turns, no event enters that the last plan did not show (see planView),
    // and vis keeps its aggregates (settledItems). A Change or a selection is planned in full.
    const settling = gradually && this.#wheel.turning;
    const options: PlanOptions = settling
      ? { settling: { shown: new Set(this.#plan?.events.map((entry) => entry.id)) } }
      : {};
    const { plan, items } = this.#model.plan(this.#window(), pinned, options);
    const held = settling ? settledItems(items, this.#writer.held()) : { items, rows: new Map() };
    this.#plan = plan;
    this.#bands = items.filter((item): item is BandItem => 'counts' in item);
    this.#rows = held.rows;
    // A band whose numbers alone changed (a search narrows every count) stays as vis holds it:
    // vis would make, measure and stack it again for numbers it does not draw. It is renamed in
    // place and the count canvas draws the numbers.
    const renamed: BandItem[] = [];
    const written = held.items.map((item) => {
      const before = 'counts' in item ? this.#writer.get(item.id) : undefined;
      if (before === undefined || before === item || !('counts' in before)) return item;
      if (!samePlace(before, item as BandItem)) return item;
      renamed.push(item as BandItem);
      return before;
    });
    // vis draws the items in the window and, for points, a quarter window either side.
    const { start, end } = plan.window;
    const reach = (end - start) / 4;
    const drawn = (item: TimelineItem): boolean =>
      item.start < end + reach && (item.end ?? item.start) >= start - reach;
    this.#writer.write(written, drawn, gradually);
    if (renamed.length > 0) this.#rename(renamed);
    if (!plan.settling) this.#followActiveCount(plan);
  }

  /**
   * The count the keyboard is on, as a new plan has it: a search or an edit changes its number
   * (its name follows, so a screen reader hears the new one); once it is gone (a zoom), the count
   * now holding its start in the lane, or none.
   */
  #followActiveCount(plan: ViewPlan): void {
    const active = this.#activeCount;
    if (active === null) return;
    const now =
      plan.aggregates.find((count) => count.id === active.id) ??
      bucketHolding(plan, active.lane, active.start);
    if (now !== null && now.id === active.id && now.count === active.count) {
      this.#activeCount = now;
      return;
    }
    this.#showActiveCount(now);
  }

  /** Names bands vis was not given again by their new numbers, and draws the numbers. */
  #rename(bands: readonly BandItem[]): void {
    for (const band of bands) {
      const body = this.#container.querySelector(`[data-band-id="${CSS.escape(band.id)}"]`);
      body?.setAttribute('aria-label', bandName(band));
    }
    // After vis's own draw in the frame, if it has one (its 'changed' draws the counts too).
    this.#countsStale = true;
    requestAnimationFrame(() => {
      if (this.#countsStale && !this.#life.signal.aborted) this.#drawCounts();
    });
  }

  /**
   * Draws the counts where vis has just drawn their bands: each band's row is its lane's top and
   * the band's own place in the lane, as vis laid them out (no layout is read), moved by the
   * vertical scroll. The items vis drew in the same row are where no count may be drawn.
   */
  #drawCounts(): void {
    this.#countsStale = false;
    const { start, end } = this.#timeline.getWindow();
    const layout = this.#vis.layout();
    const rows: CountRow[] = [];
    for (const band of this.#bands) {
      // While the wheel turns: the band vis holds of the same number, else one of the lane's.
      const held = this.#rows.get(band.group) ?? [];
      const ids = held.length === 0 || held.includes(band.id) ? [band.id, ...held] : held;
      const item = ids
        .map((id) => this.#vis.item(id))
        .find((candidate) => candidate?.displayed && candidate.parent);
      if (!item?.parent) continue;
      const top = item.parent.top + item.top + layout.scrollTop;
      const taken = item.parent.visibleItems.filter(
        (other) =>
          other !== item &&
          other.top < item.top + item.height &&
          other.top + other.height > item.top,
      );
      const occupied = taken.map((other) => ({
        left: other.left,
        right: other.left + other.width,
      }));
      rows.push({ top, height: item.height, band, occupied });
    }
    this.#counts.draw({
      start: start.getTime(),
      end: end.getTime(),
      width: layout.centerWidth,
      // The canvas fills the item panel inside its borders, where vis's items are drawn.
      areaWidth: layout.areaWidth,
      areaHeight: layout.areaHeight,
      rows,
      activeId: this.#activeCount?.id ?? null,
    });
  }

  #onWheel(event: WheelEvent): void {
    const intent = wheelIntent(event);
    if (intent.kind !== 'lanes') {
      this.#wheel.turned();
      return;
    }
    // vis would zoom on it: it never sees this one. Scrolled or not, the page does not move.
    event.preventDefault();
    event.stopPropagation();
    this.#vis.scrollLanesBy(intent.px);
  }

  /** Once the page is idle, measures what vis holds but has not drawn (see #measureAhead). */
  #measureAheadSoon(): void {
    if (this.#measuring !== null || this.#wheel.turning) return;
    this.#measuring = requestIdleCallback((deadline) => {
      this.#measuring = null;
      if (this.#measureAhead(deadline)) this.#measureAheadSoon();
    });
  }

  /**
   * vis draws only the items in and near the window, and makes and measures an item the first
   * time it draws it: a zoom out or a pan that brings in a plan's items off screen paid for
   * their layouts in its frames. Here, while the page is idle, the items vis holds but has not
   * drawn yet are made and measured a batch at a time (a layout per batch), then taken out of
   * the page again, as vis takes out items that leave the window; vis then draws them without
   * measuring. True when some are left for the next idle time.
   */
  #measureAhead(deadline: IdleDeadline): boolean {
    if (this.#writer.pending || this.#wheel.turning) return false;
    const waiting = this.#vis.undrawnItems();
    for (let from = 0; from < waiting.length; from += MEASURE_BATCH) {
      if (deadline.timeRemaining() <= 0) return true;
      const batch = waiting.slice(from, from + MEASURE_BATCH);
      drawTogether(batch);
      for (const item of batch) item.hide();
    }
    return false;
  }

  /** The count under a pointer event, if any. */
  #countAt(event: PointerEvent): CountBox | null {
    const area = this.#counts.element.getBoundingClientRect();
    return this.#counts.at(event.clientX - area.left, event.clientY - area.top);
  }

  /** Over a count: its summary as the tooltip and a zoom-in cursor, as an item would have. */
  #hover(event: PointerEvent): void {
    if (event.buttons !== 0) return;
    const count = this.#countAt(event);
    const centre = this.#centre();
    if (!centre) return;
    if (count) {
      const title = countSummary(count.band, count.count, this.#zone);
      if (centre.title !== title) centre.title = title;
    } else if (centre.hasAttribute('title')) {
      centre.removeAttribute('title');
    }
    centre.classList.toggle('over-count', count !== null);
  }

  #window(): ViewWindow {
    const { start, end } = this.#timeline.getWindow();
    if (this.#width === 0) this.#width = this.#centreWidth();
    return { start: start.getTime(), end: end.getTime(), width: this.#width };
  }

  #centre(): HTMLElement | null {
    return this.#container.querySelector<HTMLElement>('.vis-panel.vis-center');
  }

  /** The width of the item area (reads layout: not while a gesture runs). */
  #centreWidth(): number {
    return this.#centre()?.clientWidth ?? 0;
  }

  /** Keeps the item area's width without reading layout while the user pans. */
  #watchWidth(): void {
    const centre = this.#centre();
    if (!centre) return;
    new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width === 0 || width === this.#width) return;
      this.#width = width;
      if (this.#plan !== null && needsPlan(this.#plan, this.#window())) this.#refresh(true);
    }).observe(centre);
  }

  #onSelect(props?: { items?: IdType[] }): void {
    this.#container.focus({ preventScroll: true });
    this.#setActiveCount(null);
    if (this.#pressed !== null) {
      // A click on a count is not a choice of event: the selection stays.
      this.#timeline.setSelection(this.#selectedId === null ? [] : [this.#selectedId]);
      return;
    }
    const id = props?.items?.[0];
    this.#selectedId = id === undefined ? null : (String(id) as EventId);
    this.#handlers.onSelect(this.#selectedId);
  }

  /** A double-click on a count zooms to its events; elsewhere it adds an event. */
  #onAdd(request: AddRequest): void {
    const aggregate = this.#plan?.aggregates.find((candidate) => candidate.id === this.#pressed);
    if (aggregate) this.#open(aggregate);
    // A band vis still holds while the wheel turns may be gone from the plan: nothing to open.
    else if (this.#pressed === null) this.#handlers.onAdd(request);
  }

  #open(aggregate: Aggregate): void {
    const end =
      aggregate.kind === 'bucket' ? aggregate.end : this.#timeline.getWindow().end.getTime();
    const pad = (end - aggregate.earliest) * 0.05;
    this.#timeline.setWindow(aggregate.earliest - pad, end + pad, { animation: false });
  }

  #onKey(event: KeyboardEvent): void {
    if (event.target !== this.#container || event.defaultPrevented || event.isComposing) return;
    const key = timelineKeyOf(event);
    if (key === null) return;
    event.preventDefault();
    this.#press(key);
  }

  /** Where the keyboard is: the count it is on, else the selected event. */
  #place(): Place | null {
    const count = this.#activeCount;
    if (count) return { kind: 'count', lane: count.lane, start: count.start, end: count.end };
    const entry = this.#selectedId === null ? undefined : this.#model.entry(this.#selectedId);
    return entry ? { kind: 'event', entry } : null;
  }

  #press(key: TimelineKey): void {
    const place = this.#place();
    const { steps, laneIds } = this.#model;
    const { start, end } = this.#window();
    let target: IndexEntry | null = null;
    switch (key) {
      case 'zoomIn':
      case 'zoomOut':
        this.zoom(key === 'zoomIn' ? 2 / 3 : 3 / 2, this.#selectedId);
        return;
      case 'open':
        if (this.#activeCount) this.#openByKey(this.#activeCount);
        else if (this.#selectedId !== null) this.#handlers.onOpen(this.#selectedId);
        return;
      case 'next':
      case 'previous': {
        const direction = key === 'next' ? 1 : -1;
        // From nothing: the first event in view, or the last.
        target = stepInTime(steps, laneIds, place, direction, direction === 1 ? start : end);
        break;
      }
      case 'up':
      case 'down':
        target = place
          ? stepLane(steps, laneIds, place, key === 'down' ? 1 : -1)
          : stepInTime(steps, laneIds, null, 1, start);
        break;
      case 'first':
      case 'last':
        target = edgeEvent(steps, laneIds, key === 'first' ? 1 : -1);
        break;
    }
    if (target) this.#goTo(target);
  }

  /**
   * The keyboard goes to an event: the window moves to it (keeping the zoom), and if the plan
   * there counts it, to its count; else the event is selected (and so drawn one by one).
   */
  #goTo(entry: IndexEntry): void {
    this.#bringIntoView(entry);
    this.#laneToShow = entry.lane;
    const count = this.#plan && !this.#plan.settling ? countHolding(this.#plan, entry) : null;
    if (count) {
      this.#setActiveCount(count);
      this.#refresh();
      if (this.#selectedId !== null) this.#handlers.onSelect(null);
    } else {
      this.#handlers.onSelect(entry.id, { reveal: true });
    }
  }

  /** Pans (not zooms) so an event's start is well inside the window, and plans for it. */
  #bringIntoView(entry: IndexEntry): void {
    const { start, end } = this.#window();
    const length = end - start;
    const running = entry.start < start && entry.end > start + length * 0.1;
    if (running || (entry.start >= start && entry.start <= end - length * 0.2)) return;
    const short = entry.end - entry.start < length * 0.6;
    const from = short ? centreOf(entry) - length / 2 : entry.start - length * 0.1;
    this.#timeline.setWindow(from, from + length, { animation: false });
    this.#refresh();
  }

  /** Enter on a count: zoom into it, and go to its first event (or a smaller count of it). */
  #openByKey(count: Aggregate): void {
    this.#open(count);
    this.#refresh();
    const first = stepInTime(this.#model.steps, [count.lane], null, 1, count.start);
    if (first) this.#goTo(first);
  }

  #setActiveCount(count: Aggregate | null): void {
    if (this.#activeCount?.id !== count?.id) this.#showActiveCount(count);
  }

  #showActiveCount(count: Aggregate | null): void {
    this.#activeCount = count;
    const lane = count && (this.#model.lane(count.lane)?.title ?? 'this lane');
    const period = count && this.#plan ? this.#plan.unit.describe(count.start, this.#zone) : '';
    this.#countName = count && lane ? countName(count.count, period, lane) : null;
    this.#syncActive();
    // The count's ring is drawn on the canvas.
    this.#drawCounts();
  }

  /** Points the host's aria-activedescendant at the option the keyboard is on, if drawn. */
  #syncActive(): void {
    this.#listbox.show(this.#activeCount ? this.#countName : null, this.#selectedId);
  }

  /**
   * An item vis made afresh (a day event that became a range as the view zoomed in) is not
   * selected in vis: select it again.
   */
  #keepSelection(): void {
    const id = this.#selectedId;
    if (id === null || this.#timeline.getSelection()[0] === id || !this.#vis.item(id)) return;
    this.#timeline.setSelection([id]);
  }

  /** Once vis has drawn the lane the keyboard went to, scrolls it into view. */
  #showLane(): void {
    const lane = this.#laneToShow;
    if (lane === null) return;
    this.#laneToShow = null;
    this.#vis.scrollLaneIntoView(lane);
  }

  #onMove(request: MoveRequest, done: (item: EventItem | null) => void): void {
    this.#saving = request.id;
    void this.#handlers.onMove(request).then((saved) => {
      done(saved ? this.item(request.id) : null);
      if (this.#saving === request.id) this.#saving = null;
    });
  }
}

type ItemCallback = (item: EventItem | null) => void;

interface ItemHooks {
  onAdd(request: AddRequest): void;
  onMove(request: MoveRequest, done: ItemCallback): void;
  /** The band of that id as the last plan has it (vis may hold older numbers). */
  band(id: string): BandItem | undefined;
}

function options(hooks: ItemHooks): TimelineOptions {
  return {
    moment: zonedMoment(UTC_ZONE),
    orientation: { axis: 'top', item: 'top' },
    height: '100%',
    stack: true,
    // A scroll bar beside the lane labels when the lanes overflow; the plain wheel still zooms
    // (preferZoom with no zoom key: vis never scrolls on it; Shift+wheel scrolls, see #onWheel).
    verticalScroll: true,
    preferZoom: true,
    zoomKey: '',
    groupOrder: 'order',
    selectable: true,
    multiselect: false,
    showCurrentTime: true,
    showTooltips: false,
    editable: { add: true, updateTime: true, updateGroup: true, remove: false },
    itemsAlwaysDraggable: { item: true, range: true },
    margin: { item: { horizontal: 4, vertical: 6 }, axis: 10 },
    // No snapping to the axis grid: a drag's instants are rounded to each date's own precision.
    snap: null,
    zoomMin: HOUR,
    zoomMax: 500 * YEAR,
    // A band is drawn by its numbers now, which vis may not hold (see #refresh).
    template: (item?: Parameters<typeof renderItem>[0]) =>
      renderItem(item && 'counts' in item ? (hooks.band(item.id ?? '') ?? item) : item),
    groupTemplate: (group?: Partial<LaneGroup>) => renderLane(group),
    onAdd: (item: { start: DateType; group?: IdType }, callback: ItemCallback) => {
      callback(null); // the item appears when the created event comes back as a Change
      const laneId = item.group === undefined ? null : (String(item.group) as LaneId);
      hooks.onAdd({ instant: toMs(item.start), laneId });
    },
    onMove: (
      item: { id?: IdType; start: DateType; end?: DateType; group?: IdType },
      callback: ItemCallback,
    ) => {
      hooks.onMove(
        {
          id: String(item.id) as EventId,
          laneId: String(item.group) as LaneId,
          start: toMs(item.start),
          end: item.end === undefined || item.end === null ? null : toMs(item.end),
        },
        callback,
      );
    },
  };
}

/** The running band whose item a pointer event landed on, if any (counts: #countAt). */
function aggregateAt(event: Event): string | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  const body = target.closest('.vis-item')?.querySelector('[data-aggregate-id]');
  return body?.getAttribute('data-aggregate-id') ?? null;
}

function centreOf(entry: { readonly start: number; readonly end: number }): number {
  return (entry.start + entry.end) / 2;
}

function toMs(value: DateType): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}
