/**
 * Builds the window: toolbar, notices, timeline, editor and status line, and connects them to
 * the store, the history, the controller and the command registry.
 */
import type { TimelineApi } from '../../shared/contract';
import type { TimelineDocument } from '../../shared/schema';
import { isMac } from './api';
import { RestoreFlow } from './backups/restore-flow';
import { ChronologyView } from './chronology/chronology-view';
import { copyChronology } from './chronology/copy-chronology';
import { StoryViews } from './chronology/story-views';
import { commandActions } from './commands/actions';
import { connectCommandSources } from './commands/keyboard';
import { CommandRegistry } from './commands/registry';
import { AppController } from './controller';
import { EditorPanel } from './editor/editor-panel';
import { ImportFlow } from './import/import-flow';
import { EventSearch } from './state/event-search';
import { EventStore } from './state/event-store';
import { HistoryModel } from './state/history';
import { SaveTracker, watchStore } from './state/save-state';
import { SearchView } from './state/search-view';
import { buildLegend } from './timeline/legend';
import { TimelineView } from './timeline/timeline-view';
import { ConfirmDeleteDialog } from './ui/confirm-delete';
import { el } from './ui/dom';
import { ExternalChangeFlow } from './ui/external-change';
import { NoticeBanner } from './ui/notice-banner';
import { SearchBox } from './ui/search-box';
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
  const history = new HistoryModel(api);
  const status = new StatusLine();
  const saves = new SaveTracker();
  const confirmDelete = new ConfirmDeleteDialog();
  const controller = new AppController({
    api,
    store,
    history,
    status,
    saves,
    confirmDelete,
    timeline: (): TimelineView => timeline,
    editor: (): EditorPanel => editor,
  });
  const leaveEditor = (): Promise<boolean> => editor.leave();
  const importFlow = new ImportFlow({
    api,
    status,
    saves,
    leaveEditor,
    eventCount: () => store.size,
    onImported: (change, message) => controller.applied(change, message),
  });
  // Files the system asked the app to open go to the import preview, as if dropped.
  api.onOpenFile((file) => void importFlow.importOpened(file));
  const restoreFlow = new RestoreFlow({
    api,
    status,
    saves,
    leaveEditor,
    onRestored: (change, message) => controller.applied(change, message),
  });
  const searchView = new SearchView(store, new EventSearch([...store.all()]));
  const stepSearch = async (direction: 1 | -1): Promise<void> => {
    const next = searchView.step(store.selectedId, direction);
    if (next !== null) await controller.select(next, { reveal: true });
  };
  const showSearchCount = (): void =>
    searchBox.setCount(searchView.shownCount, store.size, searchView.active);
  const searchBox = new SearchBox({
    onQuery: (query) => {
      // The timeline and the chronology show the same events: both get the same change.
      const shown = searchView.setQuery(query);
      timeline.apply(shown);
      chronology.apply(shown);
      showSearchCount();
      registry.refresh();
    },
    onStep: (direction) => void stepSearch(direction),
  });
  const registry: CommandRegistry = new CommandRegistry(
    commandActions({
      controller,
      store,
      history,
      timeline: () => timeline,
      editor: () => editor,
      chooseImport: () => importFlow.choose(),
      openBackups: () => restoreFlow.open(),
      focusSearch: () => searchBox.focus(),
      stepSearch,
      searching: () => searchView.active,
      view: () => storyViews.view,
      showView: (next) => storyViews.show(next),
      copyChronology: async () => {
        const events = chronology.shownEvents();
        await copyChronology({
          title: store.info.title,
          lanes: store.lanes,
          events,
          parentOf: (id) => store.get(id),
        });
        status.info(
          `Copied the chronology: ${events.length === 1 ? '1 event' : `${events.length} events`}`,
        );
      },
      exportChronology: (): Promise<void> =>
        controller.exportChronology(chronology.shownEvents().map((event) => event.id)),
    }),
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
  const chronology: ChronologyView = new ChronologyView(
    store.lanes,
    {
      onSelect: (id) => void controller.select(id),
      onOpen: (id) =>
        void controller.select(id).then((moved) => {
          if (moved) editor.focusTitle();
        }),
      parent: (id) => store.get(id),
      followUpCount: (id) => store.followUpsOf(id).length,
    },
    [
      commandButton(registry, 'copyChronology', 'button button--quiet'),
      commandButton(registry, 'exportChronology', 'button button--quiet'),
    ],
  );
  const storyViews = new StoryViews({
    timelinePane,
    timelineHost,
    chronology,
    isSwitch: (element) =>
      toolbar.element.querySelector('.toolbar-group--views')?.contains(element) === true,
    onChange: () => registry.refresh(),
  });
  const externalChange = new ExternalChangeFlow({
    api,
    status,
    storePath: loaded.storePath,
    leaveEditor,
    onLoaded: (change, message) => controller.applied(change, message),
  });
  const notices = new NoticeBanner(loaded.notices);
  const toolbar = buildToolbar(registry, loaded.document.timeline.title);
  toolbar.element.append(searchBox.element);
  root.replaceChildren(
    toolbar.element,
    notices.element,
    el('div', { className: 'workspace' }, [storyViews.element, editor.element]),
    status.element,
    confirmDelete.element,
    restoreFlow.element,
    externalChange.element,
    ...importFlow.elements,
  );

  const timeline: TimelineView = new TimelineView(timelineHost, store.lanes, {
    onSelect: (id) => void controller.select(id),
    onMove: (request) => controller.move(request),
    onAdd: ({ instant, laneId }) => void controller.addEventAt(instant, laneId),
  });

  store.onChange((change) => {
    // While a search is on, the timeline shows its matches only.
    const shown = searchView.filter(change);
    timeline.apply(shown);
    chronology.apply(shown);
    showSearchCount();
    editor.onChange(change);
    if (change.timeline) toolbar.setTitle(change.timeline.title);
    status.setCount(store.size);
    registry.refresh();
  });
  store.onSelect((event) => {
    if (event === null) chronology.select(null);
    else chronology.reveal(event.id);
    editor.show(event);
    registry.refresh();
  });
  history.onChange(() => registry.refresh());

  status.setCount(store.size);
  status.setStorePath(loaded.storePath);
  status.onChooseVersion(() => void externalChange.ask());
  saves.onChange((state) => status.showSave(state));
  // The store's notices of this run come after the start-up ones, each shown once.
  let noticesShown = 0;
  saves.onStatus((news) => {
    for (const notice of news.notices.slice(noticesShown)) notices.add(notice);
    noticesShown = Math.max(noticesShown, news.notices.length);
    externalChange.noticed(news.externalChange?.detectedAt ?? null);
  });
  void watchStore(api, saves);
  connectCommandSources(api, registry);
  void history.refresh();
  chronology.load(store.all());
  timeline.load(store.all(), () => {
    root.setAttribute('data-ready', 'true');
    root.removeAttribute('aria-busy');
  });
}
