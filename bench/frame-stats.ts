/**
 * Turns what the page probe recorded during a gesture into the figures the bench reports: the
 * work per frame at the 50th and 95th percentile, and the long tasks that began in the span.
 */
import type { ProbeState } from './page-probe';

export interface GestureStats {
  readonly frames: number;
  /** Pointer moves and wheel events the page received (Chromium folds those that queue up). */
  readonly inputs: number;
  readonly p50: number | null;
  readonly p95: number | null;
  /** Long tasks (over 50 ms, as the browser defines them) that began within the span. */
  readonly longTasks: number;
  /** The longest such task, or 0 when there was none. */
  readonly longestTask: number;
}

/** Nearest-rank percentile (no interpolation): a value some frame really had. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function gestureStats(
  { frames, longTasks, inputs }: Pick<ProbeState, 'frames' | 'longTasks' | 'inputs'>,
  span: { readonly start: number; readonly end: number },
): GestureStats {
  const work = frames.map((frame) => frame.work);
  const within = longTasks.filter((task) => task.start >= span.start && task.start <= span.end);
  return {
    frames: work.length,
    inputs,
    p50: round(percentile(work, 50)),
    p95: round(percentile(work, 95)),
    longTasks: within.length,
    longestTask: round(Math.max(0, ...within.map((task) => task.duration))) ?? 0,
  };
}

/** Figures to a tenth of a millisecond: the clocks are no finer than that anyway. */
export function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
