/**
 * The moment vis-timeline draws its axis with, in a zone (vis's `moment` option). No zone
 * database beyond Intl's (time-zone.ts), so no moment-timezone: an offset per instant, cached.
 */
import moment from 'moment';

import {
  instantOfWallTime,
  offsetMinutesAt,
  offsetSuffix,
  UTC_ZONE,
} from '../../../shared/time-zone';

/**
 * vis reads the axis's calendar through moment: each date at the zone's offset at that instant
 * (from Intl, cached in time-zone.ts), so the axis's days and hours are the zone's, across DST.
 */
export function zonedMoment(zone: string): (date?: moment.MomentInput) => moment.Moment {
  if (zone === UTC_ZONE) return (date) => moment(date).utc();
  // As text: moment reads a number under 16 as hours.
  const offsetAt = (instant: number): string =>
    offsetSuffix(offsetMinutesAt(zone, instant)).replace('Z', '+00:00');
  return (date) => {
    const at = moment(date);
    at.utcOffset(offsetAt(at.valueOf()));
    // vis steps its ticks with add(): across a DST change the wall clock is kept (the next day
    // starts at its own midnight), as moment's local zone does.
    for (const method of ['add', 'subtract'] as const) {
      const step = at[method].bind(at) as (...args: unknown[]) => moment.Moment;
      at[method] = ((...args: unknown[]) => {
        step(...args);
        const wall = at.valueOf() + at.utcOffset() * 60_000;
        return at.utcOffset(offsetAt(instantOfWallTime(zone, wall)), true);
      }) as moment.Moment['add'];
    }
    return at;
  };
}
