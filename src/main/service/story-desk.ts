/**
 * The desk of stories: which story is open, the commands of the story list (list, create,
 * duplicate, delete to the trash, restore, open, import as a new story), and the commands of
 * the open story, each sent to that story's own service (its store, its undo history).
 *
 * A story left for another stays open, with its history, while it is among the last
 * OPEN_STORIES used; older ones are closed (their changes are on disk first). Switching runs in
 * the dispatcher's queue, after every change sent before it.
 */
import { randomUUID } from 'node:crypto';

import { fileTitle } from '../../shared/formats/import-document';
import { LANE_PALETTE } from '../../shared/formats/lane-palette';
import type { LaneId, TimelineId } from '../../shared/ids';
import { AppFailure } from '../../shared/result';
import {
  FORMAT,
  FORMAT_VERSION,
  LIMITS,
  type TimelineDocument,
  type TimelineInfo,
} from '../../shared/schema';
import { prestartWorkerFor } from '../document-worker/client';
import type { AtomicWriteOptions } from '../store/atomic-write';
import { DeskFolder, type StoryListing } from '../store/desk-folder';
import { openTimelineRepository, type TimelineRepository } from '../store/timeline-repository';
import type { CommandHandlers } from './handlers';
import type { Host } from './host';
import { createTimelineService, type DeskCommand, type StoryService } from './timeline-service';

/** Stories kept open (store in memory, undo history) at once. */
export const OPEN_STORIES = 4;

export interface StoryDeskOptions {
  readonly dataDir: string;
  readonly host: Host;
  /** The first story of an empty desk. */
  readonly seed: () => TimelineDocument;
  readonly writeDelayMs?: number;
  readonly backupIntervalMs?: number;
  readonly now?: () => Date;
  readonly write?: AtomicWriteOptions;
  readonly log?: (message: string, error: unknown) => void;
  /** Called after a story's folder was deleted and made again (the data folder's lock). */
  readonly onFolderRemade: () => Promise<void>;
}

interface OpenStory {
  readonly id: string;
  readonly repository: TimelineRepository;
  readonly service: StoryService;
}

export class StoryDesk {
  readonly #options: StoryDeskOptions;
  readonly #folder: DeskFolder;
  /** The open stories, the one used longest ago first. */
  readonly #open = new Map<string, OpenStory>();
  #current: OpenStory;

  private constructor(options: StoryDeskOptions, folder: DeskFolder, current: OpenStory) {
    this.#options = options;
    this.#folder = folder;
    this.#current = current;
    this.#open.set(current.id, current);
  }

  /** Opens the desk and its last story (the most recent one, or the seed on an empty desk). */
  static async start(options: StoryDeskOptions): Promise<StoryDesk> {
    const folder = await DeskFolder.open(options.dataDir, options.now);
    const id =
      folder.current ?? (await folder.list())[0]?.id ?? (await folder.create(options.seed()));
    const story = await openStory(options, folder, id, folder.notices);
    await folder.setCurrent(id);
    return new StoryDesk(options, folder, story);
  }

  get repository(): TimelineRepository {
    return this.#current.repository;
  }

