/**
 * Starts the main-process services without Electron: used by the Electron adapter and by the
 * browser harness alike, so both run the same store and commands, and both take the data
 * folder's lock (store/folder-lock.ts) before the store opens.
 */
import seed from '../../data/seed-timeline.json' with { type: 'json' };
import { TimelineDocumentSchema } from '../shared/schema';
import { createDispatcher, type TypedDispatch } from './service/dispatch';
import type { Host } from './service/host';
import { StoryDesk } from './service/story-desk';
import type { AtomicWriteOptions } from './store/atomic-write';
import { lockDataFolder } from './store/folder-lock';

export interface AppServicesOptions {
  /** The data folder: the desk of stories (store/desk-folder.ts). */
  readonly dataDir: string;
  readonly host: Host;
  /** How long changes gather before a file write. */
  readonly writeDelayMs?: number;
  /** How old the newest backup may get before a write makes another (default 5 minutes). */
  readonly backupIntervalMs?: number;
  readonly now?: () => Date;
  /** File operations and retry delays of store, backup and export writes (tests). */
  readonly write?: AtomicWriteOptions;
  /** Where failed writes and backups are reported (console.error by default). */
  readonly log?: (message: string, error: unknown) => void;
}

export interface AppServices {
  /** Validates `input` against the contract, runs the command, and returns a typed result. */
  readonly dispatch: TypedDispatch;
  /** Where the open story's store file is. */
  readonly storePath: string;
  /** How many store file writes have been tried since opening (tests and benchmarks). */
  readonly writeCount: number;
  /** Waits until every change so far is on disk, with the background snapshot and backup. */
  flush(): Promise<void>;
  /** Waits until every change so far is on disk, without hurrying the scheduled write. */
  whenSaved(): Promise<void>;
  /**
   * Waits for pending writes and releases the store and the folder's lock. When a write fails
   * the lock is kept (the app may stay open to retry); once the process ends it is stale.
   */
  close(): Promise<void>;
}

/** The seed timeline, checked against the schema every time it is used. */
export function seedDocument() {
  return TimelineDocumentSchema.parse(seed);
}

/** Throws DataFolderInUseError, changing nothing, when another process has the folder open. */
export async function startAppServices(options: AppServicesOptions): Promise<AppServices> {
  const lock = await lockDataFolder(options.dataDir);
  const desk = await StoryDesk.start({
    dataDir: options.dataDir,
    host: options.host,
    seed: seedDocument,
    writeDelayMs: options.writeDelayMs,
    backupIntervalMs: options.backupIntervalMs,
    now: options.now,
    write: options.write,
    log: options.log,
    // A data folder deleted under the app is made again by the store: the lock goes back first.
    onFolderRemade: () => lock.renew(),
  }).catch(async (error: unknown) => {
    await lock.release();
    throw error;
  });
  return {
    dispatch: createDispatcher(desk.handlers()),
    get storePath() {
      return desk.repository.path;
    },
    get writeCount() {
      return desk.repository.writeCount;
    },
    flush: () => desk.flush(),
    whenSaved: () => desk.repository.whenSaved(),
    close: async () => {
      await desk.close();
      await lock.release();
    },
  };
}
