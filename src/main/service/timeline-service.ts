/**
 * The commands of the IPC contract, run against the repository. Arguments arrive already
 * parsed by the dispatcher; rule breaks are thrown as AppFailure and returned as typed errors.
 */
import { randomUUID } from 'node:crypto';

import { type EraId, type EventId, timestamp } from '../../shared/ids';
import { comparePartialDates, mustParse } from '../../shared/partial-date';
import { AppFailure } from '../../shared/result';
import type { TimelineEvent } from '../../shared/schema';
import type { AtomicWriteOptions } from '../store/atomic-write';
import type { BackupKeeper } from '../store/backups';
import { saveFailureOf } from '../store/save-failure';
import type { TimelineRepository } from '../store/timeline-repository';
import { createBackupCommands } from './backup-commands';
import { planAddEra, planDeleteEra, planUpdateEra } from './era-changes';
import { followUpFields, planCreate, planDelete, planUpdate } from './event-changes';
import { exportChronology, exportDocument } from './export-file';
import type { CommandHandlers } from './handlers';
import type { Host } from './host';
import { createImportCommands, type ImportHandlers } from './import-commands';
import { settledStore } from './settled-store';
import { createStatusFeed } from './store-status';
import {
  laneName,
  newLaneId,
  planAddLane,
  planDeleteLane,
  planMoveLane,
  planUpdateLane,
  planUpdateStory,
} from './story-changes';
import { createRecorder } from './undo-redo';

export interface ServiceOptions {
  readonly repository: TimelineRepository;
  readonly backups: BackupKeeper;
  readonly host: Host;
  readonly notices: readonly string[];
  readonly now?: () => Date;
  readonly newId?: () => EventId;
  /** File operations and retry delays for exports (tests simulate locked files). */
  readonly write?: AtomicWriteOptions;
}

/** The commands of the desk (story-desk.ts), not of one story. */
export type DeskCommand =
  | 'listStories'
  | 'createStory'
  | 'duplicateStory'
  | 'deleteStory'
  | 'restoreStory'
  | 'openStory'
  | 'importAsNewStory';

/** The commands of one story. */
export type StoryHandlers = Omit<CommandHandlers, DeskCommand>;

export interface StoryService {
  readonly handlers: StoryHandlers;
  /** The checked document of an import preview, for a story of its own (see import-commands). */
  importedFile: ImportHandlers['importedFile'];
  /** The window left the story: its watches of the store's status are answered at once. */
  left(): void;
}

