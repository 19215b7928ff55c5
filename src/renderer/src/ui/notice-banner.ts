/** Start-up notices (such as a damaged store that was moved aside), each with a Dismiss button. */
import { el } from './dom';

export function buildNoticeBanner(notices: readonly string[]): HTMLElement {
  const list = el('div', { className: 'notices' });
  for (const notice of notices) {
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
    list.append(item);
  }
  return list;
}
