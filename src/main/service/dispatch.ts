import type { CommandName } from '../../shared/command-names';
import { isCommandName } from '../../shared/command-names';
import { contract } from '../../shared/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/result';
import { parseWith } from '../../shared/validation';
import type { CommandHandlers } from './timeline-service';

export type Dispatch = (name: CommandName, input: unknown) => Promise<Result<unknown>>;

/**
 * Validates an untrusted argument against the contract, runs the command and turns every
 * outcome into a typed Result: no exception or stack trace crosses the boundary.
 */
export function createDispatcher(
  handlers: CommandHandlers,
  log: (error: unknown) => void = console.error,
): Dispatch {
  // Commands run one at a time, so a command always sees the effect of the one before it.
  let queue: Promise<unknown> = Promise.resolve();
  return (name, input) => {
    const run = async (): Promise<Result<unknown>> => {
      if (!isCommandName(name)) return fail('invalid', `Unknown command ${String(name)}.`);
      const parsed = parseWith(contract[name].input, input);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[name] as (value: unknown) => Promise<unknown>;
        return ok(await handler(parsed.value));
      } catch (error) {
        if (error instanceof AppFailure) return { ok: false, error: error.error };
        log(error);
        return fail('internal', 'Something went wrong; the change was not saved.');
      }
    };
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
}
