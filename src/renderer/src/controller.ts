/**
 * What the user's actions do: each one calls window.api, applies the returned Change to the
 * store, and reports in the status line. Selection changes go through here so unsaved edits
 * are saved (or kept, when invalid) before the editor moves on.
 */
import type { Change, ExportFormat, TimelineApi } from '../../shared/contract';
import type { EventId, LaneId } from '../../shared/ids';
import { type PartialDate, partialDateFromInstant } from '../../shared/partial-date';
import type { Result } from '../../shared/result';
import type { EventPatch } from '../../shared/schema';
import { newEventStart } from '../../shared/typed-date';
import type { EditorPanel } from './editor/editor-panel';
import { displayZone } from './state/display-zone';
import type { EventStore } from './state/event-store';
import type { HistoryModel } from './state/history';
import type { SaveTracker } from './state/save-state';
import { datesAfterDrag, isBackwards, isUnchanged } from './timeline/drag-dates';
import { calendarInstant, describeDates, itemSpan } from './timeline/items';
import type { MoveRequest, TimelineView } from './timeline/timeline-view';
import { isolated } from './ui/bidi';
import type { ConfirmDeleteDialog } from './ui/confirm-delete';
import type { Phrase } from './ui/dom';
import type { StatusLine } from './ui/status-line';

export interface ControllerParts {
  readonly api: TimelineApi;
  readonly store: EventStore;
  readonly history: HistoryModel;
  readonly status: StatusLine;
  /** "Saving…" while a command is in flight; the store's status says when it is on disk. */
  readonly saves: SaveTracker;
  readonly confirmDelete: ConfirmDeleteDialog;
  readonly timeline: () => TimelineView;
  readonly editor: () => EditorPanel;
}

const NEW_TITLE = 'New event';

export class AppController {
  readonly #p: ControllerParts;
  #steps: Promise<void> = Promise.resolve();

  constructor(parts: ControllerParts) {
    this.#p = parts;
  }

