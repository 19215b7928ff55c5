/**
 * A store written before one-line fields refused direction characters still opens: they are
 * taken out of titles, names and tags (descriptions keep theirs), the original file is kept,
 * and the user is told. Real files in a temp folder.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeDocument, makeEvent } from '../../../test/builders';
import { useTempDirs } from '../../../test/temp-dir';
import { removeOneLineDirectionControls } from '../../shared/formats/direction-repair';
import { seedDocument } from '../app-services';
import { openTimelineRepository, type TimelineRepository } from './timeline-repository';

const tempDir = useTempDirs();
const opened: TimelineRepository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((repository) => repository.close().catch(() => {})));
});

const RLO = '\u202e';

describe('removeOneLineDirectionControls', () => {
  it('takes them out of one-line text and lists, and leaves descriptions and quotes', () => {
    const { value, removed } = removeOneLineDirectionControls({
      title: `invoice${RLO}fdp.exe`,
      tags: [`a${RLO}`, '\u2066b\u2069'],
      description: `keeps ${RLO}this`,
      sources: [{ title: `x${RLO}`, quote: `kept ${RLO}` }],
      count: 3,
    });
    expect(value).toEqual({
      title: 'invoicefdp.exe',
      tags: ['a', 'b'],
      description: `keeps ${RLO}this`,
      sources: [{ title: 'x', quote: `kept ${RLO}` }],
      count: 3,
    });
    expect(removed).toBe(5);
  });
});

describe('opening a store that holds them', () => {
  it('opens it repaired, keeps the original aside and says so', async () => {
    const dataDir = await tempDir();
    const event = makeEvent({ title: `Report${RLO}fdp.exe`, description: `quote ${RLO}kept` });
    const original = JSON.stringify(makeDocument({ events: [event] }));
    await writeFile(join(dataDir, 'timeline.json'), original);

    const { repository, notices } = await openTimelineRepository({
      dataDir,
      seed: seedDocument,
      log: () => {},
    });
    opened.push(repository);
    const [opened0] = repository.events();
    expect(opened0).toMatchObject({ title: 'Reportfdp.exe', description: `quote ${RLO}kept` });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('1 hidden text-direction character was taken out');
    const kept = (await readdir(dataDir)).find((name) => name.includes('before-repair'));
    expect(kept).toBeDefined();
    expect(notices[0]).toContain(kept!);
    expect(await readFile(join(dataDir, kept!), 'utf8')).toBe(original);
    // Nothing was set aside as damaged.
    expect((await readdir(dataDir)).some((name) => name.includes('damaged'))).toBe(false);
  });
});
