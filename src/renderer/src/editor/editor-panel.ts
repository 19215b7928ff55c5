/**
 * The editor panel: the selected event's fields, its links, and Save. Input is validated with
 * the shared schemas before anything is sent; errors show at their field.
 */
import type { Change } from '../../../shared/contract';
import type { EventId } from '../../../shared/ids';
import type { Result } from '../../../shared/result';
import type { EventPatch, TimelineEvent } from '../../../shared/schema';
import type { EventStore } from '../state/event-store';
import { isolated } from '../ui/bidi';
import { el } from '../ui/dom';
import type { StatusLine } from '../ui/status-line';
import { emptyState, formatTimestamp } from './editor-parts';
import { EventForm } from './event-form';
import {
  changesFrom,
  type FormValues,
  sameValues,
  SCALAR_KEYS,
  validate,
  valuesOf,
} from './form-values';
import { renderRelations } from './relations';

export interface EditorDeps {
  readonly store: EventStore;
  readonly status: StatusLine;
  /** Sends a patch; the caller applies the returned Change to the store. */
  update(id: EventId, patch: EventPatch): Promise<Result<Change>>;
  /** Opens a related event: select it, scroll to it, load it here. */
  open(id: EventId): void;
  onDirtyChange(dirty: boolean): void;
}

export class EditorPanel {
  readonly element: HTMLElement;
  readonly #deps: EditorDeps;
  readonly #form: EventForm;
  readonly #empty = emptyState();
  readonly #content = el('div', { className: 'editor-content' });
  readonly #meta = el('p', { className: 'editor-meta' });
  /** Said while the search or filters hide the event shown here from both views. */
  readonly #hiddenNote = el('p', {
    className: 'editor-hidden-note',
    text: 'Not in the timeline or the chronology now: the search or filters hide this event.',
  });
  readonly #relations = el('div', { className: 'relations' });
  readonly #actions = el('div', { className: 'editor-actions' });
  readonly #dirtyNote = el('span', { className: 'editor-dirty', text: 'Unsaved changes' });
  readonly #revert = el('button', {
    className: 'button',
    text: 'Revert',
    attrs: { type: 'button', title: 'Discard the changes not yet saved' },
  });
  #event: TimelineEvent | null = null;
  #loaded: FormValues | null = null;

  constructor(deps: EditorDeps) {
    this.#deps = deps;
    this.#form = new EventForm(
      deps.store.lanes,
      () => this.#onInput(),
      () => void this.save(),
    );
    this.#revert.addEventListener('click', () => this.show(this.#event));
    this.#actions.append(this.#dirtyNote, el('span', { className: 'spacer' }), this.#revert);
    this.#content.append(
      el('div', { className: 'editor-head' }, [
        el('h2', { className: 'editor-heading', text: 'Event' }),
        this.#meta,
        this.#hiddenNote,
      ]),
      el('div', { className: 'editor-scroll' }, [this.#relations, this.#form.element]),
      this.#actions,
    );
    this.element = el('aside', { className: 'editor', attrs: { 'aria-label': 'Event editor' } }, [
      this.#empty,
      this.#content,
    ]);
    this.#hiddenNote.hidden = true;
    this.show(null);
  }

  /** Whether the search or filters hide the event shown here (the views do not show it). */
  setHidden(hidden: boolean): void {
    this.#hiddenNote.hidden = !hidden;
  }

  /** Adds the Save button (built from the command registry) to the action bar. */
  addAction(button: HTMLButtonElement): void {
    this.#actions.append(button);
  }

  get dirty(): boolean {
    return this.#loaded !== null && !sameValues(this.#form.read(), this.#loaded);
  }

  /** Loads an event (or the empty state), discarding unsaved edits and errors. */
  show(event: TimelineEvent | null): void {
    this.#event = event;
    this.#empty.hidden = event !== null;
    this.#content.hidden = event === null;
    this.#form.clearErrors();
    this.#loaded = event === null ? null : valuesOf(event);
    if (event !== null && this.#loaded !== null) {
      this.#form.write(this.#loaded);
      this.#renderMeta(event);
    }
    this.#onInput();
  }

  /** Keeps the panel in step with a Change: fields the user has not touched take new values. */
  onChange(change: Change): void {
    if (change.lanes) this.#form.setLanes(change.lanes);
    const current = this.#event;
    if (current === null) return;
    const fresh = change.upserted.find((event) => event.id === current.id);
    if (fresh && this.#loaded) {
      const typed = this.#form.read();
      const loaded = this.#loaded;
      const keep = new Set(SCALAR_KEYS.filter((key) => typed[key] !== loaded[key]));
      const sourcesTouched = JSON.stringify(typed.sources) !== JSON.stringify(loaded.sources);
      this.#event = fresh;
      this.#loaded = valuesOf(fresh);
      this.#form.write(this.#loaded, sourcesTouched ? new Set([...keep, 'sources']) : keep);
      this.#renderMeta(fresh);
    }
    this.#renderRelations();
    this.#onInput();
  }

  focusTitle(): void {
    this.#form.focusTitle();
  }

  /** Validates and saves; true when everything shown is saved. */
  async save(): Promise<boolean> {
    const event = this.#event;
    if (event === null) return true;
    const typed = this.#form.read();
    const checked = validate(typed);
    this.#form.clearErrors();
    if (!checked.ok) {
      const unplaced = this.#form.showErrors(checked.errors);
      if (unplaced[0]) this.#deps.status.error(unplaced[0].message);
      this.#form.focusFirstInvalid();
      return false;
    }
    const patch = changesFrom(checked.patch, event);
    if (Object.keys(patch).length === 0) {
      this.show(event);
      return true;
    }
    const result = await this.#deps.update(event.id, patch);
    if (!result.ok) {
      const path = result.error.path?.replace(/^patch\./, '');
      const placed =
        path !== undefined &&
        this.#form.showErrors([{ path, message: result.error.message }]).length === 0;
      if (!placed) this.#deps.status.error(result.error.message);
      return false;
    }
    // Everything typed before the save is saved now: show the stored values.
    if (this.#event?.id === event.id && sameValues(this.#form.read(), typed))
      this.show(this.#event);
    return true;
  }

  /** Before the selection moves on: saves valid edits; keeps invalid ones and says so. */
  async leave(): Promise<boolean> {
    if (!this.dirty) return true;
    const saved = await this.save();
    if (!saved && this.#event) {
      this.#deps.status.error([
        '“',
        isolated(this.#event.title),
        '” has changes that cannot be saved yet: fix them or Revert.',
      ]);
    }
    return saved;
  }

  #onInput(): void {
    const dirty = this.dirty;
    this.#dirtyNote.hidden = !dirty;
    this.#revert.disabled = !dirty;
    this.#deps.onDirtyChange(dirty);
  }

  /** Says the dates again in the zone shown now: the readings and the timestamps. */
  refreshDates(): void {
    this.#form.refreshDateHints();
    if (this.#event !== null) this.#renderMeta(this.#event);
  }

  #renderMeta(event: TimelineEvent): void {
    this.#meta.textContent = `Created ${formatTimestamp(event.createdAt)} · Updated ${formatTimestamp(event.updatedAt)}`;
    this.#renderRelations();
  }

  #renderRelations(): void {
    const event = this.#event;
    const parts = event === null ? [] : renderRelations(event, this.#deps.store, this.#deps.open);
    this.#relations.replaceChildren(...parts);
    this.#relations.hidden = parts.length === 0;
  }
}
