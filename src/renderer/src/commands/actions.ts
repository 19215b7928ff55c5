/** What each user command does in this window, and when it is enabled. */
import type { AppController } from '../controller';
import type { EditorPanel } from '../editor/editor-panel';
import type { EventStore } from '../state/event-store';
import type { HistoryModel } from '../state/history';
import type { TimelineView } from '../timeline/timeline-view';
import type { CommandActions } from './registry';

export interface ActionParts {
  readonly controller: AppController;
  readonly store: EventStore;
  readonly history: HistoryModel;
  readonly timeline: () => TimelineView;
  readonly editor: () => EditorPanel;
  /** Opens the file chooser of the import. */
  /** Opens the file chooser of the import; `askFirst` when no user gesture is at hand. */
  readonly chooseImport: (askFirst: boolean) => Promise<void>;
  readonly openBackups: () => Promise<void>;
  /** Asks for the story's title and description, and saves them. */
  readonly renameStory: () => Promise<void>;
  /** The desk's commands (desk/desk-flow.ts). */
  readonly desk: {
    newStory(): Promise<void>;
    openStory(): Promise<void>;
    duplicateCurrent(): Promise<void>;
    deleteCurrent(): Promise<void>;
  };
  /** Puts the caret in the search field. */
  readonly focusSearch: () => void;
  /** Selects the next (1) or previous (-1) match of the search in time. */
  readonly stepSearch: (direction: 1 | -1) => Promise<void>;
  readonly searching: () => boolean;
  /** Which of the two views of the story is shown, and the switch between them. */
  readonly view: () => StoryView;
  readonly showView: (view: StoryView) => void;
  /** Puts the chronology's shown events on the clipboard; exports them as Markdown and HTML. */
  readonly copyChronology: () => Promise<void>;
  readonly exportChronology: () => Promise<void>;
}

export type StoryView = 'timeline' | 'chronology';

export function commandActions(parts: ActionParts): CommandActions {
  const { controller, store, history, timeline, editor } = parts;
  const always = (): boolean => true;
  const hasSelection = (): boolean => store.selectedId !== null;
  // Zooming acts on the timeline: not while the chronology stands in its place.
  const onTimeline = (): boolean => parts.view() === 'timeline';
  return {
    addEvent: { perform: () => controller.addEvent(), enabled: always },
    addFollowUp: { perform: () => controller.addFollowUp(), enabled: hasSelection },
    deleteEvent: { perform: () => controller.deleteSelected(), enabled: hasSelection },
    save: {
      perform: () =>
        editor()
          .save()
          .then(() => undefined),
      enabled: hasSelection,
    },
    showTimeline: {
      perform: async () => parts.showView('timeline'),
      enabled: always,
      pressed: onTimeline,
    },
    showChronology: {
      perform: async () => parts.showView('chronology'),
      enabled: always,
      pressed: () => !onTimeline(),
    },
    zoomIn: { perform: () => timeline().zoom(2 / 3, store.selectedId), enabled: onTimeline },
    zoomOut: { perform: () => timeline().zoom(3 / 2, store.selectedId), enabled: onTimeline },
    fit: { perform: () => timeline().fit(), enabled: onTimeline },
    exportJson: { perform: () => controller.exportJson(), enabled: always },
    undo: {
      perform: () => controller.undo(),
      enabled: () => history.state.canUndo,
      describe: () => history.state.undoLabel ?? 'Nothing to undo',
    },
    redo: {
      perform: () => controller.redo(),
      enabled: () => history.state.canRedo,
      describe: () => history.state.redoLabel ?? 'Nothing to redo',
    },
    import: { perform: (source) => parts.chooseImport(source === 'menu'), enabled: always },
    exportTimelineJs: { perform: () => controller.exportAs('timelinejs'), enabled: always },
    exportCsv: { perform: () => controller.exportAs('csv'), enabled: always },
    exportMarkwhen: { perform: () => controller.exportAs('markwhen'), enabled: always },
    exportIcs: { perform: () => controller.exportAs('ics'), enabled: always },
    restoreBackup: { perform: parts.openBackups, enabled: always },
    renameStory: { perform: parts.renameStory, enabled: always },
    newStory: { perform: () => parts.desk.newStory(), enabled: always },
    openStory: { perform: () => parts.desk.openStory(), enabled: always },
    duplicateStory: { perform: () => parts.desk.duplicateCurrent(), enabled: always },
    deleteStory: { perform: () => parts.desk.deleteCurrent(), enabled: always },
    find: { perform: async () => parts.focusSearch(), enabled: always },
    findNext: { perform: () => parts.stepSearch(1), enabled: parts.searching },
    findPrevious: { perform: () => parts.stepSearch(-1), enabled: parts.searching },
    copyChronology: { perform: parts.copyChronology, enabled: always },
    exportChronology: { perform: parts.exportChronology, enabled: always },
  };
}
