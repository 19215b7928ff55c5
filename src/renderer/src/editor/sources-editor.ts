/**
 * The list of sources in the editor. Each source is a small card of fields named "Source 1 title",
 * "Source 1 URL" and so on, so no name collides with the event's own fields.
 */
import { el } from '../ui/dom';
import { DATE_NOTE_ID } from './date-hint';
import { type Field, textArea, textInput } from './field';
import { SOURCE_FIELD_LIMITS } from './field-limits';
import { emptySource, SOURCE_KEYS, type SourceKey, type SourceValues } from './form-values';

type SourceFields = Record<SourceKey, Field>;

const NAMES: Record<SourceKey, string> = {
  title: 'title',
  url: 'URL',
  publisher: 'publisher',
  published: 'published',
  quote: 'quote',
  language: 'language',
};

export class SourcesEditor {
  readonly element: HTMLElement;
  readonly #list = el('div', { className: 'sources-list' });
  readonly #empty = el('p', { className: 'sources-empty', text: 'No sources yet.' });
  #rows: SourceFields[] = [];
  readonly #onInput: () => void;

  constructor(onInput: () => void) {
    this.#onInput = onInput;
    const add = el('button', {
      className: 'button button--small',
      text: 'Add source',
      attrs: { type: 'button' },
    });
    add.addEventListener('click', () => {
      this.setValues([...this.values(), emptySource()]);
      this.#rows.at(-1)?.title.control.focus();
      this.#onInput();
    });
    this.element = el('fieldset', { className: 'sources' }, [
      el('legend', { className: 'section-title', text: 'Sources' }),
      this.#empty,
      this.#list,
      add,
    ]);
  }

  values(): SourceValues[] {
    return this.#rows.map((fields) => {
      const values = emptySource();
      for (const key of SOURCE_KEYS) values[key] = fields[key].value;
      return values;
    });
  }

  setValues(sources: readonly SourceValues[]): void {
    this.#rows = sources.map((source, index) => this.#row(source, index));
    this.#list.replaceChildren(...this.#rows.map((fields, index) => this.#card(fields, index)));
    this.#empty.hidden = sources.length > 0;
  }

  /** The field at a path such as "sources[0].url", if there is one. */
  fieldAt(index: number, key: string): Field | null {
    const fields = this.#rows[index];
    return fields && key in fields ? fields[key as SourceKey] : null;
  }

  fields(): Field[] {
    return this.#rows.flatMap((fields) => SOURCE_KEYS.map((key) => fields[key]));
  }

  #row(source: SourceValues, index: number): SourceFields {
    const prefix = `Source ${index + 1} `;
    const name = (key: SourceKey): string => `${prefix}${NAMES[key]}`;
    const common = (key: SourceKey) => ({
      hiddenPrefix: prefix,
      maxLength: SOURCE_FIELD_LIMITS[key],
    });
    const fields: SourceFields = {
      title: textInput(name('title'), { ...common('title'), className: 'span-2' }),
      url: textInput(name('url'), {
        ...common('url'),
        className: 'span-2',
        type: 'url',
        placeholder: 'https://',
      }),
      publisher: textInput(name('publisher'), common('publisher')),
      published: textInput(name('published'), {
        ...common('published'),
        placeholder: 'e.g. 17 June 2024',
        describedBy: [DATE_NOTE_ID],
      }),
      quote: textArea(name('quote'), { ...common('quote'), className: 'span-2', rows: 3 }),
      language: textInput(name('language'), { ...common('language'), placeholder: 'e.g. en' }),
    };
    for (const key of SOURCE_KEYS) {
      fields[key].value = source[key];
      fields[key].control.addEventListener('input', this.#onInput);
    }
    return fields;
  }

  #card(fields: SourceFields, index: number): HTMLElement {
    const remove = el('button', {
      className: 'button button--small button--quiet',
      text: 'Remove',
      attrs: { type: 'button', 'aria-label': `Remove source ${index + 1}` },
    });
    remove.addEventListener('click', () => {
      const values = this.values();
      values.splice(index, 1);
      this.setValues(values);
      this.#onInput();
    });
    return el('div', { className: 'source-card' }, [
      el('div', { className: 'source-card-head' }, [
        el('span', { className: 'source-card-title', text: `Source ${index + 1}` }),
        remove,
      ]),
      el(
        'div',
        { className: 'source-grid' },
        SOURCE_KEYS.map((key) => fields[key].root),
      ),
    ]);
  }
}
