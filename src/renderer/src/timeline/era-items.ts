/**
 * The story's eras as vis-timeline background items: one shaded span behind every lane (no
 * group), from its start's earliest instant to its end's latest, its name drawn at the top. Eras
 * are not events: they are never selected, dragged, counted or planned (level-of-detail.ts and
 * the listbox's options know only events), and their ids cannot be an event's. No vis import:
 * timeline-view.ts hands these to its DataSet; item-render.ts calls renderEra through vis's
 * template.
 */
import { datesInWords } from '../../../shared/date-words';
import type { Era } from '../../../shared/schema';
import { UTC_ZONE } from '../../../shared/time-zone';
import { isolateText, USER_TEXT } from '../ui/bidi';
import { el } from '../ui/dom';
import { diffItems } from './item-diff';
import { itemSpan } from './items';

/** An era's item id: never a UUID, so never an event's id. */
const ERA_PREFIX = 'era:';

export interface EraItem {
  readonly id: string;
  readonly type: 'background';
  readonly start: number;
  readonly end: number;
  /** Always empty: the template builds the label from `label` (text, never HTML). */
  readonly content: '';
  readonly className: 'era-band';
  readonly selectable: false;
  readonly editable: false;
  /** Marks the item as an era for the template. */
  readonly era: true;
  readonly label: string;
  /** What assistive technology names the band: "Era: Summit month, 1–30 June 2024". */
  readonly name: string;
}

/** The era's band on an axis in `zone`: its calendar dates from the zone's midnights, as events'. */
export function eraItem(era: Era, zone = UTC_ZONE): EraItem {
  const { start, end } = itemSpan(era, zone);
  return {
    id: `${ERA_PREFIX}${era.id}`,
    type: 'background',
    start,
    end: end ?? start,
    content: '',
    className: 'era-band',
    selectable: false,
    editable: false,
    era: true,
    label: era.title,
    name: eraName(era),
  };
}

export function eraName(era: Era): string {
  return `Era: ${era.title}, ${datesInWords(era.start, era.end)}`;
}

/** What the bands need of vis's DataSet. */
export interface EraSink {
  add(items: EraItem[]): unknown;
  update(items: EraItem[]): unknown;
  remove(ids: string[]): unknown;
}

/** Keeps the DataSet's era items equal to the story's eras, writing only what changed. */
export class EraBands {
  readonly #sink: EraSink;
  readonly #held = new Map<string, EraItem>();
  #eras: readonly Era[] = [];
  #zone = UTC_ZONE;

  constructor(sink: EraSink) {
    this.#sink = sink;
  }

  /** The axis is drawn in another zone: the bands move with its midnights. */
  setZone(zone: string): void {
    this.#zone = zone;
    this.set(this.#eras);
  }

  set(eras: readonly Era[]): void {
    this.#eras = eras;
    const diff = diffItems(
      this.#held,
      eras.map((era) => eraItem(era, this.#zone)),
    );
    if (diff.remove.length > 0) this.#sink.remove(diff.remove);
    if (diff.update.length > 0) this.#sink.update(diff.update);
    if (diff.add.length > 0) this.#sink.add(diff.add);
  }
}

/**
 * The band's visible name, at its top: user text, its own direction. The element carries the
 * era's accessible name as a group: the one role besides option that the events' listbox may
 * hold (an image there is refused), and it holds no option, so the arrows never stop on it.
 */
export function renderEra(item: Partial<EraItem>): HTMLElement {
  return el('span', {
    className: 'era-label',
    text: item.label ?? '',
    attrs: {
      ...USER_TEXT,
      role: 'group',
      'aria-label': item.name,
      title: item.label === undefined ? undefined : tooltip(item),
    },
  });
}

/** The name as a tooltip: the title isolated, so its direction cannot reorder the dates. */
function tooltip(item: Partial<EraItem>): string | undefined {
  if (item.label === undefined || item.name === undefined) return undefined;
  return item.name.replace(item.label, isolateText(item.label));
}