export function createTimelineService(options: ServiceOptions): StoryService {
  const { repository: store, host } = options;
  const clock = options.now ?? (() => new Date());
  const now = () => timestamp(clock());
  const newId = options.newId ?? (() => randomUUID() as EventId);
  // Commands answered at once (dispatch.ts) read `settled`: never half of a change.
  const settled = settledStore(store);
  const recorder = createRecorder(settled);
  const imports = createImportCommands({ store, settled, recorder, now: clock, newId });
  const backups = createBackupCommands(store, options.backups, recorder);
  const status = createStatusFeed(store, recorder);

  const find = (id: EventId): TimelineEvent => {
    const event = store.get(id);
    if (!event)
      throw new AppFailure({ code: 'not-found', message: 'That event no longer exists.' });
    return event;
  };
  /**
   * A change waits for a failed write to be retried; while the file stays unwritable, or another
   * program's version of it waits for the user's choice, it is refused. Once it ran, the status
   * says so (Saving… until it is on disk), even when it changed nothing.
   */
  const saved =
    <I, O>(command: (input: I) => O | Promise<O>) =>
    async (input: I): Promise<O> => {
      refuseWhileChangedElsewhere(store);
      await retryFailedWrite(store);
      try {
        return await command(input);
      } finally {
        status.bump();
      }
    };

  const handlers: StoryHandlers = {
    getTimeline: async () => ({
      document: settled.document(),
      notices: [...options.notices],
      storePath: store.path,
    }),
    listEvents: async (filter) => {
      const from = filter?.from ? mustParse(filter.from).earliest : -Infinity;
      const to = filter?.to ? mustParse(filter.to).latestExclusive : Infinity;
      return [...settled.events()]
        .filter((event) => {
          if (filter?.laneId && event.laneId !== filter.laneId) return false;
          const start = mustParse(event.start);
          const end = event.end ? mustParse(event.end) : start;
          return end.latestExclusive > from && start.earliest < to;
        })
        .sort((a, b) => comparePartialDates(a.start, b.start));
    },
    createEvent: saved((fields) =>
      recorder.commit('Add event', planCreate(fields, newId(), now(), store)),
    ),
    updateEvent: saved(({ id, patch }) =>
      recorder.commit('Edit event', planUpdate(find(id), patch, now(), store)),
    ),
    moveEvent: saved(({ id, start, end }) =>
      recorder.commit('Move event', planUpdate(find(id), { start, end }, now(), store)),
    ),
    deleteEvent: saved(({ id }) =>
      recorder.commit('Delete event', planDelete(find(id), now(), store)),
    ),
    addFollowUp: saved(({ parentId, patch }) =>
      recorder.commit(
        'Add follow-up',
        planCreate(followUpFields(find(parentId), patch), newId(), now(), store),
      ),
    ),
    updateStory: saved(({ title, description }) =>
      recorder.commit('Rename story', planUpdateStory(store.info, title, description)),
    ),
    addLane: saved(({ title, color }) => {
      const id = newLaneId(store.lanes, laneName(title), () => randomUUID());
      return recorder.commit('Add lane', planAddLane(store.lanes, { id, title, color }));
    }),
    updateLane: saved(({ id, title, color }) =>
      recorder.commit(
        title === undefined ? 'Recolour lane' : 'Rename lane',
        planUpdateLane(store.lanes, id, { title, color }),
      ),
    ),
    moveLane: saved(({ id, to }) =>
      recorder.commit('Move lane', planMoveLane(store.lanes, id, to)),
    ),
    deleteLane: saved(({ id, moveEventsTo }) =>
      recorder.commit(
        'Delete lane',
        planDeleteLane(store.lanes, store.events(), id, moveEventsTo, now()),
      ),
    ),
    addEra: saved((fields) =>
      recorder.commit('Add era', planAddEra(store.eras, { id: randomUUID() as EraId, ...fields })),
    ),
    updateEra: saved(({ id, ...patch }) =>
      recorder.commit(
        patch.title === undefined ? 'Change era dates' : 'Rename era',
        planUpdateEra(store.eras, id, patch),
      ),
    ),
    deleteEra: saved(({ id }) => recorder.commit('Delete era', planDeleteEra(store.eras, id))),
    exportJson: () => exportDocument('json', store, host, options.write),
    exportAs: ({ format }) => exportDocument(format, store, host, options.write),
    exportChronology: (request) => exportChronology(request, store, host, options.write),
    getHistory: async () => recorder.state(),
    undo: saved(() => recorder.undo()),
    redo: saved(() => recorder.redo()),
    previewImport: imports.previewImport,
    applyImport: saved(imports.applyImport),
    cancelImport: imports.cancelImport,
    listBackups: backups.listBackups,
    restoreBackup: saved(backups.restoreBackup),
    watchStoreStatus: status.watchStoreStatus,
    resolveExternalChange: status.resolveExternalChange,
  };
  return { handlers, importedFile: imports.importedFile, left: status.answerWaiting };
}

function refuseWhileChangedElsewhere(store: TimelineRepository): void {
  if (store.state().externalChangeAt === null) return;
  throw new AppFailure({
    code: 'io',
    message:
      `Another program changed ${store.path}. Choose which version to keep before you go on: ` +
      'nothing is saved until you do.',
  });
}

/** Writes again what a failed write left in memory; a command waits for that to succeed. */
async function retryFailedWrite(store: TimelineRepository): Promise<void> {
  if (store.unsavedError() === null) return;
  try {
    await store.flush();
  } catch (error) {
    // Named by its cause: a full disk is not "another program using the file".
    const failure = saveFailureOf(error);
    throw new AppFailure({
      code: 'io',
      message:
        `${failure.message}, so your changes could not be saved to ${store.path} ` +
        `(${failure.detail}). They are kept while Timeline Desk stays open and saved with ` +
        'your next change once the cause is gone.',
    });
  }
}
