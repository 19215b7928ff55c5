/**
 * The timeline items that stand for many events: a count per lane and calendar bucket, and the
 * band of events that began before the view. They are drawn in the lane's colour, darker where
 * more events fall, and cannot be selected or dragged; double-clicking one zooms to its events.
 *
 * A lane's counts are vis items, one empty band for each run of counts side by side, that keep
 * their row in the lane; count-canvas.ts draws the counts in that row. As items of their own,
 * vis-timeline would restack and reposition, and the browser lay out and paint, each count in
 * every frame of a zoom.
 */
import type { LaneId } from '../../../shared/ids';
import type { Lane } from '../../../shared/schema';
import { isolateText } from '../ui/bidi';
import type { BucketUnit } from './buckets';
import type { Aggregate } from './level-of-detail';

/** What the items for many events share: a range in a lane, drawn by the template, not edited. */
interface LaneRange {
  readonly id: string;
  readonly group: LaneId;
  readonly type: 'range';
  readonly start: number;
  readonly end: number;
  readonly content: '';
  readonly selectable: false;
  readonly editable: false;
}

/** The band of a lane's events that began before the view and run through it. */
export interface AggregateItem extends LaneRange {
  readonly className: string;
  /** Only our own CSS custom property with a schema-checked #rrggbb colour. */
  readonly style: string;
  /** Marks the item as an aggregate for the template. */
  readonly aggregate: Aggregate['kind'];
  /** What the item says, e.g. "1,234 earlier events still running". */
  readonly label: string;
  readonly summary: string;
}

/**
 * A bucket is drawn a little shorter than its period, so neighbours leave a gap: buckets are at
 * least 40 px wide when planned, and a zoom out gets a new plan before it shrinks them to 24 px.
 */
const DRAWN_FRACTION = 0.75;

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** "1,234" below ten thousand, "12.3K" above. */
export function formatCount(count: number): string {
  return count < 10_000 ? count.toLocaleString('en') : compact.format(count);
}

/** Density from 1 to 5: up to 4 events, 16, 64, 256, more. Fixed, so a pan changes no shade. */
export function densityLevel(count: number): number {
  return Math.min(5, Math.max(1, Math.ceil(Math.log(count) / Math.log(4))));
}

/** One count in a lane's band. */
export interface BandCount {
  readonly id: string;
  /** Where it is drawn: its bucket (whose start names the period), a little shorter. */
  readonly start: number;
  readonly end: number;
  readonly count: number;
  readonly level: number;
  readonly label: string;
}

export interface BandItem extends LaneRange {
  readonly className: 'agg-band';
  /** The lane's schema-checked #rrggbb colour. */
  readonly color: string;
  /** Placed by its dates even far outside the window: vis would clip it and shift the counts. */
  readonly limitSize: false;
  readonly counts: readonly BandCount[];
  /** Names a count's lane and period, for its tooltip (made on hover: a plan has hundreds). */
  readonly laneTitle: string;
  readonly unit: BucketUnit;
}

/**
 * A lane's bands are numbered in time order, not named by their dates: a new plan updates a band
 * in place (vis moves it) instead of replacing it (vis makes, measures and stacks a new one).
 */
export const bandId = (lane: LaneId, run: number): string => `band|${lane}|${run}`;

/**
 * The band of a run of a lane's bucket counts side by side (the lane's `run`th, from 0), from the
 * earliest to the latest: where none is near the window, vis leaves the band out and keeps no
 * empty row for it.
 */
export function bandToItem(
  lane: LaneId,
  run: number,
  buckets: readonly Aggregate[],
  laneData: Lane | undefined,
  unit: BucketUnit,
): BandItem {
  const start = Math.min(...buckets.map((bucket) => bucket.start));
  return {
    id: bandId(lane, run),
    group: lane,
    type: 'range',
    start,
    end: Math.max(...buckets.map((bucket) => bucket.end)),
    content: '',
    className: 'agg-band',
    color: laneData?.color ?? '#6b7280',
    selectable: false,
    editable: false,
    limitSize: false,
    counts: buckets.map((bucket) => ({
      id: bucket.id,
      start: bucket.start,
      end: bucket.start + (bucket.end - bucket.start) * DRAWN_FRACTION,
      count: bucket.count,
      level: densityLevel(bucket.count),
      label: formatCount(bucket.count),
    })),
    laneTitle: laneData?.title ?? 'this lane',
    unit,
  };
}

/** Two bands draw the same: then the earlier one is kept and vis is not told of a change. */
export function sameBand(a: BandItem, b: BandItem): boolean {
  return samePlace(a, b) && a.counts.every((count, i) => count.count === b.counts[i]?.count);
}

/**
 * Two bands differ in their numbers alone (a search or filter changes every count it narrows):
 * vis draws them the same, as it draws none of the numbers (count-canvas.ts does).
 */
export function samePlace(a: BandItem, b: BandItem): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.color === b.color &&
    a.laneTitle === b.laneTitle &&
    a.unit === b.unit &&
    a.counts.length === b.counts.length &&
    a.counts.every((count, i) => count.id === b.counts[i]?.id)
  );
}

/** A band's accessible name: "1,234 events in Diplomacy, shown as 12 counts; …". */
export function bandName(band: Pick<BandItem, 'counts' | 'laneTitle'>): string {
  const total = band.counts.reduce((sum, count) => sum + count.count, 0);
  const counts = band.counts.length;
  return (
    `${formatCount(total)} ${total === 1 ? 'event' : 'events'} in ${isolateText(band.laneTitle)}, ` +
    `shown as ${counts} ${counts === 1 ? 'count' : 'counts'}; double-click one to zoom in.`
  );
}

/** What a count's tooltip says. */
export function countSummary(band: BandItem, count: BandCount, zone?: string): string {
  const events = count.count === 1 ? 'event' : 'events';
  return `${count.label} ${events} in ${isolateText(band.laneTitle)}, ${band.unit.describe(count.start, zone)}.\nDouble-click to zoom in.`;
}

/** A count's accessible name, e.g. "27 events in March 2024, United Nations". */
export function countName(count: number, period: string, laneTitle: string): string {
  return `${formatCount(count)} ${count === 1 ? 'event' : 'events'} in ${period}, ${laneTitle}`;
}

/** The band of a lane's events that began before the plan's span and run through it. */
export function runningToItem(aggregate: Aggregate, lane: Lane | undefined): AggregateItem {
  const events = aggregate.count === 1 ? 'event' : 'events';
  const count = formatCount(aggregate.count);
  const laneTitle = lane?.title ?? 'this lane';
  return {
    id: aggregate.id,
    group: aggregate.lane,
    type: 'range',
    start: aggregate.start,
    end: aggregate.end,
    content: '',
    className: 'agg agg--running',
    style: `--lane: ${lane?.color ?? '#6b7280'}`,
    selectable: false,
    editable: false,
    aggregate: aggregate.kind,
    label: `${count} earlier ${events} still running`,
    summary: `${count} ${events} in ${isolateText(laneTitle)} began before this view and run through it.\nDouble-click to zoom out to where they begin.`,
  };
}