  /** Every command: the desk's own, and the open story's sent to it. */
  handlers(): CommandHandlers {
    type Loose = Readonly<Record<string, (input: unknown) => Promise<unknown>>>;
    const forward: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const name of Object.keys(this.#current.service.handlers)) {
      forward[name] = (input) => {
        // By name, as the dispatcher calls it: a loop cannot pair each name with its handler's type.
        const handler = (this.#current.service.handlers as unknown as Loose)[name];
        if (handler === undefined) throw new Error(`No story command ${name}`);
        return handler(input);
      };
    }
    const desk: Pick<CommandHandlers, DeskCommand> = {
      listStories: async () => ({
        current: this.#current.id,
        stories: (await this.#folder.list()).map((listing) => this.#listed(listing)),
        trash: (await this.#folder.trash()).map((listing) => this.#listed(listing)),
      }),
      createStory: async ({ title }) => {
        const id = await this.#folder.create(emptyStory(title));
        await this.#switchTo(id);
        return { id };
      },
      duplicateStory: async ({ id }) => {
        const story = await this.#story(id);
        const document = story.repository.document();
        const copy: TimelineDocument = {
          ...document,
          timeline: {
            ...document.timeline,
            id: randomUUID() as TimelineId,
            title: copyTitle(document.timeline.title),
          },
        };
        return { id: await this.#folder.create(copy) };
      },
      deleteStory: async ({ id }) => {
        this.#mustBeOnDesk(id);
        const others = (await this.#folder.list()).filter((listing) => listing.id !== id);
        const next = others[0];
        if (next === undefined) {
          throw new AppFailure({
            code: 'invalid',
            message:
              'This is the only story on the desk. Create another story before you delete it.',
          });
        }
        if (id === this.#current.id) await this.#switchTo(next.id);
        await this.#close(id);
        await this.#folder.moveToTrash(id);
        return { current: this.#current.id };
      },
      restoreStory: async ({ id }) => {
        if (!this.#folder.inTrash(id)) {
          throw new AppFailure({ code: 'not-found', message: 'That story is not in the trash.' });
        }
        await this.#folder.restore(id);
        return null;
      },
      openStory: async ({ id }) => {
        this.#mustBeOnDesk(id);
        await this.#switchTo(id);
        return null;
      },
      importAsNewStory: async ({ token }) => {
        const story = this.#current;
        const file = story.service.importedFile(token);
        const id = await this.#folder.create(storyOfItsOwn(file, story.repository.info));
        // Used once the story is made; until then the user may try again.
        await story.service.handlers.cancelImport({ token });
        await this.#switchTo(id);
        return { id };
      },
    };
    // `forward` holds one handler for each story command, built by name above.
    return { ...(forward as unknown as CommandHandlers), ...desk };
  }

  /** Waits for every open story's changes to be on disk. */
  async flush(): Promise<void> {
    for (const story of this.#open.values()) await story.repository.idle();
  }

  /** Closes every open story (their changes on disk first) and keeps their titles and counts. */
  async close(): Promise<void> {
    // Every story is tried, the open one too, even when another cannot be written.
    const closed = await Promise.allSettled([...this.#open.keys()].map((id) => this.#close(id)));
    const failed = closed.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  #listed(listing: StoryListing) {
    const open = this.#open.get(listing.id);
    return {
      id: listing.id,
      title: open?.repository.info.title ?? listing.title,
      events: open?.repository.eventCount() ?? listing.events,
      changedAt: listing.changedAt.toISOString(),
      deletedAt: listing.deletedAt?.toISOString() ?? null,
    };
  }

  #mustBeOnDesk(id: string): void {
    if (this.#folder.has(id)) return;
    throw new AppFailure({
      code: 'not-found',
      message: this.#folder.inTrash(id)
        ? 'That story is in the trash. Restore it first.'
        : 'That story is no longer on the desk.',
    });
  }

  /** An open story, opened (and kept among the open ones) if it was not. */
  async #story(id: string): Promise<OpenStory> {
    this.#mustBeOnDesk(id);
    let story = this.#open.get(id);
    if (story === undefined) {
      story = await openStory(this.#options, this.#folder, id, []);
      this.#open.set(id, story);
    } else {
      // Most recently used last.
      this.#open.delete(id);
      this.#open.set(id, story);
    }
    for (const [oldId] of this.#open) {
      if (this.#open.size <= OPEN_STORIES) break;
      if (oldId !== id && oldId !== this.#current.id) await this.#close(oldId);
    }
    return story;
  }

  async #switchTo(id: string): Promise<void> {
    const leaving = this.#current;
    // The story left is on disk before another opens: a crash then loses nothing of it.
    await leaving.repository.whenSaved();
    await summarise(this.#folder, leaving.id, leaving.repository);
    this.#current = await this.#story(id);
    await this.#folder.setCurrent(id);
    // The window's watch of the story left would hold a request for minutes (see store-status).
    leaving.service.left();
  }

  async #close(id: string): Promise<void> {
    const story = this.#open.get(id);
    if (story === undefined) return;
    // Kept among the open ones until it closed: a close that could not write is tried again.
    await story.repository.close();
    this.#open.delete(id);
    if (this.#folder.has(id)) await summarise(this.#folder, id, story.repository);
  }
}

async function openStory(
  options: StoryDeskOptions,
  folder: DeskFolder,
  id: string,
  deskNotices: readonly string[],
): Promise<OpenStory> {
  const title = folder.summary(id)?.title || 'Untitled story';
  const { repository, backups, notices } = await openTimelineRepository({
    dataDir: folder.storyDir(id),
    // A story folder with no store and no backup left starts again empty, under its name.
    seed: () => emptyStory(title),
    seedWords: 'the story again, empty, as no backup of it could be read',
    writeDelayMs: options.writeDelayMs,
    backupIntervalMs: options.backupIntervalMs,
    now: options.now,
    write: options.write,
    log: options.log,
    // The desk's own file goes back with the lock (the whole data folder may have gone).
    onFolderRemade: async () => {
      await options.onFolderRemade();
      await folder.rewrite();
    },
  });
  prestartWorkerFor(repository.eventCount(), repository.events());
  await summarise(folder, id, repository);
  const service = createTimelineService({
    repository,
    backups,
    host: options.host,
    notices: [...deskNotices, ...notices],
    now: options.now,
    write: options.write,
  });
  return { id, repository, service };
}

function summarise(folder: DeskFolder, id: string, repository: TimelineRepository) {
  return folder.summarise(id, repository.info.title, repository.eventCount());
}

/**
 * An imported file as a story of its own. Importers read a file into the open story (its id,
 * and its title where the file names none): here it gets an id of its own, the file's title
 * (else the file's name) and only the lanes its events use.
 */
export function storyOfItsOwn(
  file: { readonly document: TimelineDocument; readonly fileName: string },
  open: TimelineInfo,
): TimelineDocument {
  const { document } = file;
  const ownTitle = document.timeline.title !== open.title;
  const used = new Set(document.events.map((event) => event.laneId));
  const lanes = document.lanes.filter((lane) => used.has(lane.id));
  return {
    ...document,
    timeline: {
      id: randomUUID() as TimelineId,
      title: ownTitle ? document.timeline.title : fileTitle(file.fileName) || 'Imported story',
      description:
        document.timeline.description === open.description ? '' : document.timeline.description,
    },
    lanes: lanes.length > 0 ? lanes : document.lanes.slice(0, 1),
  };
}

/** A story with no events and one lane. */
export function emptyStory(title: string): TimelineDocument {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline: { id: randomUUID() as TimelineId, title, description: '' },
    lanes: [{ id: 'events' as LaneId, title: 'Events', color: LANE_PALETTE[0] }],
    eras: [],
    events: [],
  };
}

/** "Talks (copy)", within the title's length. */
export function copyTitle(title: string): string {
  const suffix = ' (copy)';
  return `${title.slice(0, LIMITS.title - suffix.length)}${suffix}`;
}
