import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeDocument, makeEvents } from '../../../test/builders';
import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { expectSameTimeline, type TestApp, useServices } from '../../../test/fixtures/services';
import type { StoreStatus } from '../../shared/contract';
import { type TimelineDocument, TimelineDocumentSchema } from '../../shared/schema';
import { STORE_FILE_NAME } from '../store/timeline-repository';

const start = useServices();

/**
 * Watches the status as the window does (each watch after the version it has) until `done`
 * holds or `withinMs` passed; returns the last status seen (null if none came).
 */
async function watchUntil(
  app: TestApp,
  done: (status: StoreStatus) => boolean,
  withinMs: number,
  after = -1,
): Promise<StoreStatus | null> {
  const deadline = Date.now() + withinMs;
  let status = null as StoreStatus | null;
  for (;;) {
    if (status !== null && done(status)) return status;
    const left = deadline - Date.now();
    if (left <= 0) return status;
    const seen: StoreStatus | null = status;
    status = await Promise.race([
      app.call('watchStoreStatus', { after: seen === null ? after : seen.version }),
      new Promise<StoreStatus | null>((resolve) => setTimeout(() => resolve(seen), left)),
    ]);
  }
}

/** A timeline written over the store file as another program (a sync client) does. */
async function replaceAsAnotherProgram(dir: string): Promise<TimelineDocument> {
  const theirs = makeDocument({ events: makeEvents(3), timeline: { title: 'Their timeline' } });
  await writeFile(join(dir, '.sync-client-download'), JSON.stringify(theirs));
  await rename(join(dir, '.sync-client-download'), join(dir, STORE_FILE_NAME));
  return theirs;
}

describe('watching the save status', () => {
  it('answers at once when asked for any version, with nothing waiting to be saved', async () => {
    const app = await start();
    const started = performance.now();
    const status = await app.call('watchStoreStatus', { after: -1 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(status).toMatchObject({ saving: false, failure: null, externalChange: null });
  });

  it('tells of an edit, and then that it is on disk', async () => {
    const app = await start();
    const before = await app.call('watchStoreStatus', { after: -1 });
    const veto = await app.byTitle('Russia vetoes');
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Watched until saved' } });

    const news = await app.call('watchStoreStatus', { after: before.version });
    expect(news.version).toBeGreaterThan(before.version);
    const saved = await watchUntil(app, (status) => !status.saving, 5000, news.version - 1);
    expect(saved).toMatchObject({ saving: false, failure: null });
    const onDisk = await storeOnDisk(app.dataDir);
    expect(onDisk.events.find((e) => e.id === veto.id)?.title).toBe('Watched until saved');
  });
});

describe('a save that fails', () => {
  it('shows the cause the moment the write fails, and clears it on its own once saved', async () => {
    const ops = lockedFileOps(STORE_FILE_NAME, 0, 'ENOSPC');
    // The store's own retry timer waits 500 ms first (RETRY_DELAYS_MS).
    const app = await start({ write: { ops, retryDelaysMs: [1] }, log: () => {} });
    const veto = await app.byTitle('Russia vetoes');
    await app.services.flush();
    ops.lockForever();
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Kept while the disk is full' } });

    // Only the status is watched: no other command runs to bring the failure to light.
    const failing = await watchUntil(app, (status) => status.failure !== null, 2000);
    expect(failing).toMatchObject({
      saving: true,
      failure: { reason: 'disk-full', message: expect.stringMatching(/disk is full/i) },
    });

    ops.unlock();
    const saved = await watchUntil(
      app,
      (status) => !status.saving && status.failure === null,
      3000,
      failing!.version,
    );
    expect(saved).toMatchObject({ saving: false, failure: null });
    const onDisk = await storeOnDisk(app.dataDir);
    expect(onDisk.events.find((e) => e.id === veto.id)?.title).toBe('Kept while the disk is full');
  });
});

describe('a store file another program replaced', () => {
  it('shows the change, refuses edits, and loads their file as one undoable change', async () => {
    const app = await start({ log: () => {} });
    const veto = await app.byTitle('Russia vetoes');
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Ours, saved' } });
    await app.services.flush();
    const ours = await app.documentNow();

    const theirs = await replaceAsAnotherProgram(app.storeDir());
    const status = await watchUntil(app, (s) => s.externalChange !== null, 1500);
    expect(status?.externalChange).toEqual({ detectedAt: expect.any(String) });

    const refused = await app.refuse('updateEvent', { id: veto.id, patch: { title: 'No' } });
    expect(refused.code).toBe('io');
    expect(refused.message).toContain(app.services.storePath);

    const resolved = await app.call('resolveExternalChange', { keep: 'disk' });
    expect(resolved.change.upserted).toEqual(expect.arrayContaining(theirs.events));
    expect(resolved.change.upserted).toHaveLength(theirs.events.length);
    const keptAt = TimelineDocumentSchema.parse(
      JSON.parse(await readFile(resolved.keptAt, 'utf8')),
    );
    expectSameTimeline(keptAt, ours);
    expectSameTimeline(await app.documentNow(), theirs);
    expect((await app.call('watchStoreStatus', { after: -1 })).externalChange).toBeNull();

    await app.call('updateEvent', { id: theirs.events[0]!.id, patch: { tags: ['after'] } });
    await app.call('undo');
    expectSameTimeline(await app.documentNow(), theirs);
    await app.call('undo');
    expectSameTimeline(await app.documentNow(), ours);
    await app.services.flush();
    expectSameTimeline(await storeOnDisk(app.dataDir), ours);
  });

  it('refuses a choice when no other version is waiting', async () => {
    const app = await start();
    const refused = await app.refuse('resolveExternalChange', { keep: 'disk' });
    expect(refused).toMatchObject({ code: 'invalid', message: expect.stringMatching(/waiting/) });
    expect(await app.documentNow()).toEqual(await storeOnDisk(app.dataDir));
  });
});
