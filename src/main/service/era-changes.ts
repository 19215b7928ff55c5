/**
 * Pure planning of the story's eras (add, rename or re-date, delete). Each returns the one
 * Change carrying the whole new era list, which the recorder applies and can undo as one step,
 * as story-changes.ts does for lanes.
 */
import type { Change } from '../../shared/contract';
import type { EraId } from '../../shared/ids';
import type { PartialDate } from '../../shared/partial-date';
import { AppFailure } from '../../shared/result';
import { type Era, EraFieldsSchema, LIMITS } from '../../shared/schema';

export interface EraPatch {
  readonly title?: string | undefined;
  readonly start?: PartialDate | undefined;
  readonly end?: PartialDate | undefined;
}

export function planAddEra(eras: readonly Era[], era: Era): Change {
  if (eras.length >= LIMITS.eras) throw invalid(`A story holds at most ${LIMITS.eras} eras.`);
  return { upserted: [], removed: [], eras: [...eras, checked(era)] };
}

/** A new name or new dates; the end must still not be before the start. */
export function planUpdateEra(eras: readonly Era[], id: EraId, patch: EraPatch): Change {
  const at = indexOf(eras, id);
  const era = eras[at] as Era;
  const next = checked({
    ...era,
    ...(patch.title === undefined ? {} : { title: patch.title }),
    ...(patch.start === undefined ? {} : { start: patch.start }),
    ...(patch.end === undefined ? {} : { end: patch.end }),
  });
  if (next.title === era.title && next.start === era.start && next.end === era.end) {
    return { upserted: [], removed: [] };
  }
  return { upserted: [], removed: [], eras: eras.map((each, i) => (i === at ? next : each)) };
}

export function planDeleteEra(eras: readonly Era[], id: EraId): Change {
  indexOf(eras, id);
  return { upserted: [], removed: [], eras: eras.filter((era) => era.id !== id) };
}

/** The era with its name trimmed, refused with the schema's words when a field is wrong. */
function checked(era: Era): Era {
  const { id, ...fields } = era;
  const parsed = EraFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = String(issue?.path[0] ?? 'era');
    if (field === 'end' && issue?.code === 'custom') {
      throw invalid('An era cannot end before it starts.');
    }
    throw invalid(`The era's ${field} ${issue?.message ?? 'is not valid'}.`);
  }
  return { id, ...parsed.data };
}

function indexOf(eras: readonly Era[], id: EraId): number {
  const at = eras.findIndex((era) => era.id === id);
  if (at === -1) throw new AppFailure({ code: 'not-found', message: 'That era no longer exists.' });
  return at;
}

function invalid(message: string): AppFailure {
  return new AppFailure({ code: 'invalid', message });
}
