/**
 * Files written before one-line fields refused text-direction characters (schema.ts) may hold
 * them; such a store must still open. This takes them out of every one-line field of a parsed
 * document (multi-line text keeps them) and counts them, so the caller can keep the original
 * and say what changed, instead of refusing the whole file.
 */
import { DIRECTION_CONTROLS } from '../schema';

/** Fields whose text may span lines and may keep direction characters (schema.ts). */
const MULTI_LINE_KEYS: ReadonlySet<string> = new Set(['description', 'quote']);
const ALL_CONTROLS = new RegExp(DIRECTION_CONTROLS.source, 'g');

export interface DirectionRepair {
  readonly value: unknown;
  /** How many characters were taken out. */
  readonly removed: number;
}

export function removeOneLineDirectionControls(json: unknown): DirectionRepair {
  let removed = 0;
  const repair = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key !== null && MULTI_LINE_KEYS.has(key)) return value;
      return value.replace(ALL_CONTROLS, () => {
        removed++;
        return '';
      });
    }
    // Array items (tags, actors) are one-line text of their own.
    if (Array.isArray(value)) return value.map((item) => repair(item, null));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([name, item]) => [name, repair(item, name)]),
      );
    }
    return value;
  };
  return { value: repair(json, null), removed };
}
