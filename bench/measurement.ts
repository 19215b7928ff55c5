/**
 * One figure of `npm run bench`, as printed in its table and written to bench/results.json.
 * Every part of the bench (store and service in Node, renderer and peers in Chromium) returns
 * these, so the runner can print and compare them without knowing how each was taken.
 */
export type Unit = 'ms' | 'count' | 'writes' | 'elements' | 'bytes';

/** A peer tool's figure for the same measurement and events. */
export interface PeerValue {
  /** null when the peer did not finish in its time limit or cannot do this at all. */
  readonly value: number | null;
  readonly status: 'ok' | 'not-finished' | 'not-applicable';
  /** How long the peer was given, when it did not finish. */
  readonly limitMs?: number;
  readonly note?: string;
}

export interface Measurement {
  /** Dotted and stable, e.g. "store.edit.durable" or "renderer.pan.frame-p95". */
  readonly name: string;
  readonly events: number;
  /** null when ours did not finish either (then `note` says why). */
  readonly value: number | null;
  readonly unit: Unit;
  /** The most this may be (issue 4's budgets), or null where there is no budget. */
  readonly budget: number | null;
  /** Keyed by peer name, e.g. "vis-timeline (defaults)", "TimelineJS". */
  readonly peers: Readonly<Record<string, PeerValue>>;
  readonly note?: string;
  /** Why this could not be measured on this machine; then it neither passes nor fails. */
  readonly skipped?: string;
}

/** True when the figure is within its budget (or has none). */
export function withinBudget(measurement: Measurement): boolean {
  if (measurement.budget === null) return true;
  return measurement.value !== null && measurement.value <= measurement.budget;
}
