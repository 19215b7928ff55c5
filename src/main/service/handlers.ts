/**
 * The shape of the command handlers, apart from the modules that make them: timeline-service.ts
 * builds them from backup-commands.ts and import-commands.ts, which need this type too, so it
 * sits in a leaf that imports no service module (no import cycle).
 */
import type { z } from 'zod';

import type { CommandName } from '../../shared/command-names';
import type { CommandOutput, Contract } from '../../shared/contract';

/** A command's argument as the dispatcher hands it over: parsed by the contract's schema. */
export type CommandArgument<K extends CommandName> = z.output<Contract[K]['input']>;

/** One command's handler: its parsed argument in, its result as the contract types it. */
export type CommandHandler<K extends CommandName> = (
  input: CommandArgument<K>,
) => Promise<CommandOutput<K>>;

export type CommandHandlers = { readonly [K in CommandName]: CommandHandler<K> };
