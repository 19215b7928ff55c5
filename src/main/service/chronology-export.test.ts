import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useServices } from '../../../test/fixtures/services';
import { useTempDirs } from '../../../test/temp-dir';
import { inChronologyOrder } from '../../shared/chronology';
import { chronologyHtml, chronologyMarkdown } from '../../shared/formats/chronology';
import { newEventId } from '../../shared/ids';

const tempDir = useTempDirs();
const start = useServices();

describe('exportChronology', () => {
  async function exporting() {
    const suggested: string[] = [];
    const folder = await tempDir();
    const app = await start({
      chooseExportPath: async (name) => {
        suggested.push(name);
        return join(folder, name);
      },
    });
    return { app, suggested, folder };
  }

  it('writes the given events as Markdown and as HTML, in date order, from its own data', async () => {
    const { app, suggested, folder } = await exporting();
    const doc = await app.documentNow();
    const visit = await app.byTitle("Putin's state visit");
    const veto = await app.byTitle('Russia vetoes');
    const parentOf = (id: string) => doc.events.find((event) => event.id === id);
    const expected = {
      title: doc.timeline.title,
      lanes: doc.lanes,
      events: inChronologyOrder([visit, veto]),
      parentOf,
    };
    // Given in any order (and twice): listed once each, by date.
    const ids = [visit.id, veto.id, visit.id];
    const markdown = await app.call('exportChronology', { ids, format: 'markdown' });
    const html = await app.call('exportChronology', { ids, format: 'html' });
    expect(suggested).toEqual([
      'putin-visits-north-korea-june-2024-chronology.md',
      'putin-visits-north-korea-june-2024-chronology.html',
    ]);
    expect(await readFile(markdown.path, 'utf8')).toBe(chronologyMarkdown(expected));
    expect(await readFile(html.path, 'utf8')).toBe(chronologyHtml(expected));
    expect((await readdir(folder)).sort()).toEqual(suggested.sort());
    expect(await readFile(markdown.path, 'utf8')).not.toContain('Putin travels on');
  });

  it('refuses ids it does not know, and writes nothing', async () => {
    const { app, suggested, folder } = await exporting();
    const visit = await app.byTitle("Putin's state visit");
    const error = await app.refuse('exportChronology', {
      ids: [visit.id, newEventId(), newEventId()],
      format: 'markdown',
    });
    expect(error).toMatchObject({
      code: 'not-found',
      message: '2 events of the chronology no longer exist; nothing was exported.',
    });
    expect(suggested).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses what is not a list of event ids, or an unknown format', async () => {
    const { app } = await exporting();
    expect(await app.refuse('exportChronology', { ids: ['x'], format: 'html' })).toMatchObject({
      code: 'invalid',
    });
    expect(await app.refuse('exportChronology', { ids: [], format: 'pdf' })).toMatchObject({
      code: 'invalid',
    });
    const tooMany = Array.from({ length: 100_001 }, () => newEventId());
    expect(await app.refuse('exportChronology', { ids: tooMany, format: 'html' })).toMatchObject({
      code: 'invalid',
    });
  });
});
