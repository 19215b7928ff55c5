/**
 * The one IPC contract: every command with its argument and result schemas. The main process
 * registers handlers from it, the preload exposes it, and `window.api` is typed from it.
 */
import { z } from 'zod';

import type { CommandName } from './command-names';
import type { Result } from './result';
import {
  EraFieldsSchema,
  EraIdSchema,
  EraSchema,
  EventFieldsSchema,
  EventIdSchema,
  EventPatchSchema,
  LaneIdSchema,
  LaneSchema,
  LIMITS,
  PartialDateSchema,
  TimelineDocumentSchema,
  TimelineEventSchema,
  TimelineInfoSchema,
} from './schema';

/**
 * What one command changed: the events to insert or replace, and the ids that are gone. Commands
 * that change the lanes, the eras or the timeline's title (import, restore) also carry the whole
 * new lane list, era list or timeline info.
 */
export const ChangeSchema = z.strictObject({
  upserted: z.array(TimelineEventSchema),
  removed: z.array(EventIdSchema),
  lanes: z.array(LaneSchema).optional(),
  /** The whole new list of eras, when it changes. */
  eras: z.array(EraSchema).optional(),
  timeline: TimelineInfoSchema.optional(),
});

/** What Undo and Redo would do now, for the buttons and the Edit menu. */
export const HistoryStateSchema = z.strictObject({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** e.g. "Undo Move event"; null when there is nothing to undo. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});

/** The interchange formats. The TimelineJS sheet (CSV) is import only. */
export const EXPORT_FORMATS = ['json', 'timelinejs', 'csv', 'markwhen', 'ics'] as const;
export const IMPORT_FORMATS = [
  'json',
  'timelinejs',
  'csv',
  'timelinejs-sheet',
  'ics',
  'markwhen',
  'table',
] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
/** The chronology's export formats: a dated list newsrooms publish. */
export const CHRONOLOGY_FORMATS = ['markdown', 'html'] as const;

/**
 * Which column of a table (any CSV or TSV) holds what, by the header's names: the date (or
 * start), the title, and optionally the end, a description, a source URL, the lane and tags.
 */
const columnName = z.string().max(200);
export const TableMappingSchema = z.strictObject({
  start: columnName,
  end: columnName.nullable(),
  title: columnName,
  description: columnName.nullable(),
  source: columnName.nullable(),
  lane: columnName.nullable(),
  tags: columnName.nullable(),
});

/** Larger files are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What an import would do, shown to the user before anything changes. */
export const ImportPreviewSchema = z.strictObject({
  /** Names the parsed file held by the main process until applyImport or cancelImport. */
  token: z.uuid(),
  fileName: z.string(),
  format: ImportFormatSchema,
  totalEvents: z.number().int().nonnegative(),
  /** Events whose id is not in the timeline. */
  newEvents: z.number().int().nonnegative(),
  /** Events with an id already in the timeline and different content. */
  changedEvents: z.number().int().nonnegative(),
  unchangedEvents: z.number().int().nonnegative(),
  /** Titles of lanes the timeline does not have yet. */
  newLanes: z.array(z.string()),
  /** What the file held that is not kept as it was, and why ("2 eras … are not kept"). */
  notes: z.array(z.string().max(300)).max(100).default([]),
  /** Rows that cannot be imported, left out of the counts above: the first 100, and how many. */
  badRows: z
    .strictObject({
      count: z.number().int().positive(),
      listed: z.array(z.string().max(1000)).max(100),
    })
    .nullable()
    .default(null),
  /** A table of the user's own: its columns, and the mapping read by (null: none guessed). */
  table: z
    .strictObject({
      columns: z.array(columnName).max(500),
      mapping: TableMappingSchema.nullable(),
    })
    .nullable()
    .default(null),
});

export const BackupInfoSchema = z.strictObject({
  /** The backup's file name in the backups folder. */
  id: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  eventCount: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
});

/** Why the last save failed, while what it should have saved is only in memory. */
export const SaveFailureSchema = z.strictObject({
  reason: z.enum([
    'disk-full',
    'folder-missing',
    'no-permission',
    'file-locked',
    'changed-elsewhere',
    'other',
  ]),
  /** For the status line, e.g. "The disk is full". */
  message: z.string(),
  /** What the system said. */
  detail: z.string(),
});

/**
 * Whether everything the window shows is on disk. `version` grows with every change of state and
 * every mutating command, so a window that asks for news after the version it has is told of
 * each save it waited for.
 */
