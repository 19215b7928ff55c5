/** The editor's links between events: the parent this one follows up, and its follow-ups. */
import type { EventId } from '../../../shared/ids';
import type { TimelineEvent } from '../../../shared/schema';
import type { EventStore } from '../state/event-store';
import { describeDates } from '../timeline/items';
import { isolateText, USER_TEXT } from '../ui/bidi';
import { el } from '../ui/dom';

export function renderRelations(
  event: TimelineEvent,
  store: EventStore,
  onOpen: (id: EventId) => void,
): HTMLElement[] {
  const link = (target: TimelineEvent): HTMLButtonElement => {
    const button = el('button', {
      className: 'link-button',
      text: target.title,
      attrs: {
        ...USER_TEXT,
        type: 'button',
        title: `${isolateText(target.title)} — ${describeDates(target)}`,
      },
    });
    button.addEventListener('click', () => onOpen(target.id));
    return button;
  };
  const parts: HTMLElement[] = [];
  const parent = event.followUpOf === null ? undefined : store.get(event.followUpOf);
  if (parent) {
    parts.push(
      el('div', { className: 'relation' }, [
        el('span', { className: 'relation-label', text: 'Follows up' }),
        link(parent),
      ]),
    );
  }
  const followUps = store.followUpsOf(event.id);
  if (followUps.length > 0) {
    parts.push(
      el('div', { className: 'relation' }, [
        el('span', {
          className: 'relation-label',
          text: 'Follow-ups',
          attrs: { id: 'follow-ups-label' },
        }),
        el(
          'ul',
          { className: 'relation-list', attrs: { 'aria-labelledby': 'follow-ups-label' } },
          followUps.map((followUp) => el('li', {}, [link(followUp)])),
        ),
      ]),
    );
  }
  return parts;
}
