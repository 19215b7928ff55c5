/**
 * The story list: a collapsible side panel, "Stories", over the left of the workspace. Each
 * story on the desk with its title, event count and last change, the most recent first; the
 * open one marked. "New story" above, and the trash below, each deleted story with "Restore".
 * It asks the main process for the list each time it opens. Escape closes it.
 */
import type { StoryListing } from '../../../shared/contract';
import { isolated } from './bidi';
import { el, icon, uniqueId } from './dom';

export interface StoryList {
  readonly current: string;
  readonly stories: readonly StoryListing[];
  readonly trash: readonly StoryListing[];
}

export interface StoriesPanelActions {
  /** The list, or a message saying why it could not be read. */
  list(): Promise<StoryList | string>;
  open(id: string): void;
  newStory(): void;
  restore(id: string): Promise<void>;
}

const PANEL_ICON = ['M2.5 3h11v10h-11z', 'M6.5 3v10'];

export class StoriesPanel {
  readonly button: HTMLButtonElement;
  readonly element: HTMLElement;
  readonly #actions: StoriesPanelActions;
  readonly #body = el('div', { className: 'stories-body' });

  constructor(actions: StoriesPanelActions) {
    this.#actions = actions;
    const headingId = uniqueId('stories-heading');
    const newStory = el('button', {
      className: 'button button--quiet',
      text: 'New story',
      attrs: { type: 'button' },
    });
    newStory.addEventListener('click', () => actions.newStory());
    this.element = el(
      'aside',
      {
        className: 'stories-panel',
        attrs: { id: 'stories-panel', 'aria-labelledby': headingId, hidden: true },
      },
      [
        el('div', { className: 'stories-head' }, [
          el('h2', { className: 'stories-title', text: 'Stories', attrs: { id: headingId } }),
          newStory,
        ]),
        this.#body,
      ],
    );
    this.button = el(
      'button',
      {
        className: 'button stories-toggle',
        attrs: {
          type: 'button',
          'aria-controls': 'stories-panel',
          'aria-expanded': 'false',
          title: 'Show or hide the stories',
        },
      },
      [icon(PANEL_ICON), el('span', { className: 'button-label', text: 'Stories' })],
    );
    this.button.addEventListener('click', () => void this.set(!this.shown));
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      void this.set(false);
      this.button.focus();
    });
  }

  get shown(): boolean {
    return !this.element.hidden;
  }

  /** Opens (with the list read afresh) or closes the panel. */
  async set(shown: boolean): Promise<void> {
    this.element.hidden = !shown;
    this.button.setAttribute('aria-expanded', String(shown));
    if (!shown) return;
    await this.refresh();
    // Opening puts the focus on the open story; a refresh later leaves it where it is.
    this.element.querySelector<HTMLElement>('[aria-current="true"]')?.focus();
  }

  async refresh(): Promise<void> {
    const list = await this.#actions.list();
    if (typeof list === 'string') {
      this.#body.replaceChildren(el('p', { className: 'field-error', text: list }));
      return;
    }
    const rows = list.stories.map((story) => this.#storyRow(story, story.id === list.current));
    const trash = list.trash.map((story) => this.#trashRow(story));
    this.#body.replaceChildren(
      el('ul', { className: 'stories-list', attrs: { 'aria-label': 'Stories on the desk' } }, rows),
      el('h3', { className: 'stories-subtitle', text: 'Trash' }),
      trash.length === 0
        ? el('p', { className: 'stories-empty', text: 'The trash is empty.' })
        : el('ul', { className: 'stories-list', attrs: { 'aria-label': 'Trash' } }, trash),
      el('p', {
        className: 'stories-empty',
        text: 'Deleted stories stay in the trash for 30 days.',
      }),
    );
  }

  #storyRow(story: StoryListing, current: boolean): HTMLElement {
    const detailsId = uniqueId('story-details');
    const open = el(
      'button',
      {
        className: 'story-open',
        attrs: {
          type: 'button',
          'aria-describedby': detailsId,
          'aria-current': current ? 'true' : undefined,
        },
      },
      [isolated(story.title)],
    );
    open.addEventListener('click', () => {
      if (current) void this.set(false);
      else this.#actions.open(story.id);
    });
    return el('li', { className: 'story-row' }, [
      open,
      el('span', {
        className: 'story-details',
        text: `${eventsText(story.events)} · ${current ? 'open · ' : ''}changed ${when(story.changedAt)}`,
        attrs: { id: detailsId },
      }),
    ]);
  }

  #trashRow(story: StoryListing): HTMLElement {
    const titleId = uniqueId('trash-title');
    const restore = el('button', {
      className: 'button button--quiet',
      text: 'Restore',
      attrs: { type: 'button', 'aria-describedby': titleId },
    });
    restore.addEventListener('click', () => void this.#actions.restore(story.id));
    return el('li', { className: 'story-row story-row--trash' }, [
      el('span', { className: 'story-trash-title', attrs: { id: titleId } }, [
        isolated(story.title),
      ]),
      el('span', {
        className: 'story-details',
        text: `${eventsText(story.events)} · deleted ${when(story.deletedAt ?? story.changedAt)}`,
      }),
      restore,
    ]);
  }
}

/** "1 event", "10,000 events". */
export function eventsText(count: number): string {
  return count === 1 ? '1 event' : `${count.toLocaleString('en')} events`;
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function when(iso: string): string {
  return WHEN.format(new Date(iso));
}