export const StoreStatusSchema = z.strictObject({
  version: z.number().int().nonnegative(),
  /** Changes are in memory that are not on disk yet. */
  saving: z.boolean(),
  failure: SaveFailureSchema.nullable(),
  /** Another program replaced the store file: nothing is saved until the user chooses. */
  externalChange: z.strictObject({ detectedAt: z.iso.datetime() }).nullable(),
  /** What happened to the store while the app ran (a deleted folder made again), in order. */
  notices: z.array(z.string()),
});

/** A story as the story list shows it. */
export const StoryListingSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  events: z.number().int().nonnegative(),
  /** When any of its files last changed. */
  changedAt: z.iso.datetime(),
  /** When it was moved to the trash; null while it is on the desk. */
  deletedAt: z.iso.datetime().nullable(),
});

const StoryIdInput = z.strictObject({ id: z.uuid() });

/** A mutating command's change, with the history state after it. */
const ChangeWithHistory = z.strictObject({ change: ChangeSchema, history: HistoryStateSchema });

const NoInput = z.undefined();

export const contract = {
  getTimeline: {
    input: NoInput,
    output: z.strictObject({
      document: TimelineDocumentSchema,
      /** Things the user must be told at start-up, such as where a damaged store was moved. */
      notices: z.array(z.string()),
      /** Where the store file lives, to show the user. */
      storePath: z.string(),
    }),
  },
  listEvents: {
    input: z
      .strictObject({
        laneId: LaneIdSchema.optional(),
        from: PartialDateSchema.optional(),
        to: PartialDateSchema.optional(),
      })
      .optional(),
    output: z.array(TimelineEventSchema),
  },
  createEvent: { input: EventFieldsSchema, output: ChangeSchema },
  updateEvent: {
    input: z.strictObject({ id: EventIdSchema, patch: EventPatchSchema }),
    output: ChangeSchema,
  },
  moveEvent: {
    input: z.strictObject({
      id: EventIdSchema,
      start: PartialDateSchema,
      end: PartialDateSchema.nullable(),
    }),
    output: ChangeSchema,
  },
  deleteEvent: { input: z.strictObject({ id: EventIdSchema }), output: ChangeSchema },
  addLane: {
    input: z.strictObject({ title: LaneSchema.shape.title, color: LaneSchema.shape.color }),
    output: ChangeSchema,
  },
  updateLane: {
    input: z.strictObject({
      id: LaneIdSchema,
      title: LaneSchema.shape.title.optional(),
      color: LaneSchema.shape.color.optional(),
    }),
    output: ChangeSchema,
  },
  /** To position `to` in the list (0: the top). */
  moveLane: {
    input: z.strictObject({ id: LaneIdSchema, to: z.number().int().min(0).max(LIMITS.lanes) }),
    output: ChangeSchema,
  },
  /** The story's title and description. */
  updateStory: {
    input: z.strictObject({
      title: TimelineInfoSchema.shape.title,
      description: TimelineInfoSchema.shape.description,
    }),
    output: ChangeSchema,
  },
  /** Its events move to `moveEventsTo`. */
  deleteLane: {
    input: z.strictObject({ id: LaneIdSchema, moveEventsTo: LaneIdSchema }),
    output: ChangeSchema,
  },
  /** An era: a named span shaded behind every lane. */
  addEra: {
    input: EraFieldsSchema,
    output: ChangeSchema,
  },
  /** Absent fields stay as they are; the era's end must still not be before its start. */
  updateEra: {
    input: z.strictObject({
      id: EraIdSchema,
      title: EraSchema.shape.title.optional(),
      start: EraSchema.shape.start.optional(),
      end: EraSchema.shape.end.optional(),
    }),
    output: ChangeSchema,
  },
  deleteEra: { input: z.strictObject({ id: EraIdSchema }), output: ChangeSchema },
  addFollowUp: {
    input: z.strictObject({ parentId: EventIdSchema, patch: EventPatchSchema.optional() }),
    output: ChangeSchema,
  },
  exportJson: {
    input: NoInput,
    output: z.strictObject({ path: z.string() }),
  },
  exportAs: {
    input: z.strictObject({ format: ExportFormatSchema }),
    output: z.strictObject({ path: z.string() }),
  },
  /** The chronology of the given events (the ones the window shows, in its order). */
  exportChronology: {
    input: z.strictObject({
      ids: z
        .array(EventIdSchema)
        .max(LIMITS.maxEvents, { error: `has more than ${LIMITS.maxEvents} events` }),
      format: z.enum(CHRONOLOGY_FORMATS),
    }),
    output: z.strictObject({ path: z.string() }),
  },
  getHistory: { input: NoInput, output: HistoryStateSchema },
  undo: { input: NoInput, output: ChangeWithHistory },
  redo: { input: NoInput, output: ChangeWithHistory },
  previewImport: {
    input: z.strictObject({
      fileName: z.string().max(1000),
      text: z.string().max(MAX_IMPORT_BYTES, { error: 'is larger than 50 MB' }),
      /** For a table of the user's own: which column holds what (else it is guessed). */
      mapping: TableMappingSchema.optional(),
    }),
    output: ImportPreviewSchema,
  },
  applyImport: {
    input: z.strictObject({ token: z.uuid(), mode: z.enum(['merge', 'replace']) }),
    output: ChangeSchema,
  },
  cancelImport: { input: z.strictObject({ token: z.uuid() }), output: z.null() },
  listBackups: { input: NoInput, output: z.array(BackupInfoSchema) },
  restoreBackup: { input: z.strictObject({ id: z.string().max(200) }), output: ChangeSchema },
  watchStoreStatus: {
    /** Answers when the status is newer than `after` (-1: at once), or after a while anyway. */
    input: z.strictObject({ after: z.number().int().min(-1) }),
    output: StoreStatusSchema,
  },
  resolveExternalChange: {
    input: z.strictObject({ keep: z.enum(['disk', 'mine']) }),
    output: z.strictObject({
      /** What the window must apply: the file from disk replacing the timeline, or nothing. */
      change: ChangeSchema,
      /** Where the version not kept was put. */
      keptAt: z.string(),
    }),
  },
  /** The stories on the desk (most recently changed first), the open one, and the trash. */
  listStories: {
    input: NoInput,
    output: z.strictObject({
      current: z.uuid(),
      stories: z.array(StoryListingSchema),
      trash: z.array(StoryListingSchema),
    }),
  },
  /** An empty story with this title, opened. The window loads it again after each of these. */
  createStory: {
    input: z.strictObject({ title: TimelineInfoSchema.shape.title }),
    output: z.strictObject({ id: z.uuid() }),
  },
  /** A copy of a story ("… (copy)"), left closed. */
  duplicateStory: { input: StoryIdInput, output: z.strictObject({ id: z.uuid() }) },
  /** Moves a story to the trash; the open story after it (another one when it was open). */
  deleteStory: { input: StoryIdInput, output: z.strictObject({ current: z.uuid() }) },
  restoreStory: { input: StoryIdInput, output: z.null() },
  openStory: { input: StoryIdInput, output: z.null() },
  /** The file of a preview as a story of its own, opened. */
  importAsNewStory: {
    input: z.strictObject({ token: z.uuid() }),
    output: z.strictObject({ id: z.uuid() }),
  },
} as const satisfies Record<CommandName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Change = z.output<typeof ChangeSchema>;
export type HistoryState = z.output<typeof HistoryStateSchema>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ChronologyFormat = (typeof CHRONOLOGY_FORMATS)[number];
export type ImportPreview = z.output<typeof ImportPreviewSchema>;
export type BackupInfo = z.output<typeof BackupInfoSchema>;
export type SaveFailure = z.output<typeof SaveFailureSchema>;
export type StoreStatus = z.output<typeof StoreStatusSchema>;
export type StoryListing = z.output<typeof StoryListingSchema>;
export type TableMapping = z.output<typeof TableMappingSchema>;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

/** One command as the renderer calls it. */
export type CommandFunction<K extends CommandName> =
  undefined extends CommandInput<K>
    ? (input?: CommandInput<K>) => Promise<Result<CommandOutput<K>>>
    : (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;

export type CommandApi = { readonly [K in CommandName]: CommandFunction<K> };

/**
 * A file the system asked the app to open (command line, second launch, open-file), decoded by
 * the main process; `encodingNote` is what the import preview says about how (null for UTF-8).
 */
export type OpenedFile =
  | { readonly name: string; readonly text: string; readonly encodingNote: string | null }
  | { readonly name: string; readonly error: string };

/** The whole object the preload puts on `window.api`. */
export interface TimelineApi extends CommandApi {
  /** Runs the handler when the native menu asks for a user command; returns an unsubscribe. */
  readonly onMenuCommand: (handler: (commandId: string) => void) => () => void;
  /**
   * Runs the handler for each file the system asks the app to open, those that came before
   * it subscribed first; returns an unsubscribe.
   */
  readonly onOpenFile: (handler: (file: OpenedFile) => void) => () => void;
  /** True in the desktop app, where the native menu shows the shortcuts. */
  readonly hasNativeMenu: boolean;
  readonly platform: string;
}
