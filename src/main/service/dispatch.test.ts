import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import { useServices } from '../../../test/fixtures/services';
import { exportTimeline } from '../../shared/formats';
import { WORKER_MIN_BYTES } from '../document-worker/client';
import { yieldToLoop } from '../time-slices';

const start = useServices();

/** An export large enough that reading and applying it take many turns of the event loop. */
function bigExport(events: number): string {
  const text = exportTimeline('json', generateTimeline(events)).text;
  expect(text.length).toBeGreaterThan(WORKER_MIN_BYTES);
  return text;
}

/** Settles to the order in which the promises settled, by name. */
async function settleOrder(named: Record<string, Promise<unknown>>): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(
    Object.entries(named).map(([name, promise]) => promise.finally(() => order.push(name))),
  );
  return order;
}

describe('commands answered beside a long import', () => {
  it('answers getTimeline, listEvents, getHistory and listBackups before a preview ends', async () => {
    const app = await start();
    // The start's own backup is written first: the race is the preview's, not the start's.
    await app.services.flush();
    const before = await app.documentNow();
    const order = await settleOrder({
      preview: app.call('previewImport', { fileName: 'big.json', text: bigExport(20_000) }),
      timeline: app.call('getTimeline'),
      events: app.call('listEvents'),
      history: app.call('getHistory'),
      backups: app.call('listBackups'),
    });
    expect(order.at(-1)).toBe('preview');
    expect(await app.documentNow()).toEqual(before);
  });

  it('shows the timeline before an import until all of it is in, then all of it', async () => {
    const app = await start();
    const before = await app.documentNow();
    const { token } = await app.call('previewImport', {
      fileName: 'big.json',
      text: bigExport(20_000),
    });
    let applied = false;
    const applying = app.call('applyImport', { token, mode: 'replace' }).finally(() => {
      applied = true;
    });
    const seen: number[] = [];
    let answeredDuring = 0;
    while (!applied) {
      const { document } = await app.call('getTimeline');
      if (!applied) answeredDuring++;
      seen.push(document.events.length, (await app.call('listEvents')).length);
      await yieldToLoop();
    }
    await applying;
    const after = (await app.documentNow()).events.length;
    expect(after).toBe(20_000);
    expect(answeredDuring).toBeGreaterThan(0);
    expect(new Set(seen.filter((count) => count !== after))).toEqual(
      new Set([before.events.length]),
    );
  });

  it('runs changes one at a time in the order they were asked', async () => {
    const app = await start();
    const { token } = await app.call('previewImport', {
      fileName: 'big.json',
      text: bigExport(3000),
    });
    // A lane of the file's: the event can only be added once the import has replaced the
    // seed, and a replace that ran after it would remove the event.
    const laneId = 'diplomacy';
    const [, created] = await Promise.all([
      app.call('applyImport', { token, mode: 'replace' }),
      app.call('createEvent', { title: 'Added during the import', start: '2024-06-01', laneId }),
    ]);
    const events = (await app.documentNow()).events;
    expect(events).toHaveLength(3001);
    expect(events.map((event) => event.id)).toContain(created.upserted[0]!.id);
    expect((await app.call('getHistory')).undoLabel).toBe('Undo Add event');
  });
});
