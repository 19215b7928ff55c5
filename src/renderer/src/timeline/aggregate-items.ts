/**
 * The timeline items that stand for many events: a count per lane and calendar bucket, and the
 * band of events that began before the view. They are drawn in the lane's colour, darker where
 * more events fall, and cannot be selected or dragged; double-clicking one zooms to its events.
 */
import type { LaneId } from '../../../shared/ids';
import type { Lane } from '../../../shared/schema';
import type { BucketUnit } from './buckets';
import type { Aggregate } from './level-of-detail';

export interface AggregateItem {
  readonly id: string;
  readonly group: LaneId;
  readonly type: 'range';
  readonly start: number;
  readonly end: number;
  readonly content: '';
  readonly className: string;
  /** Only our own CSS custom property with a schema-checked #rrggbb colour. */
  readonly style: string;
  readonly selectable: false;
  readonly editable: false;
  /** Marks the item as an aggregate for the template. */
  readonly aggregate: Aggregate['kind'];
  /** What the item says: the bare count of a bucket, e.g. "1,234" or "12.3K". */
  readonly label: string;
  readonly summary: string;
}

/**
 * A bucket is drawn a little shorter than its period, so neighbours leave a gap and vis-timeline
 * (item margin 4 px) does not stack them: buckets are at least 40 px wide when planned, and a
 * zoom out gets a new plan before it shrinks them to 24 px.
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

export function aggregateToItem(
  aggregate: Aggregate,
  lane: Lane | undefined,
  unit: BucketUnit,
): AggregateItem {
  const events = aggregate.count === 1 ? 'event' : 'events';
  const count = formatCount(aggregate.count);
  const laneTitle = lane?.title ?? 'this lane';
  const running = aggregate.kind === 'running';
  const level = running ? 1 : densityLevel(aggregate.count);
  const length = aggregate.end - aggregate.start;
  return {
    id: aggregate.id,
    group: aggregate.lane,
    type: 'range',
    start: aggregate.start,
    end: running ? aggregate.end : aggregate.start + length * DRAWN_FRACTION,
    content: '',
    className: `agg agg--${aggregate.kind} agg--level-${level}`,
    style: `--lane: ${lane?.color ?? '#6b7280'}`,
    selectable: false,
    editable: false,
    aggregate: aggregate.kind,
    label: running ? `${count} earlier ${events} still running` : count,
    summary: running
      ? `${count} ${events} in ${laneTitle} began before this view and run through it.\nDouble-click to zoom out to where they begin.`
      : `${count} ${events} in ${laneTitle}, ${unit.describe(aggregate.start)}.\nDouble-click to zoom in.`,
  };
}
