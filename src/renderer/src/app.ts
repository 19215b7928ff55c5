/**
 * Builds the window: toolbar, notices, timeline, editor and status line, and connects them to
 * the store, the controller and the command registry.
 */
import type { TimelineApi } from '../../shared/contract';
import type { TimelineDocument } from '../../shared/schema';
import { isMac } from './api';
import { connectCommandSources } from './commands/keyboard';
import { type CommandActions, CommandRegistry } from './commands/registry';
import { AppController } from './controller';
import { EditorPanel } from './editor/editor-panel';
import { EventStore } from './state/event-store';
import { buildLegend } from './timeline/legend';
import { TimelineView } from './timeline/timeline-view';
import { ConfirmDeleteDialog } from './ui/confirm-delete';
import { el } from './ui/dom';
import { buildNoticeBanner } from './ui/notice-banner';
import { StatusLine } from './ui/status-line';
import { buildToolbar, commandButton } from './ui/toolbar';

export interface LoadedTimeline {
  readonly document: TimelineDocument;
  readonly notices: readonly string[];
  readonly storePath: string;
}

/** Mounts the app into its root; sets `data-ready` on the root after the first full draw. */
export function mountApp(root: HTMLElement, api: TimelineApi, loaded: LoadedTimeline): void {
  const store = new EventStore(loaded.document);
  const status = new StatusLine();
  const confirmDelete = new ConfirmDeleteDialog();
  const controller = new AppController({
    api,
    store,
    status,
    confirmDelete,
    timeline: (): TimelineView => timeline,
    editor: (): EditorPanel => editor,
  });
  const registry = new CommandRegistry(
    commandActions(
      controller,
      store,
      () => timeline,
      () => editor,
    ),
    isMac(api),
    (error) => status.error(error instanceof Error ? error.message : String(error)),
  );
  const editor: EditorPanel = new EditorPanel({
    store,
    status,
    update: (id, patch) => controller.update(id, patch),
    open: (id) => void controller.select(id, { reveal: true }),
    onDirtyChange: (dirty) => {
      status.setEditing(dirty);
      registry.refresh();
    },
  });
  editor.addAction(commandButton(registry, 'save', 'button button--primary'));

  // Focusable, so that Delete after a click on an item applies to the timeline's selection.
  const timelineHost = el('div', { className: 'timeline-host', attrs: { tabindex: '0' } });
  const timelinePane = el(
    'section',
    { className: 'timeline-pane', attrs: { 'aria-label': 'Timeline' } },
    [
      el('div', { className: 'axis-corner', text: 'Time axis in UTC' }),
      timelineHost,
      buildLegend(),
    ],
  );
  root.replaceChildren(
    buildToolbar(registry, loaded.document.timeline.title),
    buildNoticeBanner(loaded.notices),
    el('div', { className: 'workspace' }, [timelinePane, editor.element]),
    status.element,
    confirmDelete.element,
  );

  const timeline: TimelineView = new TimelineView(timelineHost, store.lanes, {
    onSelect: (id) => void controller.select(id),
    onMove: (request) => controller.move(request),
    onAdd: ({ instant, laneId }) => void controller.addEventAt(instant, laneId),
  });

  store.onChange((change) => {
    timeline.apply(change);
    editor.onChange(change);
    status.setCount(store.size);
    registry.refresh();
  });
  store.onSelect((event) => {
    editor.show(event);
    registry.refresh();
  });

  status.setCount(store.size);
  status.setStorePath(loaded.storePath);
  status.saved();
  connectCommandSources(api, registry);
  timeline.load(store.all(), () => {
    root.setAttribute('data-ready', 'true');
    root.removeAttribute('aria-busy');
  });
}

function commandActions(
  controller: AppController,
  store: EventStore,
  timeline: () => TimelineView,
  editor: () => EditorPanel,
): CommandActions {
  const always = (): boolean => true;
  const hasSelection = (): boolean => store.selectedId !== null;
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
    zoomIn: { perform: () => timeline().zoom(2 / 3, store.selectedId), enabled: always },
    zoomOut: { perform: () => timeline().zoom(3 / 2, store.selectedId), enabled: always },
    fit: { perform: () => timeline().fit(), enabled: always },
    exportJson: { perform: () => controller.exportJson(), enabled: always },
  };
}