  /** Moves the selection (after saving or keeping the edits); false when it stayed put. */
  async select(id: EventId | null, options: { reveal?: boolean } = {}): Promise<boolean> {
    const { store } = this.#p;
    if (id !== store.selectedId && !(await this.#p.editor().leave())) {
      this.#p.timeline().select(store.selectedId);
      return false;
    }
    // The timeline first: vis reads the layout as it draws the selection, which is quicker
    // before the editor and the chronology have changed theirs (they follow the store).
    if (id !== null && options.reveal) this.#p.timeline().reveal(id);
    else this.#p.timeline().select(id);
    store.select(id);
    return true;
  }

  /** Selects an event and puts the caret in the editor's first field (Enter on the timeline). */
  async edit(id: EventId): Promise<void> {
    if (await this.select(id)) this.#p.editor().focusTitle();
  }

  async addEvent(): Promise<void> {
    const { store } = this.#p;
    const laneId = store.selected?.laneId ?? store.lanes[0]?.id;
    if (laneId === undefined) return;
    await this.#addEventOn(newEventStart(this.#p.timeline().view(), displayZone.dates()), laneId);
  }

  /** Creates "New event" on the day of an instant, selects it and puts the caret in Title. */
  async addEventAt(instant: number, laneId: LaneId | null): Promise<void> {
    // The day under the pointer on the axis, which is in the zone shown.
    const day = calendarInstant(instant, displayZone.zone);
    await this.#addEventOn(partialDateFromInstant(day, 'day'), laneId);
  }

  async #addEventOn(start: PartialDate, laneId: LaneId | null): Promise<void> {
    const lane = laneId ?? this.#p.store.selected?.laneId ?? this.#p.store.lanes[0]?.id;
    if (lane === undefined || !(await this.#p.editor().leave())) return;
    const change = await this.#perform(
      this.#p.api.createEvent({ title: NEW_TITLE, start, laneId: lane }),
    );
    await this.#selectCreated(change);
  }

  async addFollowUp(): Promise<void> {
    const parent = this.#p.store.selected;
    if (parent === null || !(await this.#p.editor().leave())) return;
    await this.#selectCreated(
      await this.#perform(this.#p.api.addFollowUp({ parentId: parent.id })),
    );
  }

  async deleteSelected(): Promise<void> {
    const { store } = this.#p;
    const event = store.selected;
    if (event === null) return;
    const followUpCount = store.followUpsOf(event.id).length;
    if (!(await this.#p.confirmDelete.ask({ title: event.title, followUpCount }))) return;
    // Said in the status line, which is a polite live region: a screen reader hears it too.
    if (await this.#perform(this.#p.api.deleteEvent({ id: event.id }))) {
      this.#p.status.info(['Deleted “', isolated(event.title), '”']);
    }
  }

  /** A drag on the timeline: keeps each date's precision; false reverts the item. */
  async move(request: MoveRequest): Promise<boolean> {
    const event = this.#p.store.get(request.id);
    if (!event) return false;
    const zone = displayZone.zone;
    const dates = datesAfterDrag(event, itemSpan(event, zone), request, zone);
    if (isBackwards(dates)) {
      this.#p.status.error('The end of an event cannot be before its start.');
      return false;
    }
    const laneChanged = request.laneId !== event.laneId;
    if (!laneChanged && isUnchanged(event, dates)) return false;
    const call = laneChanged
      ? this.#p.api.updateEvent({ id: event.id, patch: { ...dates, laneId: request.laneId } })
      : this.#p.api.moveEvent({ id: event.id, ...dates });
    const change = await this.#perform(call);
    if (change === null) return false;
    // Said where it went, with Undo at hand: a drag is easily made by mistake.
    const lane = laneChanged ? this.#p.store.lane(request.laneId)?.title : undefined;
    this.#p.status.infoWithUndo(
      [
        'Moved “',
        isolated(event.title),
        '” to ',
        ...(lane ? [isolated(lane), ', '] : []),
        describeDates(dates, displayZone.zone),
      ],
      () => void this.undo(),
    );
    if (this.#p.store.selectedId !== event.id) void this.select(event.id);
    return true;
  }

  /** Sends an editor patch; the editor shows a failure at its field. */
  async update(id: EventId, patch: EventPatch): Promise<Result<Change>> {
    const result = await this.#p.saves.track(this.#p.api.updateEvent({ id, patch }));
    if (result.ok) this.#applied(result.value);
    else this.#p.status.info('Not saved');
    return result;
  }

  async save(): Promise<void> {
    await this.#p.editor().save();
  }

  async exportJson(): Promise<void> {
    this.#exported(await this.#p.api.exportJson());
  }

  async exportAs(format: ExportFormat): Promise<void> {
    this.#exported(await this.#p.api.exportAs({ format }));
  }

  /**
   * The chronology of these events, in Markdown and then in HTML: two files, each through its
   * own save dialog (which asks before replacing a file); cancelling the first skips the second.
   */
  async exportChronology(ids: readonly EventId[]): Promise<void> {
    const paths: (string | HTMLElement)[] = [];
    for (const format of ['markdown', 'html'] as const) {
      const result = await this.#p.api.exportChronology({ ids: [...ids], format });
      if (!result.ok) {
        if (paths.length > 0 && result.error.code === 'cancelled') {
          this.#p.status.info(['Exported to ', ...paths]);
        } else this.#exported(result);
        return;
      }
      paths.push(...(paths.length > 0 ? [' and '] : []), isolated(result.value.path));
    }
    this.#p.status.info(['Exported to ', ...paths]);
  }

  /** Undo and Redo run one after another, each seeing the history the one before left. */
  undo(): Promise<void> {
    this.#steps = this.#steps.then(() => this.#step('undo'));
    return this.#steps;
  }

  redo(): Promise<void> {
    this.#steps = this.#steps.then(() => this.#step('redo'));
    return this.#steps;
  }

  /** Applies a change made elsewhere (an import, a restored backup) and reports it. */
  /**
   * A command on the story itself (its title, its lanes): applied and said in the status line;
   * false if refused (the status line says why).
   */
  async changeStory(call: Promise<Result<Change>>, message: Phrase): Promise<boolean> {
    const change = await this.#perform(call);
    if (change !== null) this.#p.status.info(message);
    return change !== null;
  }

  applied(change: Change, message: string): void {
    this.#applied(change);
    this.#p.status.info(message);
  }

  async #step(which: 'undo' | 'redo'): Promise<void> {
    const { history, status } = this.#p;
    const state = history.state;
    if (!(which === 'undo' ? state.canUndo : state.canRedo)) return;
    const label = which === 'undo' ? state.undoLabel : state.redoLabel;
    const result = await this.#p.saves.track(
      which === 'undo' ? this.#p.api.undo() : this.#p.api.redo(),
    );
    if (!result.ok) {
      status.info('Not saved');
      status.error(result.error.message);
      await history.refresh();
      return;
    }
    this.#p.store.apply(result.value.change);
    history.set(result.value.history);
    status.info(stepMessage(which, label));
  }

  #exported(result: Result<{ path: string }>): void {
    if (result.ok) this.#p.status.info(['Exported to ', isolated(result.value.path)]);
    else if (result.error.code === 'cancelled') this.#p.status.info('Export cancelled');
    else this.#p.status.error(`Export failed: ${result.error.message}`);
  }

  async #perform(call: Promise<Result<Change>>): Promise<Change | null> {
    const result = await this.#p.saves.track(call);
    if (!result.ok) {
      this.#p.status.info('Not saved');
      this.#p.status.error(result.error.message);
      return null;
    }
    this.#applied(result.value);
    return result.value;
  }

  #applied(change: Change): void {
    this.#p.store.apply(change);
    void this.#p.history.refresh();
  }

  async #selectCreated(change: Change | null): Promise<void> {
    // The new event is the one created last (a Change may also carry events it touched).
    const [first, ...rest] = change?.upserted ?? [];
    if (!first) return;
    const created = rest.reduce((a, b) => (b.createdAt > a.createdAt ? b : a), first);
    if (await this.select(created.id, { reveal: true })) this.#p.editor().focusTitle();
  }
}

/** "Undo Move event" becomes "Undone: Move event". */
function stepMessage(which: 'undo' | 'redo', label: string | null): string {
  const done = which === 'undo' ? 'Undone' : 'Redone';
  const what = label?.replace(/^(Undo|Redo)\s+/, '') ?? '';
  return what === '' ? done : `${done}: ${what}`;
}
