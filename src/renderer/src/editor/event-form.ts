/**
 * The editor's fields for one event. It reads and writes FormValues and places error messages
 * at the field a path names ("title", "end", "sources[0].url"); it knows nothing of saving.
 */
import { CERTAINTIES, EVENT_STATUSES, type Lane } from '../../../shared/schema';
import { el } from '../ui/dom';
import { DATE_FORMAT_HINT, DATE_NOTE_ID, describeDateInput } from './date-hint';
import { type Choice, choiceOptions, type Field, selectInput, textArea, textInput } from './field';
import { FIELD_LIMITS } from './field-limits';
import { type FieldError, type FormValues, SCALAR_KEYS, type ScalarKey } from './form-values';
import { SourcesEditor } from './sources-editor';

const START_EMPTY = 'Required';
const END_EMPTY = 'No end';

export class EventForm {
  readonly element: HTMLFormElement;
  readonly #fields: Record<ScalarKey, Field> & { readonly title: Field<HTMLInputElement> };
  readonly #sources: SourcesEditor;

  constructor(lanes: readonly Lane[], onInput: () => void, onSubmit: () => void) {
    const describedBy = [DATE_NOTE_ID];
    this.#fields = {
      title: textInput('Title', { className: 'field--title', maxLength: FIELD_LIMITS.title }),
      start: textInput('Start', {
        hint: START_EMPTY,
        describedBy,
        placeholder: 'e.g. 19 June 2024',
        maxLength: FIELD_LIMITS.start,
      }),
      end: textInput('End', {
        hint: END_EMPTY,
        describedBy,
        placeholder: 'none',
        maxLength: FIELD_LIMITS.end,
      }),
      laneId: selectInput('Lane', lanes.map(laneChoice)),
      status: selectInput('Status', EVENT_STATUSES.map(choice)),
      certainty: selectInput('Certainty', CERTAINTIES.map(choice)),
      description: textArea('Description', { rows: 5, maxLength: FIELD_LIMITS.description }),
      tags: textInput('Tags', { hint: 'Separate with commas', maxLength: FIELD_LIMITS.tags }),
      actors: textInput('Actors', { hint: 'Separate with commas', maxLength: FIELD_LIMITS.actors }),
      location: textInput('Location', { maxLength: FIELD_LIMITS.location }),
    };
    this.#sources = new SourcesEditor(onInput);
    const f = this.#fields;
    this.element = el('form', { className: 'event-form', attrs: { novalidate: true } }, [
      f.title.root,
      el('div', { className: 'field-row' }, [f.start.root, f.end.root]),
      el('p', {
        className: 'field-note',
        text: `Dates: ${DATE_FORMAT_HINT}`,
        attrs: { id: DATE_NOTE_ID },
      }),
      f.laneId.root,
      el('div', { className: 'field-row' }, [f.status.root, f.certainty.root]),
      f.description.root,
      f.tags.root,
      f.actors.root,
      f.location.root,
      this.#sources.element,
    ]);
    for (const key of SCALAR_KEYS) {
      const control = this.#fields[key].control;
      control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
        this.#updateDateHints();
        onInput();
      });
    }
    this.element.addEventListener('submit', (event) => {
      event.preventDefault(); // CSP has form-action 'none': never navigate
      onSubmit();
    });
  }

  /** Offers a new list of lanes (after an import or a restore), keeping the chosen one. */
  setLanes(lanes: readonly Lane[]): void {
    const select = this.#fields.laneId.control;
    if (!(select instanceof HTMLSelectElement)) return;
    const value = select.value;
    select.replaceChildren(...choiceOptions(lanes.map(laneChoice)));
    select.value = value;
  }

  read(): FormValues {
    const values = {} as Record<ScalarKey, string>;
    for (const key of SCALAR_KEYS) values[key] = this.#fields[key].value;
    return { ...values, sources: this.#sources.values() };
  }

  /** Writes values into the fields; `keep` names fields to leave as the user typed them. */
  write(values: FormValues, keep: ReadonlySet<ScalarKey | 'sources'> = new Set()): void {
    for (const key of SCALAR_KEYS) if (!keep.has(key)) this.#fields[key].value = values[key];
    if (!keep.has('sources')) this.#sources.setValues(values.sources);
    this.#updateDateHints();
  }

  /** Shows each error at its field; returns those that name no field here. */
  showErrors(errors: readonly FieldError[]): FieldError[] {
    const unplaced: FieldError[] = [];
    for (const error of errors) {
      const field = this.fieldAt(error.path);
      if (field && !field.invalid) field.setError(error.message);
      else if (!field) unplaced.push(error);
    }
    return unplaced;
  }

  clearErrors(): void {
    for (const field of this.#allFields()) field.setError(null);
  }

  hasErrors(): boolean {
    return this.#allFields().some((field) => field.invalid);
  }

  focusFirstInvalid(): void {
    this.#allFields()
      .find((field) => field.invalid)
      ?.control.focus();
  }

  focusTitle(): void {
    this.#fields.title.control.focus();
    this.#fields.title.control.select();
  }

  /** The field a path points at: "tags[2]" is the Tags field, "sources[0].url" a source's URL. */
  fieldAt(path: string): Field | null {
    const source = /^sources\[(\d+)\]\.(\w+)/.exec(path);
    if (source) return this.#sources.fieldAt(Number(source[1]), source[2] ?? '');
    const key = /^\w+/.exec(path)?.[0];
    return key !== undefined && key in this.#fields ? this.#fields[key as ScalarKey] : null;
  }

  #allFields(): Field[] {
    return [...SCALAR_KEYS.map((key) => this.#fields[key]), ...this.#sources.fields()];
  }

  /** Reads the dates again (the zone shown changed). */
  refreshDateHints(): void {
    this.#updateDateHints();
  }

  #updateDateHints(): void {
    this.#fields.start.setHint(describeDateInput(this.#fields.start.value, START_EMPTY));
    this.#fields.end.setHint(describeDateInput(this.#fields.end.value, END_EMPTY));
  }
}

function laneChoice(lane: Lane): Choice {
  return { value: lane.id, label: lane.title };
}

function choice(value: string): Choice {
  return { value, label: value.charAt(0).toUpperCase() + value.slice(1) };
}
