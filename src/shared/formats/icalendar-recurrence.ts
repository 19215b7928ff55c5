/**
 * The occurrences of a repeating VEVENT as an import keeps them: DTSTART, each RRULE's dates and
 * the RDATEs, less the EXDATEs, for at most MAX_YEARS years after DTSTART and MAX_OCCURRENCES
 * occurrences, and why the list was cut short. Each rule is stepped with a budget: ical.js
 * searches forever for a rule no date matches (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30), and an
 * import must end.
 */
import ICAL from 'ical.js';

export const MAX_OCCURRENCES = 500;
export const MAX_YEARS = 2;
/** Dates a rule may try (ical.js checks each against the rule's BY… parts) before it stops. */
const MAX_RULE_STEPS = 50_000;

/**
 * Why occurrences were left out: too many, past the window, a rule that finds no more dates, or
 * one ical.js cannot follow (a BYDAY of "5MO" in a weekly rule).
 */
export type Cut = 'count' | 'window' | 'stalled' | 'invalid';

export interface Occurrences {
  /** In order, each once. */
  readonly times: readonly ICAL.Time[];
  readonly cut: Cut | null;
}

export function occurrences(component: ICAL.Component, start: ICAL.Time): Occurrences {
  const until = yearsLater(start, MAX_YEARS);
  const excluded = exclusions(component);
  const found = new Map<string, ICAL.Time>([[timeKey(start), start]]);
  const cuts = new Set<Cut>();
  for (const property of component.getAllProperties('rrule')) {
    const rule = property.getFirstValue();
    if (!(rule instanceof ICAL.Recur)) continue;
    const stepped = safely(() => stepRule(rule, start, until, MAX_OCCURRENCES + excluded.size + 1));
    for (const time of stepped.times) found.set(timeKey(time), time);
    if (stepped.cut !== null) cuts.add(stepped.cut);
  }
  for (const time of listedTimes(component, 'rdate')) {
    if (time.toUnixTime() > until) cuts.add('window');
    else found.set(timeKey(time), time);
  }
  const kept = [...found.values()]
    .filter((time) => !excluded.has(timeKey(time)) && !excluded.has(dayKey(time)))
    .sort((a, b) => a.toUnixTime() - b.toUnixTime());
  if (kept.length > MAX_OCCURRENCES) cuts.add('count');
  const order = ['invalid', 'stalled', 'count', 'window'] as const;
  const cut = order.find((reason) => cuts.has(reason)) ?? null;
  return { times: kept.slice(0, MAX_OCCURRENCES), cut };
}

/** True when the VEVENT repeats (and is not itself an override of one occurrence). */
export function isRepeating(component: ICAL.Component): boolean {
  return (
    (component.hasProperty('rrule') || component.hasProperty('rdate')) &&
    !component.hasProperty('recurrence-id')
  );
}

/** An occurrence's name for ids and matching: its day, or its instant in UTC (RFC 5545 form). */
export function recurrenceKey(time: ICAL.Time): string {
  if (time.isDate) return time.toString().replaceAll('-', '');
  return `${new Date(time.toUnixTime() * 1000).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The instant `years` years after `start`, in Unix seconds. */
export function yearsLater(start: ICAL.Time, years: number): number {
  const date = new Date(start.toUnixTime() * 1000);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime() / 1000;
}

class StalledRule extends Error {}

/** A rule ical.js throws on (when it starts or steps) gives no dates. */
function safely(step: () => Stepped): Stepped {
  try {
    return step();
  } catch {
    return { times: [], cut: 'invalid' };
  }
}

interface Stepped {
  readonly times: ICAL.Time[];
  readonly cut: Cut | null;
}

/** A rule's dates up to `until` (Unix seconds), at most `most` of them. */
function stepRule(rule: ICAL.Recur, start: ICAL.Time, until: number, most: number): Stepped {
  const iterator = rule.iterator(start);
  const check = iterator.check_contracting_rules.bind(iterator);
  let budget = MAX_RULE_STEPS;
  // Every pass of the iterator's search asks this; a budget on it bounds the whole search.
  iterator.check_contracting_rules = () => {
    if (--budget < 0) throw new StalledRule();
    return check();
  };
  const times: ICAL.Time[] = [];
  try {
    // next() hands back the same object each time, moved on: each date is copied.
    for (let next: ICAL.Time | null = iterator.next(); next; next = iterator.next()) {
      if (next.toUnixTime() > until) return { times, cut: 'window' };
      times.push(next.clone());
      if (times.length >= most) return { times, cut: 'count' };
    }
    return { times, cut: null };
  } catch (error) {
    if (error instanceof StalledRule) return { times, cut: 'stalled' };
    throw error;
  }
}

/** The EXDATEs: date-times by instant, dates by day. */
function exclusions(component: ICAL.Component): Set<string> {
  return new Set(
    listedTimes(component, 'exdate').map((time) => (time.isDate ? dayKey(time) : timeKey(time))),
  );
}

/** Every date of every property of this name (RDATE, EXDATE); a period by its start. */
function listedTimes(component: ICAL.Component, name: string): ICAL.Time[] {
  return component.getAllProperties(name).flatMap((property) =>
    property.getValues().flatMap((value: unknown) => {
      if (value instanceof ICAL.Time) return [value];
      if (value instanceof ICAL.Period) return [value.start];
      return [];
    }),
  );
}

function timeKey(time: ICAL.Time): string {
  return time.isDate ? dayKey(time) : `T${time.toUnixTime()}`;
}

/** The day of a date, or of a date-time where it happens. */
function dayKey(time: ICAL.Time): string {
  return `D${time.year}-${time.month}-${time.day}`;
}
