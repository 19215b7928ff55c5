/**
 * Starts the main-process services without Electron: used by the Electron adapter and by the
 * browser harness alike, so both run the same store and commands.
 */
import type { CommandName } from '../shared/command-names';
import type { Result } from '../shared/result';
import type { Host } from './service/host';

export interface AppServicesOptions {
  /** The folder that holds timeline.json (and, later, its backups). */
  readonly dataDir: string;
  readonly host: Host;
}

export interface AppServices {
  /** Validates `input` against the contract, runs the command, and returns a typed result. */
  dispatch(name: CommandName, input: unknown): Promise<Result<unknown>>;
  /** Where the store file is. */
  readonly storePath: string;
  /** Waits for pending writes and releases the store. */
  close(): Promise<void>;
}

export declare function startAppServices(options: AppServicesOptions): Promise<AppServices>;
