/**
 * Copy chronology: the shown events on the clipboard as Markdown (the plain text, which reads
 * well as it is) and as HTML (for pasting into a rich editor), both from the shared builders
 * the export uses.
 */
import {
  chronologyHtml,
  chronologyMarkdown,
  type ChronologyText,
} from '../../../shared/formats/chronology';

export async function copyChronology(text: ChronologyText): Promise<void> {
  const markdown = chronologyMarkdown(text);
  const html = chronologyHtml(text);
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([markdown], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
  } catch {
    // Without the async clipboard (a denied permission), the copy event still carries both.
    if (!copyByCommand(markdown, html)) throw new Error('The chronology could not be copied.');
  }
}

function copyByCommand(markdown: string, html: string): boolean {
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/plain', markdown);
    event.clipboardData?.setData('text/html', html);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
