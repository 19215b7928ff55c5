/**
 * The mapping step of a table of the user's own (any CSV or TSV): which column holds the date
 * (or start), the title, and optionally the end, description, source URL, lane and tags. It
 * opens with the mapping last used for a file with the same columns (kept in localStorage), else
 * the one guessed from the column names; Continue reads the file by it.
 */
import { type TableMapping, TableMappingSchema } from '../../../shared/contract';
import { el, uniqueId } from '../ui/dom';
import type { ModalContent } from '../ui/modal';
import { importHeading } from './import-preview';

const PARTS: readonly { key: keyof TableMapping; label: string; required: boolean }[] = [
  { key: 'start', label: 'Date or start', required: true },
  { key: 'end', label: 'End', required: false },
  { key: 'title', label: 'Title', required: true },
  { key: 'description', label: 'Description', required: false },
  { key: 'source', label: 'Source URL', required: false },
  { key: 'lane', label: 'Lane', required: false },
  { key: 'tags', label: 'Tags', required: false },
];

const STORAGE_PREFIX = 'timeline-desk:table-mapping:';

export interface MappingStep {
  readonly content: ModalContent;
  /** The mapping chosen, or null while the date or the title has no column. */
  read(): TableMapping | null;
}

/** The dialog's content, opened at `initial` (the remembered or guessed mapping). */
export function mappingStep(
  fileName: string,
  columns: readonly string[],
  initial: TableMapping | null,
  problem: string | null,
): MappingStep {
  const selects = new Map<keyof TableMapping, HTMLSelectElement>();
  const fields = PARTS.map(({ key, label, required }) => {
    const id = uniqueId(`map-${key}`);
    const select = el(
      'select',
      { className: 'input', attrs: { id, 'aria-required': required ? 'true' : undefined } },
      [
        el('option', {
          text: required ? 'Choose a column' : 'None',
          attrs: { value: '' },
        }),
        ...columns.map((column) => el('option', { text: column, attrs: { value: column } })),
      ],
    );
    select.value = initial?.[key] ?? '';
    selects.set(key, select);
    return el('div', { className: 'mapping-field' }, [
      el('label', { className: 'field-label', text: label, attrs: { for: id } }),
      select,
    ]);
  });
  const value = (key: keyof TableMapping): string | null => (selects.get(key)?.value ?? '') || null;
  return {
    content: {
      heading: importHeading(fileName),
      body: [
        el('p', {
          className: 'dialog-body',
          text: 'This table is not one Timeline Desk knows. Say which column holds what; each row becomes an event. Dates are read as people write them (19 June 2024, 19/06/2024, June 2024, 2024).',
        }),
        problem !== null &&
          el('p', { className: 'field-error', text: problem, attrs: { role: 'alert' } }),
        el('div', { className: 'mapping-fields' }, fields),
      ],
      actions: [
        { value: 'cancel', label: 'Cancel' },
        { value: 'continue', label: 'Continue', className: 'button button--primary' },
      ],
      focus: 'continue',
      focusElement: selects.get('start'),
    },
    read: () => {
      const start = value('start');
      const title = value('title');
      if (start === null || title === null) return null;
      return {
        start,
        end: value('end'),
        title,
        description: value('description'),
        source: value('source'),
        lane: value('lane'),
        tags: value('tags'),
      };
    },
  };
}

/** The mapping last used for a file with these columns, if it still fits them. */
export function rememberedMapping(columns: readonly string[]): TableMapping | null {
  try {
    const kept = localStorage.getItem(STORAGE_PREFIX + columns.join('\u001f'));
    if (kept === null) return null;
    // Checked as the contract checks one: stored text is outside input like any other.
    const checked = TableMappingSchema.safeParse(JSON.parse(kept));
    if (!checked.success) return null;
    const mapping = checked.data;
    const fits = PARTS.every(({ key }) => {
      const column = mapping[key];
      return column === null || columns.includes(column);
    });
    return fits ? mapping : null;
  } catch {
    return null;
  }
}

export function rememberMapping(columns: readonly string[], mapping: TableMapping): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + columns.join('\u001f'), JSON.stringify(mapping));
  } catch {
    // A full or unavailable storage only means the next file asks afresh.
  }
}
