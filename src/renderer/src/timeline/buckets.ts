/**
 * Calendar periods that count events when the timeline is zoomed out: hours, days, weeks, months,
 * quarters, years. They are aligned on the calendar of the zone the axis is in (UTC unless told;
 * see unitsIn), as calendar dates are drawn, so a bucket keeps its place (and its id) while the
 * user pans; an hour bucket's words give its times in that zone.
 */
import { formatPartialDate, partialDateFromInstant } from '../../../shared/partial-date';
import { instantOfWallTime, UTC_ZONE, wallClock, zoneName } from '../../../shared/time-zone';

export interface BucketUnit {
  /** Short and stable, part of an aggregate's id: '3h', '1d', '1w', '1mo', '1y'. */
  readonly key: string;
  /** About how long one bucket lasts, to pick a unit by its width on screen. */
  readonly approxMs: number;
  /** The start of the bucket that holds an instant. */
  floor(instant: number): number;
  /** The start of the bucket after the one that starts at `start`. */
  next(start: number): number;
  /**
   * The bucket as a reader names it, e.g. "June 2024" or "16 June 2024, 06:00–09:00 UTC"; hours
   * in the zone given ("16 June 2024, 13:00–16:00 Asia/Jakarta (UTC+7)").
   */
  describe(start: number, zone?: string): string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1970-01-05 was a Monday: weeks start on Mondays, as ISO 8601 has it. */
const MONDAY = 4 * DAY;

function fixed(
  key: string,
  ms: number,
  describe: (start: number, zone?: string) => string,
  offset = 0,
) {
  return {
    key,
    approxMs: ms,
    floor: (instant: number) => instant - mod(instant - offset, ms),
    next: (start: number) => start + ms,
    describe,
  };
}

function months(key: string, count: number, describe: (start: number) => string): BucketUnit {
  return {
    key,
    approxMs: count * 30.44 * DAY,
    floor: (instant) => monthStart(Math.floor(monthIndex(instant) / count) * count),
    next: (start) => monthStart(monthIndex(start) + count),
    describe,
  };
}

const day = (at: number): string => formatPartialDate(partialDateFromInstant(at, 'day'));
const month = (at: number): string => formatPartialDate(partialDateFromInstant(at, 'month'));
const year = (at: number): string => partialDateFromInstant(at, 'year').replace(/^0+/, '');
const time = (at: number): string => new Date(at).toISOString().slice(11, 16);

function hours(key: string, count: number): BucketUnit {
  const ms = count * HOUR;
  return fixed(key, ms, (start, zone = UTC_ZONE) => {
    const [from, to] = [wallClock(zone, start).getTime(), wallClock(zone, start + ms).getTime()];
    return `${day(from)}, ${time(from)}–${time(to)} ${zoneName(zone, start)}`;
  });
}

function monthRange(count: number) {
  return (start: number): string =>
    `${month(start)} – ${month(monthStart(monthIndex(start) + count) - 1)}`;
}

function yearRange(count: number) {
  return (start: number): string =>
    `${year(start)}–${year(monthStart(monthIndex(start) + 12 * count) - 1)}`;
}

/** Finest first; few steps, so a zoom changes its buckets (and vis its items) seldom. */
export const BUCKET_UNITS: readonly BucketUnit[] = [
  hours('1h', 1),
  hours('6h', 6),
  fixed('1d', DAY, day),
  fixed('1w', 7 * DAY, (start) => `${day(start)} – ${day(start + 6 * DAY)}`, MONDAY),
  months('1mo', 1, month),
  months('3mo', 3, monthRange(3)),
  months('1y', 12, year),
  months('10y', 120, yearRange(10)),
  months('100y', 1200, yearRange(100)),
];

const zonedUnits = new Map<string, readonly BucketUnit[]>();

/**
 * The units with buckets that begin at a zone's midnights (and hours), as calendar dates are
 * drawn in it (items.ts): the same calendar periods, read on the zone's wall clock.
 */
export function unitsIn(zone = UTC_ZONE): readonly BucketUnit[] {
  if (zone === UTC_ZONE) return BUCKET_UNITS;
  let units = zonedUnits.get(zone);
  if (!units) {
    const wall = (instant: number): number => wallClock(zone, instant).getTime();
    const instant = (wallTime: number): number => instantOfWallTime(zone, wallTime);
    units = BUCKET_UNITS.map((unit): BucketUnit => ({
      key: unit.key,
      approxMs: unit.approxMs,
      floor: (at) => instant(unit.floor(wall(at))),
      next: (start) => {
        const next = instant(unit.next(wall(start)));
        return next > start ? next : start + HOUR; // never stuck where the clocks go back
      },
      // An hour bucket's words say its wall times in the zone, named as it is then.
      describe: (start) => unit.describe(wall(start)).replace(/ UTC$/, ` ${zoneName(zone, start)}`),
    }));
    zonedUnits.set(zone, units);
  }
  return units;
}

/** The finest unit whose buckets are at least `minPx` wide at this zoom. */
export function unitFor(msPerPx: number, minPx: number, zone?: string): BucketUnit {
  const units = unitsIn(zone);
  return (
    units.find((unit) => unit.approxMs / msPerPx >= minPx) ??
    (units[units.length - 1] as BucketUnit)
  );
}

/** The next coarser unit, or null after the coarsest. */
export function coarserUnit(unit: BucketUnit): BucketUnit | null {
  for (const units of [BUCKET_UNITS, ...zonedUnits.values()]) {
    const index = units.indexOf(unit);
    if (index >= 0) return units[index + 1] ?? null;
  }
  return null;
}

/** The bucket edges that cover [from, to): the first at or before `from`, the last at or after `to`. */
export function bucketEdges(from: number, to: number, unit: BucketUnit): number[] {
  const edges = [unit.floor(from)];
  let edge = edges[0] as number;
  while (edge < to) {
    edge = unit.next(edge);
    edges.push(edge);
  }
  return edges;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Months since year 0, in UTC. */
function monthIndex(instant: number): number {
  const date = new Date(instant);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The first instant of a month counted from year 0 (years below 100 too, which Date.UTC shifts). */
function monthStart(index: number): number {
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(index / 12), mod(index, 12), 1);
  return date.getTime();
}
