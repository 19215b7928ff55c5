/**
 * Pure planning of the story's own commands: its title, and its lanes (add, rename or recolour,
 * move, delete). Each returns the one
 * Change (the whole new lane list, and for a delete the lane's events moved to the lane the user
 * picked) that the recorder applies and can undo as one step.
 */
import type { Change } from '../../shared/contract';
import type { LaneId, Timestamp } from '../../shared/ids';
import { AppFailure } from '../../shared/result';
import { type Lane, LIMITS, type TimelineEvent, type TimelineInfo } from '../../shared/schema';

export function planAddLane(lanes: readonly Lane[], lane: Lane): Change {
  if (lanes.length >= LIMITS.lanes) {
    throw invalid(`A timeline holds at most ${LIMITS.lanes} lanes.`);
  }
  return {
    upserted: [],
    removed: [],
    lanes: [...lanes, { ...lane, title: laneName(lane.title), color: lane.color.toLowerCase() }],
  };
}

/** A lane's name as typed, without the spaces around it; never empty. */
export function laneName(title: string): string {
  const name = title.trim();
  if (name === '') throw invalid('A lane needs a name.');
  return name;
}

export function planUpdateLane(
  lanes: readonly Lane[],
  id: LaneId,
  patch: { readonly title?: string | undefined; readonly color?: string | undefined },
): Change {
  const at = indexOf(lanes, id);
  const lane = lanes[at] as Lane;
  const next: Lane = {
    ...lane,
    ...(patch.title === undefined ? {} : { title: laneName(patch.title) }),
    ...(patch.color === undefined ? {} : { color: patch.color.toLowerCase() }),
  };
  if (next.title === lane.title && next.color === lane.color) return { upserted: [], removed: [] };
  return { upserted: [], removed: [], lanes: lanes.map((each, i) => (i === at ? next : each)) };
}

/** Moves a lane to position `to` (0 is the top; past the end is the bottom). */
export function planMoveLane(lanes: readonly Lane[], id: LaneId, to: number): Change {
  const from = indexOf(lanes, id);
  const target = Math.min(to, lanes.length - 1);
  if (target === from) return { upserted: [], removed: [] };
  const moved = lanes.filter((lane) => lane.id !== id);
  moved.splice(target, 0, lanes[from] as Lane);
  return { upserted: [], removed: [], lanes: moved };
}

/** Deletes a lane; its events move to `moveTo`, which must be another lane. */
export function planDeleteLane(
  lanes: readonly Lane[],
  events: Iterable<TimelineEvent>,
  id: LaneId,
  moveTo: LaneId,
  at: Timestamp,
): Change {
  indexOf(lanes, id);
  if (moveTo === id) throw invalid('Choose another lane for its events.');
  indexOf(lanes, moveTo);
  const moved: TimelineEvent[] = [];
  for (const event of events) {
    if (event.laneId === id) moved.push({ ...event, laneId: moveTo, updatedAt: at });
  }
  return { upserted: moved, removed: [], lanes: lanes.filter((lane) => lane.id !== id) };
}

/** The story's title (trimmed, never empty) and description, as one change. */
export function planUpdateStory(info: TimelineInfo, title: string, description: string): Change {
  const name = title.trim();
  if (name === '') throw invalid('A story needs a title.');
  if (name === info.title && description === info.description) return { upserted: [], removed: [] };
  return { upserted: [], removed: [], timeline: { ...info, title: name, description } };
}

/** A lane id not in use, from the title where it can be ("Sanctions" → "sanctions"). */
export function newLaneId(lanes: readonly Lane[], title: string, random: () => string): LaneId {
  const taken = new Set<string>(lanes.map((lane) => lane.id));
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const base = /^[a-z0-9]/.test(slug) ? slug : 'lane';
  let id = base;
  while (taken.has(id)) id = `${base}-${random().slice(0, 8)}`;
  return id as LaneId;
}

function indexOf(lanes: readonly Lane[], id: LaneId): number {
  const at = lanes.findIndex((lane) => lane.id === id);
  if (at === -1)
    throw new AppFailure({ code: 'not-found', message: 'That lane no longer exists.' });
  return at;
}

function invalid(message: string): AppFailure {
  return new AppFailure({ code: 'invalid', message });
}
