/**
 * Builds the window: toolbar, notices, timeline, editor and status line, and connects them to
 * the store, the history, the controller and the command registry.
 */
import type { TimelineApi } from '../../shared/contract';
import type { Lane, TimelineDocument } from '../../shared/schema';
import { isMac } from './api';
import { RestoreFlow } from './backups/restore-flow';
import { ChronologyView } from './chronology/chronology-view';
import { copyChronology } from './chronology/copy-chronology';
import { StoryViews } from './chronology/story-views';
import { commandActions } from './commands/actions';
import { connectCommandSources } from './commands/keyboard';
import { CommandRegistry } from './commands/registry';
import { AppController } from './controller';
import { DeskFlow } from './desk/desk-flow';
import { EditorPanel } from './editor/editor-panel';
import { ImportFlow } from './import/import-flow';
import { displayZone } from './state/display-zone';
import type { EventFilter } from './state/event-filter';
import { EventSearch } from './state/event-search';
import { EventSlots } from './state/event-slots';
import { EventStore } from './state/event-store';
import { HistoryModel } from './state/history';
import { SaveTracker, watchStore } from './state/save-state';
import { ShownEvents } from './state/shown-events';
import { ViewStateStore } from './state/view-state';
import { buildLegend } from './timeline/legend';
import { TimelineView } from './timeline/timeline-view';
import { isolated } from './ui/bidi';
import { ConfirmDeleteDialog } from './ui/confirm-delete';
import { el } from './ui/dom';
import { EditorToggle } from './ui/editor-toggle';
import { ErasPanel } from './ui/eras-panel';
import { ExternalChangeFlow } from './ui/external-change';
import { FilterChips } from './ui/filter-chips';
import { FilterPanel } from './ui/filter-panel';
import { followZone } from './ui/follow-zone';
import { connectLaneMenu } from './ui/lane-menu';
import { LanesPanel } from './ui/lanes-panel';
import { NoticeBanner } from './ui/notice-banner';
import { SearchBox } from './ui/search-box';
import { StatusLine } from './ui/status-line';
import { StoryDialog } from './ui/story-dialog';
import { buildToolbar, commandButton } from './ui/toolbar';

export interface LoadedTimeline {
  readonly document: TimelineDocument;
  readonly notices: readonly string[];
  readonly storePath: string;
}

/** What the window's app asks of the page that holds it. */
export interface AppHost {
  /** The main process opened another story: the page mounts the app again on it. */
  readonly storyOpened: () => void;
}

/**
 * Mounts the app into its root; sets `data-ready` on the root after the first full draw.
 * Returns what takes it down again: every listener and piece of work it left with the page
 * ends, its view state is written, and nothing of it stays alive (another story's app follows).
 */
