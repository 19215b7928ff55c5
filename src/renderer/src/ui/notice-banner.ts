/**
 * Notices about the store, each with a Dismiss button: those of start-up (a damaged store moved
 * aside) and those of the running app (a deleted data folder made again).
 */
import { el } from './dom';

export class NoticeBanner {
  readonly element = el('div', { className: 'notices' });

  constructor(notices: readonly string[]) {
    for (const notice of notices) this.add(notice);
  }

  add(notice: string): void {
    const dismiss = el('button', {
      className: 'button button--quiet',
      text: 'Dismiss',
      attrs: { type: 'button' },
    });
    const item = el('div', { className: 'notice', attrs: { role: 'alert' } }, [
      el('span', { className: 'notice-icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
      el('p', { className: 'notice-text', text: notice }),
      dismiss,
    ]);
    dismiss.addEventListener('click', () => item.remove());
    this.element.append(item);
  }
}
