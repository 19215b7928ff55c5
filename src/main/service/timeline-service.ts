/**
 * The commands of the IPC contract, run against the repository. Arguments arrive already
 * parsed by the dispatcher; rule breaks are thrown as AppFailure and returned as typed errors.
 */
import { randomUUID } from 'node:crypto';

import type { z } from 'zod';

import type { CommandName } from '../../shared/command-names';
import type { Change, CommandOutput, Contract } from '../../shared/contract';
import { type EventId, timestamp } from '../../shared/ids';
import { comparePartialDates, mustParse } from '../../shared/partial-date';
import { AppFailure } from '../../shared/result';
import type { TimelineEvent } from '../../shared/schema';
import type { TimelineRepository } from '../store/timeline-repository';
import { followUpFields, planCreate, planDelete, planUpdate } from './event-changes';
import { writeExportFile } from './export-file';
import type { Host } from './host';

export type CommandHandlers = {
  readonly [K in CommandName]: (input: z.output<Contract[K]['input']>) => Promise<CommandOutput<K>>;
};

export interface ServiceOptions {
  readonly repository: TimelineRepository;
  readonly host: Host;
  readonly notices: readonly string[];
  readonly now?: () => Date;
  readonly newId?: () => EventId;
}

export function createTimelineService(options: ServiceOptions): CommandHandlers {
  const { repository: store, host } = options;
  const now = () => timestamp(options.now?.() ?? new Date());
  const newId = options.newId ?? (() => randomUUID() as EventId);

  const find = (id: EventId): TimelineEvent => {
    const event = store.get(id);
    if (!event)
      throw new AppFailure({ code: 'not-found', message: 'That event no longer exists.' });
    return event;
  };
  const commit = (change: Change): Change => {
    if (change.upserted.length > 0 || change.removed.length > 0) store.apply(change);
    return change;
  };

  return {
    getTimeline: async () => ({
      document: store.document(),
      notices: [...options.notices],
      storePath: store.path,
    }),
    listEvents: async (filter) => {
      const from = filter?.from ? mustParse(filter.from).earliest : -Infinity;
      const to = filter?.to ? mustParse(filter.to).latestExclusive : Infinity;
      return [...store.events()]
        .filter((event) => {
          if (filter?.laneId && event.laneId !== filter.laneId) return false;
          const start = mustParse(event.start);
          const end = event.end ? mustParse(event.end) : start;
          return end.latestExclusive > from && start.earliest < to;
        })
        .sort((a, b) => comparePartialDates(a.start, b.start));
    },
    createEvent: async (fields) => commit(planCreate(fields, newId(), now(), store)),
    updateEvent: async ({ id, patch }) => commit(planUpdate(find(id), patch, now(), store)),
    moveEvent: async ({ id, start, end }) =>
      commit(planUpdate(find(id), { start, end }, now(), store)),
    deleteEvent: async ({ id }) => commit(planDelete(find(id), now(), store)),
    addFollowUp: async ({ parentId, patch }) =>
      commit(planCreate(followUpFields(find(parentId), patch), newId(), now(), store)),
    exportJson: async () => {
      const suggested = `${slug(store.info.title)}.timeline.json`;
      const path = await host.chooseExportPath(suggested);
      if (path === null) throw new AppFailure({ code: 'cancelled', message: 'Export cancelled.' });
      await writeExportFile(path, `${JSON.stringify(store.document(), null, 2)}\n`);
      return { path };
    },
  };
}

function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return base || 'timeline';
}
