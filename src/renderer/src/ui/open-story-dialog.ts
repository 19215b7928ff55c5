/**
 * "Open story…" (Ctrl/Cmd+K): a modal <dialog> with a field that finds stories as the user
 * types (every word, at the start of a word of the title, case and accents aside) and a list
 * box of the matches, most recent first. Up and Down move through them, Enter or a click opens
 * one; Escape closes.
 */
import type { StoryListing } from '../../../shared/contract';
import { isolated } from './bidi';
import { el } from './dom';
import { eventsText } from './stories-panel';

const MAX_SHOWN = 50;

export class OpenStoryDialog {
  readonly element = el('dialog', {
    className: 'dialog open-story-dialog',
    attrs: { 'aria-labelledby': 'open-story-heading' },
  });

  /** Asks which story to open; null when the user closes the dialog. */
  ask(stories: readonly StoryListing[], current: string): Promise<string | null> {
    if (this.element.open) return Promise.resolve(null);
    const field = el('input', {
      className: 'input',
      attrs: {
        id: 'open-story-find',
        type: 'text',
        role: 'combobox',
        'aria-expanded': 'true',
        'aria-controls': 'open-story-list',
        'aria-autocomplete': 'list',
        autocomplete: 'off',
      },
    });
    const list = el('ul', {
      className: 'open-story-list',
      attrs: { id: 'open-story-list', role: 'listbox', 'aria-label': 'Stories' },
    });
    const empty = el('p', { className: 'stories-empty', attrs: { role: 'status' } });
    let matches: StoryListing[] = [];
    let active = 0;
    let chosen: string | null = null;
    const choose = (id: string | undefined): void => {
      if (id === undefined) return;
      chosen = id;
      this.element.close('open');
    };
    const draw = (): void => {
      matches = findStories(stories, field.value).slice(0, MAX_SHOWN);
      active = Math.min(active, Math.max(0, matches.length - 1));
      list.replaceChildren(
        ...matches.map((story, index) => {
          const option = el(
            'li',
            {
              className: 'open-story-option',
              attrs: {
                id: `open-story-${story.id}`,
                role: 'option',
                'aria-selected': String(index === active),
              },
            },
            [
              isolated(story.title),
              el('span', {
                className: 'story-details',
                text: ` · ${eventsText(story.events)}${story.id === current ? ' · open' : ''}`,
              }),
            ],
          );
          option.addEventListener('click', () => choose(story.id));
          return option;
        }),
      );
      const selected = matches[active];
      if (selected) field.setAttribute('aria-activedescendant', `open-story-${selected.id}`);
      else field.removeAttribute('aria-activedescendant');
      list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
      empty.textContent = matches.length === 0 ? 'No story has a title like that.' : '';
    };
    field.addEventListener('input', () => {
      active = 0;
      draw();
    });
    field.addEventListener('keydown', (event) => {
      const last = matches.length - 1;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        active = Math.max(0, Math.min(last, active + (event.key === 'ArrowDown' ? 1 : -1)));
        draw();
      } else if (event.key === 'Home' || event.key === 'End') {
        if (field.value !== '') return;
        event.preventDefault();
        active = event.key === 'Home' ? 0 : last;
        draw();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        choose(matches[active]?.id);
      }
    });
    this.element.replaceChildren(
      el('h2', {
        className: 'dialog-heading',
        text: 'Open story',
        attrs: { id: 'open-story-heading' },
      }),
      el('label', {
        className: 'field-label',
        text: 'Find a story',
        attrs: { for: 'open-story-find' },
      }),
      field,
      list,
      empty,
    );
    // The open story is not the one a user is looking for: the next most recent comes first.
    active = Math.min(1, stories.length - 1) * (stories[0]?.id === current ? 1 : 0);
    draw();
    this.element.returnValue = '';
    return new Promise((resolve) => {
      this.element.addEventListener(
        'close',
        () => {
          this.element.replaceChildren();
          resolve(this.element.returnValue === 'open' ? chosen : null);
        },
        { once: true },
      );
      this.element.showModal();
      field.focus();
    });
  }
}

/** The stories whose title has every typed word at the start of one of its words. */
export function findStories(stories: readonly StoryListing[], typed: string): StoryListing[] {
  const words = wordsOf(typed);
  if (words.length === 0) return [...stories];
  return stories.filter((story) => {
    const titleWords = wordsOf(story.title);
    return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)));
  });
}

/** Words as typed and as titled alike: accents and case aside, split at spaces and punctuation. */
function wordsOf(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
}
