/** What the import dialog says: the preview of a file, a refusal, and the message afterwards. */
import type { ImportFormat, ImportPreview } from '../../../shared/contract';
import { writeOutDirectionControls } from '../../../shared/schema';
import { isolated } from '../ui/bidi';
import { type Child, el, type Phrase, phraseChildren, uniqueId } from '../ui/dom';
import type { ModalContent } from '../ui/modal';

export type ImportMode = 'merge' | 'replace';

const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  json: 'Timeline Desk JSON',
  timelinejs: 'TimelineJS JSON',
  csv: 'CSV',
  'timelinejs-sheet': 'TimelineJS sheet (CSV)',
  ics: 'iCalendar',
  markwhen: 'Markwhen',
  table: 'Table (CSV or TSV), columns as chosen',
};

/** The formats the user may pick or drop, as the file chooser's filter and the hints say. */
export const IMPORT_ACCEPT =
  '.json,.csv,.tsv,.txt,.ics,.mw,application/json,text/csv,text/tab-separated-values,text/calendar';
export const IMPORT_HINT =
  'Timeline Desk JSON, TimelineJS JSON, CSV, iCalendar or Markwhen, up to 50 MB';

/** "12 good rows", "1 good row". */
function goodRows(preview: ImportPreview): string {
  const n = preview.totalEvents;
  return `${n.toLocaleString('en')} good ${n === 1 ? 'row' : 'rows'}`;
}

/** Every row that cannot be imported, by row and column (the first 100), then how many more. */
function badRowsSection(bad: NonNullable<ImportPreview['badRows']>): HTMLElement {
  const more = bad.count - bad.listed.length;
  const heading = `${bad.count.toLocaleString('en')} ${bad.count === 1 ? 'row' : 'rows'} cannot be imported`;
  return el(
    'section',
    {
      className: 'import-notes import-bad-rows',
      attrs: { 'aria-label': 'Rows that cannot be imported' },
    },
    [
      el('p', { className: 'import-notes-heading', text: heading }),
      el(
        'ul',
        // It scrolls: focusable, so a keyboard can scroll it too.
        { attrs: { tabindex: '0', 'aria-label': 'Bad rows' } },
        // A row's message may quote the file: its direction characters are written out.
        [
          ...bad.listed.map((line) => el('li', { text: writeOutDirectionControls(line) })),
          more > 0 && el('li', { text: `and ${more.toLocaleString('en')} more` }),
        ],
      ),
      el('p', {
        className: 'dialog-body',
        text: 'They are left out: the counts above are of the good rows. Nothing is imported until you choose.',
      }),
    ],
  );
}

/** The file's name is the user's text: "Import invoice\u202Efdp.exe" must not reorder. */
export function importHeading(fileName: string): Phrase {
  return ['Import ', isolated(fileName)];
}

/**
 * The preview: what the file holds and what Merge and Replace would do with it, and how its bytes
 * were read when that was not plain UTF-8 (a guess the user should check).
 */
export function previewContent(
  preview: ImportPreview,
  currentEvents: number,
  encodingNote: string | null,
): ModalContent {
  const replaceNote = uniqueId('replace-note');
  const lanes: Phrase =
    preview.newLanes.length === 0
      ? 'None'
      : preview.newLanes.flatMap((title, i) => [i > 0 && ', ', isolated(title)]);
  const nothingNew = preview.newEvents + preview.changedEvents === 0;
  return {
    heading: importHeading(preview.fileName),
    body: [
      el('dl', { className: 'import-counts' }, [
        count('Format', FORMAT_NAMES[preview.format]),
        count('Events in the file', String(preview.totalEvents)),
        count('New events', String(preview.newEvents)),
        count('Would change (same id)', String(preview.changedEvents)),
        count('Unchanged', String(preview.unchangedEvents)),
        count('New lanes', lanes),
      ]),
      preview.notes.length > 0 &&
        el(
          'section',
          { className: 'import-notes', attrs: { 'aria-label': 'Not kept as in the file' } },
          [
            el('p', { className: 'import-notes-heading', text: 'Not kept as in the file' }),
            el(
              'ul',
              {},
              preview.notes.map((note) => el('li', { text: note })),
            ),
          ],
        ),
      preview.badRows !== null && badRowsSection(preview.badRows),
      encodingNote !== null &&
        el('p', { className: 'import-encoding-note', text: encodingNote, attrs: { role: 'note' } }),
      nothingNew &&
        el('p', { className: 'dialog-body', text: 'Nothing in this file is new or different.' }),
      el('p', {
        className: 'dialog-body',
        text:
          'Merge adds the new events and updates the changed ones; everything else stays. ' +
          'Import as a new story makes the file a story of its own and opens it.',
      }),
      el('p', {
        className: 'dialog-body import-replace-note',
        text: `Replace replaces the whole timeline with this file: the ${events(currentEvents)} on it now are removed (Undo brings them back).`,
        attrs: { id: replaceNote },
      }),
    ],
    actions: [
      { value: 'cancel', label: 'Cancel' },
      {
        value: 'replace',
        label: preview.badRows === null ? 'Replace' : `Replace with the ${goodRows(preview)}`,
        className: 'button button--danger-outline',
        title: 'Replace the whole timeline with this file',
        describedBy: replaceNote,
      },
      {
        value: 'new-story',
        label: 'Import as a new story',
        title: 'Make this file a story of its own; this story stays as it is',
      },
      {
        value: 'merge',
        // With bad rows, the choice says what it does: only the good ones come in.
        label: preview.badRows === null ? 'Merge' : `Import the ${goodRows(preview)}`,
        className: 'button button--primary',
      },
    ],
    focus: 'merge',
  };
}

/**
 * A file that cannot be imported: the reason, which names the first bad place in it and may
 * quote the file (a parser's message does), so its direction characters are written out.
 */
export function refusalContent(fileName: string, reason: string): ModalContent {
  return {
    heading: importHeading(fileName),
    body: [
      el('p', { className: 'dialog-body', text: 'This file cannot be imported:' }),
      el('p', {
        className: 'import-refusal',
        text: writeOutDirectionControls(reason),
        attrs: { role: 'alert' },
      }),
      el('p', { className: 'dialog-body', text: 'Nothing was changed.' }),
    ],
    actions: [{ value: 'close', label: 'Close', className: 'button button--primary' }],
  };
}

/** Shown when the page may not open the file chooser itself (after a native menu click). */
export function chooseContent(): ModalContent {
  return {
    heading: 'Import',
    body: [
      el('p', {
        className: 'dialog-body',
        text: `Choose a file to import (${IMPORT_HINT}), or drop one on the window.`,
      }),
    ],
    actions: [
      { value: 'cancel', label: 'Cancel' },
      { value: 'choose', label: 'Choose file…', className: 'button button--primary' },
    ],
    focus: 'choose',
  };
}

export function importedMessage(preview: ImportPreview, mode: ImportMode): string {
  if (mode === 'replace') {
    return `Imported ${events(preview.totalEvents)}; they replace the timeline`;
  }
  const touched = preview.newEvents + preview.changedEvents;
  return `Imported ${events(touched)}: ${preview.newEvents} new, ${preview.changedEvents} changed`;
}

export function tooLargeMessage(bytes: number): string {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `The file is ${mb} MB; Timeline Desk imports files of up to 50 MB.`;
}

function count(term: string, value: Phrase): Child {
  return el('div', { className: 'import-count' }, [
    el('dt', { text: term }),
    el('dd', {}, phraseChildren(value)),
  ]);
}

function events(n: number): string {
  return n === 1 ? '1 event' : `${n} events`;
}
