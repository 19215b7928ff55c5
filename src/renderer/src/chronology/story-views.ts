/**
 * The two views of the story, Timeline and Chronology, in one place of the window: one shown,
 * the other out of sight and out of the tab order. The hidden timeline keeps its size, so
 * vis-timeline needs no redraw when it comes back.
 */
import type { StoryView } from '../commands/actions';
import { el } from '../ui/dom';
import type { ChronologyView } from './chronology-view';

export interface StoryViewsParts {
  readonly timelinePane: HTMLElement;
  /** The timeline's focus target. */
  readonly timelineHost: HTMLElement;
  readonly chronology: ChronologyView;
  /** The view switch: a click there keeps the focus on it. */
  readonly isSwitch: (element: Element | null) => boolean;
  readonly onChange: () => void;
}

export class StoryViews {
  readonly element: HTMLElement;
  #view: StoryView = 'timeline';

  constructor(private readonly parts: StoryViewsParts) {
    this.element = el('div', { className: 'story-views' }, [
      parts.timelinePane,
      parts.chronology.element,
    ]);
  }

  get view(): StoryView {
    return this.#view;
  }

  show(next: StoryView): void {
    const { timelinePane, timelineHost, chronology } = this.parts;
    const fromSwitch = this.parts.isSwitch(document.activeElement);
    this.#view = next;
    timelinePane.inert = next !== 'timeline';
    timelinePane.classList.toggle('is-hidden', next !== 'timeline');
    chronology.setVisible(next === 'chronology');
    this.parts.onChange();
    // A shortcut or the menu takes the user to the view; a click on the switch stays on it.
    if (fromSwitch) return;
    if (next === 'chronology') chronology.focus();
    else timelineHost.focus();
  }
}
