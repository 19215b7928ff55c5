/** Lanes for imported slides, found by title. */
import type { LaneId } from '../ids';
import type { Result } from '../result';
import { type Lane, LIMITS } from '../schema';
import { LANE_PALETTE } from './lane-palette';
import { type Place, placeFail } from './timelinejs-read';

/**
 * The lanes of the imported document: those it starts with, then lanes found by title, taken
 * from the current timeline when it has one of that title (same id and colour), or made new.
 */
export class LaneBook {
  private readonly lanes: Lane[];

  constructor(
    start: readonly Lane[],
    private readonly current: readonly Lane[],
  ) {
    this.lanes = [...start];
  }

  all(): Lane[] {
    return [...this.lanes];
  }

  titleOf(id: LaneId): string | undefined {
    return this.lanes.find((lane) => lane.id === id)?.title;
  }

  /** The id of the lane with this title, adding the lane when there is none yet. */
  resolve(title: string, place: Place): Result<LaneId> {
    const found = this.lanes.find((lane) => lane.title === title);
    if (found) return { ok: true, value: found.id };
    if (this.lanes.length >= LIMITS.lanes) {
      return placeFail(place, `would make more than ${LIMITS.lanes} lanes`);
    }
    const known = this.current.find((lane) => lane.title === title && !this.has(lane.id));
    const lane = known ?? {
      id: this.freeId(slug(title)),
      title,
      color: LANE_PALETTE[this.lanes.length % LANE_PALETTE.length] ?? LANE_PALETTE[0],
    };
    this.lanes.push(lane);
    return { ok: true, value: lane.id };
  }

  private has(id: string): boolean {
    return this.lanes.some((lane) => lane.id === id);
  }

  /** The slug, or the slug with -2, -3 … when a lane here or in the timeline has it. */
  private freeId(base: string): LaneId {
    const taken = (id: string) => this.has(id) || this.current.some((lane) => lane.id === id);
    let id = base;
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    return id as LaneId;
  }
}

/** A lane id from a title: "Russia–North Korea" gives "russia-north-korea". */
export function slug(title: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'lane' : id;
}
