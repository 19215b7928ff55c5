/**
 * The zone times are shown in: an IANA name ("Asia/Jakarta") or "UTC". Offsets come from Intl
 * (no zone database of our own) and are cached, since the timeline's axis asks for one per tick
 * on every frame of a pan. Calendar dates never pass through here: only instants have a zone.
 * Pure; for any part of the app.
 */

export const UTC_ZONE = 'UTC';

const MINUTE = 60_000;
/** Zones change their offset on a quarter hour of UTC (Lord Howe, Nepal's 1986 change included). */
const SLICE = 15 * MINUTE;
const CACHE_LIMIT = 50_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone by that name. */
export function isKnownZone(zone: string): boolean {
  if (zone === UTC_ZONE) return true;
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The computer's zone, as the system names it; UTC when it names none. */
export function computerZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && zone !== '' && isKnownZone(zone) ? zone : UTC_ZONE;
}

/** Every zone Intl knows, UTC first. */
export function zoneNames(): readonly string[] {
  const names = Intl.supportedValuesOf('timeZone').filter((name) => name !== UTC_ZONE);
  return [UTC_ZONE, ...names];
}

/** Minutes east of UTC in a zone at an instant (Asia/Jakarta: 420; Asia/Kolkata: 330). */
export function offsetMinutesAt(zone: string, instant: number): number {
  if (zone === UTC_ZONE) return 0;
  let cache = offsets.get(zone);
  if (!cache) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const slice = Math.floor(instant / SLICE);
  let offset = cache.get(slice);
  if (offset === undefined) {
    offset = measureOffset(zone, slice * SLICE);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(slice, offset);
  }
  return offset;
}

/** The zone's wall clock at an instant, read as if it were UTC, minus the instant. */
function measureOffset(zone: string, instant: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(zone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(parts.era === 'BC' ? 1 - year : year, Number(parts.month) - 1);
  wall.setUTCDate(Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
  const seconds = Math.floor(instant / 1000) * 1000;
  // Local mean times had seconds in their offsets; whole minutes are what we write.
  return Math.round((wall.getTime() - seconds) / MINUTE);
}

/** The instant at which a zone's clock shows a wall time given as if it were UTC. */
export function instantOfWallTime(zone: string, wallAsUtc: number): number {
  const guess = wallAsUtc - offsetMinutesAt(zone, wallAsUtc) * MINUTE;
  return wallAsUtc - offsetMinutesAt(zone, guess) * MINUTE;
}

/** "UTC+0", "UTC+7", "UTC+5:30", "UTC-4". */
export function offsetName(minutes: number): string {
  const size = Math.abs(minutes);
  const rest = size % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(size / 60)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/** The zone as the app names it at an instant: "UTC", or "Asia/Jakarta (UTC+7)". */
export function zoneName(zone: string, instant: number): string {
  if (zone === UTC_ZONE) return UTC_ZONE;
  return `${zone} (${offsetName(offsetMinutesAt(zone, instant))})`;
}

/** "+07:00" or "Z": the offset as a partial date writes it. */
export function offsetSuffix(minutes: number): string {
  if (minutes === 0) return 'Z';
  const size = Math.abs(minutes);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(size / 60))}:${two(size % 60)}`;
}

/** The zone's wall clock at an instant, as a Date whose UTC fields are that clock. */
export function wallClock(zone: string, instant: number): Date {
  return new Date(instant + offsetMinutesAt(zone, instant) * MINUTE);
}