export function mountApp(
  root: HTMLElement,
  api: TimelineApi,
  loaded: LoadedTimeline,
  host: AppHost,
): () => void {
  // Ends the listeners and work the app leaves with the page and the main process.
  const life = new AbortController();
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
    onNewStory: () => desk.storyOpened(),
    signal: life.signal,
  });
  // Files the system asked the app to open go to the import preview, as if dropped.
  const stopOpenFiles = api.onOpenFile((file) => void importFlow.importOpened(file));
  const restoreFlow = new RestoreFlow({
    api,
    status,
    saves,
    leaveEditor,
    onRestored: (change, message) => controller.applied(change, message),
  });
  // What the views show: the events that match the search and pass the filters.
  const slots = new EventSlots();
  // The search index is built once the timeline is drawn (see timeline.load below).
  let drawn = (): void => undefined;
  const firstDraw = new Promise<void>((resolve) => (drawn = resolve));
  const search = new EventSearch([...store.all()], slots, firstDraw);
  const shown = new ShownEvents(store, search, slots);
  const viewState = new ViewStateStore(loaded.storePath);
  const kept = viewState.read();
  const stepSearch = async (direction: 1 | -1): Promise<void> => {
    const next = shown.step(store.selectedId, direction);
    if (next !== null) await controller.select(next, { reveal: true });
  };
  /** The views follow a new search or filter; the toolbar's count, chips and panel too. */
  const narrowed = (): void => {
    // The timeline and the chronology show the same events: both ask the same test.
    timeline.show(shown.test);
    chronology.show(shown.test);
    showShown();
    viewState.write({ query: shown.query, filter: shown.filter });
    registry.refresh();
  };
  const showShown = (): void => {
    searchBox.setCount(shown.shownCount, store.size, shown.active);
    const active = chips.show(shown.filter, store.lanes);
    filterPanel.sync(shown.filter, active);
    timeline.setHiddenLanes(new Set(shown.filter.hiddenLanes));
    sayIfSelectionHidden();
  };
  /** The editor says so when the search or filters hide the event it shows. */
  const sayIfSelectionHidden = (): void =>
    editor.setHidden(store.selectedId !== null && !shown.isShown(store.selectedId));
  const setFilter = (filter: EventFilter): void => {
    shown.setFilter(filter);
    narrowed();
  };
  const searchBox = new SearchBox({
    onQuery: (query) => {
      shown.setQuery(query);
      narrowed();
    },
    onStep: (direction) => void stepSearch(direction),
  });
  const chips = new FilterChips(setFilter);
  const filterPanel = new FilterPanel({
    lanes: () => store.lanes,
    events: () => store.all(),
    filter: () => shown.filter,
    onChange: setFilter,
  });
  const storyDialog = new StoryDialog();
  const desk = new DeskFlow({
    api,
    status,
    leaveEditor,
    storyOpened: host.storyOpened,
    storyDialog,
  });
  const moveLane = (lane: Lane, to: number): Promise<boolean> =>
    controller.changeStory(api.moveLane({ id: lane.id, to }), [
      'Moved lane “',
      isolated(lane.title),
      '”',
    ]);
  const lanesPanel = new LanesPanel({
    lanes: () => store.lanes,
    eventCount: (laneId) => [...store.all()].filter((event) => event.laneId === laneId).length,
    add: (title, color) =>
      controller.changeStory(api.addLane({ title, color }), [
        'Added lane “',
        isolated(title.trim()),
        '”',
      ]),
    rename: (lane, title) =>
      controller.changeStory(api.updateLane({ id: lane.id, title }), [
        'Renamed lane “',
        isolated(lane.title),
        '” to “',
        isolated(title.trim()),
        '”',
      ]),
    recolour: (lane, color) =>
      controller.changeStory(api.updateLane({ id: lane.id, color }), [
        'Recoloured lane “',
        isolated(lane.title),
        '”',
      ]),
    move: moveLane,
    remove: (lane, moveEventsTo) =>
      controller.changeStory(api.deleteLane({ id: lane.id, moveEventsTo }), [
        'Deleted lane “',
        isolated(lane.title),
        '”',
      ]),
  });
  const erasPanel = new ErasPanel({
    eras: () => store.eras,
    api,
    change: (call, message) => controller.changeStory(call, message),
  });
  const registry: CommandRegistry = new CommandRegistry(
    commandActions({
      controller,
      store,
      history,
      timeline: () => timeline,
      editor: () => editor,
      chooseImport: (askFirst) => importFlow.choose(askFirst),
      openBackups: () => restoreFlow.open(),
      desk,
      renameStory: async () => {
        const typed = await storyDialog.askRename(store.info);
        if (typed === null) return;
        await controller.changeStory(api.updateStory(typed), [
          'Renamed the story “',
          isolated(typed.title.trim()),
          '”',
        ]);
      },
      focusSearch: () => searchBox.focus(),
      stepSearch,
      searching: () => shown.active,
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
  // A story with no events says how to begin (a new story starts so).
  const laneMenu = connectLaneMenu({
    host: timelineHost,
    lanes: () => store.lanes,
    selectedLane: () =>
      store.selectedId === null ? null : (store.get(store.selectedId)?.laneId ?? null),
    panel: lanesPanel,
    move: moveLane,
  });
  const emptyNote = el('p', {
    className: 'timeline-empty',
    text: 'No events yet. Add an event, or import a file of events.',
  });
  const showEmpty = (): void => {
    emptyNote.hidden = store.size > 0;
  };
  const axisCorner = el('div', { className: 'axis-corner' });
  const timelinePane = el(
    'section',
    { className: 'timeline-pane', attrs: { 'aria-label': 'Timeline' } },
    [axisCorner, timelineHost, emptyNote, buildLegend()],
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
    slots,
  );
  const storyViews = new StoryViews({
    timelinePane,
    timelineHost,
    chronology,
    isSwitch: (element) =>
      toolbar.element.querySelector('.toolbar-group--views')?.contains(element) === true,
    onChange: () => {
      timeline.setHidden(storyViews.view !== 'timeline');
      registry.refresh();
    },
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
  nameWindow(loaded.document.timeline.title);
  // The chips take a row of the header's own: the window's grid rows stay as they are.
  editor.element.id = 'editor';
  const workspace = el('div', { className: 'workspace' }, [
    desk.panel.element,
    storyViews.element,
    editor.element,
  ]);
  const editorToggle = new EditorToggle(workspace, editor.element.id, life.signal);
  toolbar.element.prepend(desk.panel.button);
  toolbar.element.append(
    searchBox.element,
    filterPanel.element,
    lanesPanel.element,
    erasPanel.element,
    editorToggle.button,
    chips.element,
  );
  root.replaceChildren(
    toolbar.element,
    notices.element,
    workspace,
    status.element,
    confirmDelete.element,
    storyDialog.element,
    laneMenu.element,
    ...desk.elements,
    restoreFlow.element,
    externalChange.element,
    ...importFlow.elements,
  );

  const timeline: TimelineView = new TimelineView(
    timelineHost,
    store.lanes,
    {
      onSelect: (id, options) => void controller.select(id, options),
      onOpen: (id) => void controller.edit(id),
      onMove: (request) => controller.move(request),
      onAdd: ({ instant, laneId }) => void controller.addEventAt(instant, laneId),
      onToggleLane: (laneId) => {
        const hidden = shown.filter.hiddenLanes;
        setFilter({
          ...shown.filter,
          hiddenLanes: hidden.includes(laneId)
            ? hidden.filter((id) => id !== laneId)
            : [...hidden, laneId],
        });
      },
    },
    slots,
  );
  timeline.setEras(store.eras);

  const stopFollowingZone = followZone(displayZone, {
    corner: axisCorner,
    timeline,
    chronology,
    editor,
    filter: {
      setZone: (zone) => {
        if (shown.setZone(zone)) narrowed();
      },
    },
  });

  store.onChange((change) => {
    // While a search or filter is on, the changed events are judged before the views draw them.
    shown.follow(change);
    timeline.apply(change);
    chronology.apply(change);
    showShown();
    editor.onChange(change);
    if (change.timeline) {
      toolbar.setTitle(change.timeline.title);
      nameWindow(change.timeline.title);
    }
    if (change.lanes) lanesPanel.sync();
    if (change.eras) erasPanel.sync();
    status.setCount(store.size);
    showEmpty();
    registry.refresh();
  });
  store.onSelect((event) => {
    if (event === null) chronology.select(null);
    else chronology.reveal(event.id);
    editor.show(event);
    sayIfSelectionHidden();
    registry.refresh();
  });
  history.onChange(() => registry.refresh());

  status.setCount(store.size);
  showEmpty();
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
  void watchStore(api, saves, life.signal);
  const stopCommandSources = connectCommandSources(api, registry);
  void history.refresh();
  // The search and filters of the last run come back: the filters at once, the search once
  // its index is built (the window opens on the filtered story, then narrows to the matches).
  shown.setFilter(kept.filter);
  if (kept.query !== '') searchBox.setQuery(kept.query);
  void search.ready.then(() => {
    searchBox.setReady();
    // That search, or one typed while the index was built (it found only what was indexed
    // then), now searches every event.
    if (searchBox.query !== '') {
      shown.setQuery(searchBox.query);
      narrowed();
    }
    requestIdleCallback(() => shown.prepare());
  });
  window.addEventListener('pagehide', () => viewState.flush(), { signal: life.signal });
  showShown();
  chronology.show(shown.test);
  chronology.load(store.all());
  timeline.show(shown.test);
  timeline.load(store.all(), () => {
    root.setAttribute('data-ready', 'true');
    root.removeAttribute('aria-busy');
    drawn();
  });
  return () => {
    life.abort();
    viewState.flush();
    stopOpenFiles();
    stopCommandSources();
    stopFollowingZone();
    search.stop();
    timeline.destroy();
    root.removeAttribute('data-ready');
  };
}

/**
 * The window's title names the story (Electron takes the page's title for the window's). The
 * story's title is user text: isolated (FSI … PDI), its direction cannot reorder the app's name.
 */
function nameWindow(storyTitle: string): void {
  document.title = `\u2068${storyTitle}\u2069 — Timeline Desk`;
}
