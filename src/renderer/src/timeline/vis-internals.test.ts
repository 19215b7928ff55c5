import { describe, expect, it } from 'vitest';

import { adaptVis, problemsOf, VisInternalsChanged } from './vis-internals';

/** A stand-in for vis-timeline's module: item classes with the methods and fields read. */
function fakeModule(): unknown {
  class Item {
    displayed = false;
    dirty = true;
    parent = null;
    top = null;
    height = null;
    left = null;
    width = null;
    hide(): void {}
  }
  class BoxItem extends Item {
    redraw(): unknown[] {
      return [];
    }
  }
  class RangeItem extends Item {
    redraw(): unknown[] {
      return [];
    }
  }
  return { timeline: { components: { items: { Item, BoxItem, RangeItem } } } };
}

/** An item shown, whose drawing steps are written to `log` as they run. */
class FakeItem {
  displayed = true;
  dirty = false;
  constructor(
    readonly id: string,
    readonly log: string[],
  ) {}
  redraw(returnQueue: boolean): (() => void)[] {
    const steps = [
      () => this.log.push(`make ${this.id}`),
      () => {
        this.log.push(`measure ${this.id}`);
        this.dirty = false;
      },
    ];
    if (!returnQueue) for (const step of steps) step();
    return steps;
  }
}

/** A stand-in for a Timeline just made, with what the adapter reads. */
function fakeTimeline() {
  const props = {
    scrollTop: 0,
    scrollTopMin: -200,
    center: { width: 800, height: 600 },
    centerContainer: { height: 400 },
    border: { left: 1, right: 1, top: 1, bottom: 1 },
  };
  const timeline = {
    initialFitDone: false,
    props,
    itemSet: {
      items: {},
      groups: { lane: { top: 300, height: 60, visibleItems: [] } },
      initialItemSetDrawn: true,
      redrawn: 0,
      redraw(): boolean {
        this.redrawn++;
        return true;
      },
      // As vis's: the item's setData, which redraws (and measures) it at once when displayed.
      _updateItem(item: FakeItem): void {
        item.dirty = true;
        if (item.displayed) item.redraw(false);
      },
    },
    drawn: 0,
    _setScrollTop(top: number): number {
      props.scrollTop = Math.max(props.scrollTopMin, Math.min(0, top));
      return props.scrollTop;
    },
    _redraw(): void {
      timeline.drawn++;
    },
  };
  return timeline;
}

describe('the check of vis-timeline internals', () => {
  it('finds nothing amiss in a timeline of the shape it reads', () => {
    expect(problemsOf(fakeTimeline(), fakeModule())).toEqual([]);
  });

  it('names each internal that is missing or of another kind', () => {
    const timeline = fakeTimeline() as Record<string, unknown>;
    delete timeline['initialFitDone'];
    (timeline['props'] as { scrollTop: unknown }).scrollTop = '0';
    expect(problemsOf(timeline, fakeModule())).toEqual([
      'initialFitDone is undefined, not boolean',
      'props.scrollTop is string, not number',
    ]);
  });

  it('names a method an item class lost and a field items lost', () => {
    const module = fakeModule() as {
      timeline: { components: { items: Record<string, { prototype: Record<string, unknown> }> } };
    };
    const { BoxItem } = module.timeline.components.items;
    delete BoxItem!.prototype['redraw'];
    expect(problemsOf(fakeTimeline(), module)).toEqual([
      'BoxItem.prototype.redraw is not a function',
    ]);
    const { Item } = module.timeline.components.items;
    const Bare = class extends (Item as unknown as new () => object) {
      constructor() {
        super();
        delete (this as Record<string, unknown>)['dirty'];
      }
    };
    module.timeline.components.items['BoxItem'] = Bare as never;
    expect(problemsOf(fakeTimeline(), module)).toContain('an item has no field "dirty"');
  });

  it('fails loudly at start-up, naming what changed', () => {
    const timeline = fakeTimeline() as Record<string, unknown>;
    delete timeline['_setScrollTop'];
    expect(() => adaptVis(timeline, fakeModule())).toThrow(VisInternalsChanged);
    expect(() => adaptVis(timeline, fakeModule())).toThrow(
      /_setScrollTop is undefined, not function/,
    );
    expect(() => adaptVis(fakeTimeline(), {})).toThrow(/no timeline\.components\.items/);
  });
});

describe('the adapter', () => {
  it('skips vis’s own first fit and holds back item-set redraws while writing quietly', () => {
    const timeline = fakeTimeline();
    const vis = adaptVis(timeline, fakeModule());
    vis.skipInitialFit();
    expect(timeline.initialFitDone).toBe(true);
    vis.quietly(() => timeline.itemSet.redraw());
    expect(timeline.itemSet.redrawn).toBe(0);
    timeline.itemSet.redraw();
    expect(timeline.itemSet.redrawn).toBe(1);
  });

  it('draws the items updated while writing quietly together, after the write: one layout', () => {
    const timeline = fakeTimeline();
    const vis = adaptVis(timeline, fakeModule());
    const log: string[] = [];
    const [a, b, hidden] = [new FakeItem('a', log), new FakeItem('b', log), new FakeItem('c', log)];
    hidden.displayed = false;
    vis.quietly(() => {
      for (const item of [a, b, hidden]) timeline.itemSet._updateItem(item);
      expect(log).toEqual([]);
      expect([a.displayed, b.displayed, hidden.displayed]).toEqual([true, true, false]);
    });
    expect(log).toEqual(['make a', 'make b', 'measure a', 'measure b']);
    // Not quietly, vis draws an update at once, as before.
    timeline.itemSet._updateItem(a);
    expect(log.slice(4)).toEqual(['make a', 'measure a']);
    vis.quietly(() => undefined);
    expect(log).toHaveLength(6);
  });

  it('scrolls the lanes within their range and brings a lane into view', () => {
    const timeline = fakeTimeline();
    const vis = adaptVis(timeline, fakeModule());
    expect(vis.scrollLanesBy(-50)).toBe(false);
    expect(vis.scrollLanesBy(120)).toBe(true);
    expect(timeline.props.scrollTop).toBe(-120);
    expect(vis.scrollLanesBy(1000)).toBe(true);
    expect(timeline.props.scrollTop).toBe(-200);
    // The lane (300 to 360 px) shows whole in the 398 px tall area once scrolled down to it.
    timeline.props.scrollTop = 0;
    vis.scrollLaneIntoView('lane');
    expect(timeline.props.scrollTop).toBeLessThanOrEqual(-(360 - 398));
    expect(300 + timeline.props.scrollTop).toBeGreaterThanOrEqual(0);
    expect(vis.layout()).toEqual({
      scrollTop: timeline.props.scrollTop,
      centerWidth: 800,
      areaWidth: 798,
      areaHeight: 398,
    });
  });
});
