/** A one-line key to how items show precision, status and certainty (same CSS as the items). */
import { el } from '../ui/dom';

const SWATCHES: readonly { readonly className: string; readonly label: string }[] = [
  { className: 'legend-swatch legend-swatch--period', label: 'month or year only' },
  { className: 'legend-swatch legend-swatch--scheduled', label: 'scheduled' },
  { className: 'legend-swatch legend-swatch--postponed', label: 'postponed' },
  { className: 'legend-swatch legend-swatch--cancelled', label: 'cancelled' },
];

const CERTAINTY = ['confirmed', 'reported', 'alleged', 'disputed', 'denied'] as const;

export function buildLegend(): HTMLElement {
  return el('div', { className: 'legend', attrs: { role: 'note', 'aria-label': 'Legend' } }, [
    ...SWATCHES.map(({ className, label }) =>
      el('span', { className: 'legend-entry' }, [
        el('span', { className, attrs: { 'aria-hidden': 'true' } }),
        label,
      ]),
    ),
    el('span', { className: 'legend-divider', attrs: { 'aria-hidden': 'true' } }),
    el(
      'span',
      {
        className: 'legend-entry',
        attrs: { title: 'Where events crowd, the timeline counts them: double-click to zoom in' },
      },
      [
        el('span', { className: 'legend-count', text: '24', attrs: { 'aria-hidden': 'true' } }),
        'counted events',
      ],
    ),
    el('span', { className: 'legend-divider', attrs: { 'aria-hidden': 'true' } }),
    ...CERTAINTY.map((certainty) =>
      el('span', { className: 'legend-entry' }, [
        el('span', {
          className: `ev-marker ev-marker--${certainty}`,
          attrs: { 'aria-hidden': 'true' },
        }),
        certainty,
      ]),
    ),
  ]);
}
