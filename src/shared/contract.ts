/**
 * The one IPC contract: every command with its argument and result schemas. The main process
 * registers handlers from it, the preload exposes it, and `window.api` is typed from it.
 */
import { z } from 'zod';

import type { CommandName } from './command-names';
import type { Result } from './result';
import {
  EventFieldsSchema,
  EventIdSchema,
  EventPatchSchema,
  LaneIdSchema,
  PartialDateSchema,
  TimelineDocumentSchema,
  TimelineEventSchema,
} from './schema';

/** What one command changed: the events to insert or replace, and the ids that are gone. */
export const ChangeSchema = z.strictObject({
  upserted: z.array(TimelineEventSchema),
  removed: z.array(EventIdSchema),
});

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
  addFollowUp: {
    input: z.strictObject({ parentId: EventIdSchema, patch: EventPatchSchema.optional() }),
    output: ChangeSchema,
  },
  exportJson: {
    input: NoInput,
    output: z.strictObject({ path: z.string() }),
  },
} as const satisfies Record<CommandName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Change = z.output<typeof ChangeSchema>;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

/** One command as the renderer calls it. */
export type CommandFunction<K extends CommandName> =
  undefined extends CommandInput<K>
    ? (input?: CommandInput<K>) => Promise<Result<CommandOutput<K>>>
    : (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;

export type CommandApi = { readonly [K in CommandName]: CommandFunction<K> };

/** The whole object the preload puts on `window.api`. */
export interface TimelineApi extends CommandApi {
  /** Runs the handler when the native menu asks for a user command; returns an unsubscribe. */
  readonly onMenuCommand: (handler: (commandId: string) => void) => () => void;
  /** True in the desktop app, where the native menu shows the shortcuts. */
  readonly hasNativeMenu: boolean;
  readonly platform: string;
}
