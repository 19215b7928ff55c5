/**
 * The figures the renderer bench takes of every tool, their units and issue 4's budgets, and
 * how one tool's figures and its peers' become the Measurements of the table.
 */
import type { Measurement, PeerValue, Unit } from './measurement';

export const GESTURES = ['pan', 'zoom'] as const;
export type Gesture = (typeof GESTURES)[number];

export type MetricKey =
  | 'ready'
  | 'first-draw-to-ready'
  | 'interactive'
  | 'items'
  | `${Gesture}.frame-p50`
  | `${Gesture}.frame-p95`
  | `${Gesture}.long-tasks`
  | `${Gesture}.longest-task`
  | 'drag.saved'
  | 'search.keystroke-p95'
  | 'filter.change'
  | 'keyboard.step-p95'
  | 'chronology.open'
  | 'chronology.scroll-frame-p95';

interface Metric {
  readonly key: MetricKey;
  readonly unit: Unit;
  /** Budget by event count; sizes not listed have none. */
  readonly budget: Readonly<Partial<Record<number, number>>>;
}

const gestureMetrics = (gesture: Gesture): Metric[] => [
  { key: `${gesture}.frame-p50`, unit: 'ms', budget: {} },
  { key: `${gesture}.frame-p95`, unit: 'ms', budget: { 10_000: 16 } },
  { key: `${gesture}.long-tasks`, unit: 'count', budget: { 10_000: 0 } },
  { key: `${gesture}.longest-task`, unit: 'ms', budget: { 100_000: 100 } },
];

export const RENDERER_METRICS: readonly Metric[] = [
  { key: 'ready', unit: 'ms', budget: { 100_000: 3_000 } },
  { key: 'first-draw-to-ready', unit: 'ms', budget: { 10_000: 500 } },
  { key: 'interactive', unit: 'ms', budget: {} },
  { key: 'items', unit: 'elements', budget: { 10_000: 500, 100_000: 500 } },
  ...GESTURES.flatMap(gestureMetrics),
  { key: 'drag.saved', unit: 'ms', budget: {} },
  // Issue 16: ours alone (the peers have no search or filters).
  { key: 'search.keystroke-p95', unit: 'ms', budget: { 100_000: 50 } },
  { key: 'filter.change', unit: 'ms', budget: { 100_000: 100 } },
  { key: 'keyboard.step-p95', unit: 'ms', budget: { 10_000: 16, 100_000: 16 } },
  { key: 'chronology.open', unit: 'ms', budget: { 100_000: 200 } },
  { key: 'chronology.scroll-frame-p95', unit: 'ms', budget: { 100_000: 16 } },
];

/** One tool's figures at one size; a missing key means the tool was not asked for it. */
export type Figures = Map<MetricKey, PeerValue>;

export const ok = (value: number, note?: string): PeerValue =>
  note === undefined ? { value, status: 'ok' } : { value, status: 'ok', note };

/** Our figures and each peer's, side by side, as one Measurement per metric. */
export function rendererMeasurements(
  events: number,
  ours: Figures,
  peers: ReadonlyMap<string, Figures>,
): Measurement[] {
  return RENDERER_METRICS.filter((metric) => ours.has(metric.key)).map((metric) => {
    const own = ours.get(metric.key)!;
    const peerValues: Record<string, PeerValue> = {};
    for (const [peer, figures] of peers) {
      const figure = figures.get(metric.key);
      if (figure) peerValues[peer] = figure;
    }
    const note = [own.status === 'not-finished' ? notFinished(own) : '', own.note ?? '']
      .filter(Boolean)
      .join('; ');
    return {
      name: `renderer.${metric.key}`,
      events,
      value: own.status === 'ok' ? own.value : null,
      unit: metric.unit,
      budget: metric.budget[events] ?? null,
      peers: peerValues,
      ...(note ? { note } : {}),
    };
  });
}

function notFinished(value: PeerValue): string {
  return value.limitMs === undefined
    ? 'did not finish'
    : `did not finish in ${value.limitMs / 1000} s`;
}
