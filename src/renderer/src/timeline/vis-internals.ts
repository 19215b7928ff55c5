/**
 * Every use of vis-timeline's internals, in one adapter. vis has no public API for what the view
 * needs here (where it drew an item, making and measuring items ahead of time, holding back its
 * item-set redraws, the lanes' vertical scroll), so the view reads and patches vis's own objects
 * through this module only. Their shape is checked once, right after the Timeline is made
 * (`adaptVis`): a vis-timeline version that renamed or dropped any of them fails at start-up with
 * an error naming what changed, instead of drawing wrong. vis-timeline's version is pinned
 * (package.json) for the same reason. No vis import: the view hands in its objects, so the check
 * is tested in Node with fakes.
 */

/** Where vis drew an item: in px from its lane's top and from the window's start. */
export interface VisItem {
  readonly top: number;
  readonly height: number;
  readonly left: number;
  readonly width: number;
}

/** An item as vis draws it: whether it is in the page, and how it is made and measured. */
export interface VisItemDrawing extends VisItem {
  displayed: boolean;
  /** Until vis has measured it (since it was made or its data changed). */
  readonly dirty: boolean;
  readonly parent?: { readonly top: number; readonly visibleItems: readonly VisItem[] } | null;
  /** The steps that make, add, update and measure its elements, to run in order. */
  redraw(returnQueue: true): (() => unknown)[];
  hide(): void;
}

/** The numbers vis keeps of its layout that the count canvas reads. */
export interface VisLayout {
  readonly scrollTop: number;
  /** The item panel's width, which vis maps the window onto. */
  readonly centerWidth: number;
  /** The item area inside the panel's borders. */
  readonly areaWidth: number;
  readonly areaHeight: number;
}

/** A lane's place in the item panel: px from the top of its scrolled contents. */
export interface VisLaneBox {
  readonly top?: number;
  readonly height: number;
}

/** The item classes vis exports (`timeline.components.items`), whose methods the view calls. */
type ItemClass = 'Item' | 'BoxItem' | 'RangeItem';

interface Numbers {
  [key: string]: unknown;
}

/** What of a vis Timeline is read: checked by `problemsOf`, so only typed here. */
interface TimelineShape {
  initialFitDone: boolean;
  readonly props: {
    scrollTop: number;
    readonly scrollTopMin: number;
    readonly center: { readonly width: number; readonly height: number };
    readonly centerContainer: { readonly height: number };
    readonly border: { left: number; right: number; top: number; bottom: number };
  };
  readonly itemSet: {
    readonly items: Record<string, VisItemDrawing | undefined>;
    readonly groups: Record<string, VisLaneBox | undefined>;
    readonly initialItemSetDrawn: boolean;
    redraw(): boolean;
    _updateItem(item: VisItemDrawing, data: object): void;
  };
  _setScrollTop(scrollTop: number): number;
  _redraw(): void;
}

/** The paths that must hold a value of a kind, in a Timeline just made. */
const TIMELINE_PATHS: readonly (readonly [string, 'boolean' | 'number' | 'object' | 'function'])[] =
  [
    ['initialFitDone', 'boolean'],
    ['props.scrollTop', 'number'],
    ['props.scrollTopMin', 'number'],
    ['props.center.width', 'number'],
    ['props.center.height', 'number'],
    ['props.centerContainer.height', 'number'],
    ['props.border.left', 'number'],
    ['props.border.right', 'number'],
    ['props.border.top', 'number'],
    ['props.border.bottom', 'number'],
    ['itemSet.items', 'object'],
    ['itemSet.groups', 'object'],
    ['itemSet.initialItemSetDrawn', 'boolean'],
    ['itemSet.redraw', 'function'],
    ['itemSet._updateItem', 'function'],
    ['_setScrollTop', 'function'],
    ['_redraw', 'function'],
  ];

