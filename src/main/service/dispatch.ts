/**
 * The one door to the commands: validates an untrusted argument against the contract, runs the
 * command and turns every outcome into a typed Result, so no exception or stack trace crosses
 * the boundary. The result's type follows the command's name, so callers need no casts.
 */
import { type CommandName, isCommandName } from '../../shared/command-names';
import { type CommandOutput, contract } from '../../shared/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/result';
import { parseWith } from '../../shared/validation';
import type { CommandArgument, CommandHandlers } from './handlers';

/** Runs one command by name; the result is typed by that name. */
export type TypedDispatch = <K extends CommandName>(
  name: K,
  input: unknown,
) => Promise<Result<CommandOutput<K>>>;

/**
 * The same door as an adapter sees it that forwards a name it checked at run time (IPC, the
 * harness) and sends the result on as data: a TypedDispatch is one.
 */
export type Dispatch = (name: CommandName, input: unknown) => Promise<Result<unknown>>;

/**
 * Commands that change nothing the others read, answered at once rather than after the
 * commands before them: a window asking for the timeline never waits behind a long import.
 * They read the store through settled-store.ts, which never shows a change half-applied.
 * previewImport reads the file (seconds for 50 MB) and keeps it under a token of its own.
 */
const ANSWERED_AT_ONCE: ReadonlySet<CommandName> = new Set<CommandName>([
  'getTimeline',
  'listEvents',
  'getHistory',
  'listBackups',
  'listStories',
  'previewImport',
  // Waits rather than works: it answers when the save status changes.
  'watchStoreStatus',
]);

export function createDispatcher(
  handlers: CommandHandlers,
  log: (error: unknown) => void = console.error,
): TypedDispatch {
  // The others run one at a time, so each sees the effect of the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  return <K extends CommandName>(name: K, input: unknown) => {
    const run = async (): Promise<Result<CommandOutput<K>>> => {
      if (!isCommandName(name)) return fail('invalid', `Unknown command ${String(name)}.`);
      const parsed = parseWith(contract[name].input, input);
      if (!parsed.ok) return parsed;
      // contract[name].input parses exactly handlers[name]'s argument, a pairing TypeScript
      // cannot follow through a generic name: the one cast of a command's argument.
      const argument = parsed.value as CommandArgument<K>;
      try {
        return ok(await handlers[name](argument));
      } catch (error) {
        if (error instanceof AppFailure) return { ok: false, error: error.error };
        log(error);
        return fail('internal', 'Something went wrong; the change was not saved.');
      }
    };
    if (ANSWERED_AT_ONCE.has(name)) return run();
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
}