const ITEM_METHODS: readonly (readonly [ItemClass, string])[] = [
  ['Item', 'hide'],
  ['BoxItem', 'redraw'],
  ['RangeItem', 'redraw'],
  ['BoxItem', 'hide'],
  ['RangeItem', 'hide'],
];

/** Fields every item has from its constructor on (read on a probe item). */
const ITEM_FIELDS = ['displayed', 'dirty', 'parent', 'top', 'height', 'left', 'width'] as const;

function at(value: unknown, path: string): unknown {
  let here = value;
  for (const key of path.split('.')) {
    if (here === null || (typeof here !== 'object' && typeof here !== 'function')) return undefined;
    here = (here as Numbers)[key];
  }
  return here;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/**
 * What differs from the internals the view relies on, one line each (empty when all is there).
 * `module` is vis-timeline's module: its item classes are checked for the methods called and an
 * item made by its BoxItem for the fields read.
 */
export function problemsOf(timeline: unknown, module: unknown): string[] {
  const problems: string[] = [];
  const classes = at(module, 'timeline.components.items');
  if (classes === undefined || classes === null) {
    return ['the module exports no timeline.components.items'];
  }
  for (const [path, kind] of TIMELINE_PATHS) {
    const value = at(timeline, path);
    if (kindOf(value) !== kind) problems.push(`${path} is ${kindOf(value)}, not ${kind}`);
  }
  for (const [name, method] of ITEM_METHODS) {
    const value = at(classes, `${name}.prototype.${method}`);
    if (typeof value !== 'function') problems.push(`${name}.prototype.${method} is not a function`);
  }
  const probe = probeItem(at(classes, 'BoxItem'));
  for (const field of ITEM_FIELDS) {
    if (probe === null || typeof probe !== 'object' || !(field in probe)) {
      problems.push(`an item has no field "${field}"`);
    }
  }
  const groups = at(timeline, 'itemSet.groups');
  for (const group of Object.values((groups ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(at(group, 'visibleItems'))) problems.push('a lane has no visibleItems list');
    if (typeof at(group, 'height') !== 'number') problems.push('a lane has no height');
    break;
  }
  return problems;
}

/** An item made by vis's own class, whose fields are read as the view reads its items'. */
function probeItem(BoxItem: unknown): unknown {
  if (typeof BoxItem !== 'function') return null;
  try {
    const make = BoxItem as new (data: object, conversion: object, options: object) => unknown;
    return new make({ id: 'probe', start: 0, content: '' }, {}, {});
  } catch {
    return null;
  }
}

/**
 * Makes (or updates) and measures items in vis's own batched order: every item's elements made
 * and updated, then every item measured, so the page is laid out once for all of them.
 */
export function drawTogether(items: readonly VisItemDrawing[]): void {
  const steps = items.map((item) => item.redraw(true));
  for (let step = 0; step < (steps[0]?.length ?? 0); step++) {
    for (const queue of steps) queue[step]?.();
  }
}

/** Thrown at start-up when vis-timeline's internals are not what this adapter reads. */
export class VisInternalsChanged extends Error {
  constructor(problems: readonly string[]) {
    super(
      `This version of vis-timeline changed internals the timeline relies on ` +
        `(src/renderer/src/timeline/vis-internals.ts): ${problems.join('; ')}.`,
    );
    this.name = 'VisInternalsChanged';
  }
}

/** Checks a Timeline just made and returns the adapter over it; throws VisInternalsChanged. */
export function adaptVis(timeline: object, module: unknown): VisInternals {
  const problems = problemsOf(timeline, module);
  if (problems.length > 0) throw new VisInternalsChanged(problems);
  return new VisInternals(timeline as TimelineShape);
}

export class VisInternals {
  readonly #vis: TimelineShape;
  /** Items shown whose new data is not drawn yet (see quietly). */
  readonly #undrawn = new Set<VisItemDrawing>();
  /** True while `quietly` runs its write. */
  #quiet = false;
  /** Whether vis's item-set redraw and item update are wrapped (the first `quietly`). */
  #holding = false;

  constructor(vis: TimelineShape) {
    this.#vis = vis;
  }

  /**
   * vis fits the window to its items on its first 'changed' after it holds any: the view fits
   * the events itself, and a plan's items reach half a window beyond them either side.
   */
  skipInitialFit(): void {
    this.#vis.initialFitDone = true;
  }

  /** The item vis holds under an id, as it drew it. */
  item(id: string): VisItemDrawing | undefined {
    return this.#vis.itemSet.items[id];
  }

  /** Items vis holds but has neither drawn nor measured yet. */
  undrawnItems(): VisItemDrawing[] {
    return Object.values(this.#vis.itemSet.items).filter(
      (item): item is VisItemDrawing => !!item?.dirty && !item.displayed && !!item.parent,
    );
  }

  layout(): VisLayout {
    const { scrollTop, center, centerContainer, border } = this.#vis.props;
    return {
      scrollTop,
      centerWidth: center.width,
      areaWidth: center.width - border.left - border.right,
      areaHeight: centerContainer.height - border.top - border.bottom,
    };
  }

  /**
   * Runs `write` (DataSet calls) without vis drawing as it goes; the next frame draws it all.
   *
   * vis's DataSet listeners redraw the item set at once; every change also asks the timeline for
   * a redraw in the next frame, which redraws the item set anyway: during `write` the first is
   * skipped (until the item set was first drawn, vis redraws at once instead).
   *
   * vis also redraws an item it shows as soon as its data changes, and measures it alone: a
   * layout of the page per item. During `write` such an item keeps its elements and waits,
   * unmeasured; after it, the items updated are drawn together (drawTogether): one layout.
   */
  quietly(write: () => unknown): void {
    this.#holdRedraws();
    this.#quiet = true;
    try {
      write();
    } finally {
      this.#quiet = false;
    }
    if (this.#undrawn.size === 0) return;
    const items = [...this.#undrawn].filter((item) => item.displayed && item.dirty);
    this.#undrawn.clear();
    drawTogether(items);
  }

  /** Wraps vis's item-set redraw and item update once, for `quietly`. */
  #holdRedraws(): void {
    if (this.#holding) return;
    this.#holding = true;
    const itemSet = this.#vis.itemSet;
    const redraw = itemSet.redraw.bind(itemSet);
    itemSet.redraw = () => (this.#quiet && itemSet.initialItemSetDrawn ? false : redraw());
    const update = itemSet._updateItem.bind(itemSet);
    itemSet._updateItem = (item, data) => {
      if (!this.#quiet || !item.displayed) return update(item, data);
      // vis's setData redraws an item only when it is displayed.
      item.displayed = false;
      try {
        update(item, data);
      } finally {
        item.displayed = true;
      }
      this.#undrawn.add(item);
    };
  }

  /** Scrolls the lanes by px (positive: down the lanes); false when they were already there. */
  scrollLanesBy(px: number): boolean {
    const before = this.#vis.props.scrollTop;
    const after = this.#vis._setScrollTop(before - px);
    if (after === before) return false;
    this.#vis._redraw();
    return true;
  }

  /** Scrolls the lanes as little as needed to show a lane whole (or its top, if taller). */
  scrollLaneIntoView(lane: string): void {
    const box = this.#vis.itemSet.groups[lane];
    // A lane's top is set when vis first draws it.
    if (typeof box?.top !== 'number') return;
    const { scrollTop, centerContainer, border } = this.#vis.props;
    const visible = centerContainer.height - border.top - border.bottom;
    const top = box.top + scrollTop;
    const bottom = top + box.height;
    if (top < 0) this.scrollLanesBy(top);
    else if (bottom > visible) this.scrollLanesBy(Math.min(bottom - visible, top));
  }
}
