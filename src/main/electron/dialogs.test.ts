/** The save dialog host with a hand-made electron dialog. */
import { join } from 'node:path';

import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const showSaveDialog = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ dialog: { showSaveDialog } }));

import { createDialogHost, exportFilter } from './dialogs';

const documentsDir = join('/home', 'ana', 'Documents');
const window = { id: 1 } as unknown as BrowserWindow;

beforeEach(() => showSaveDialog.mockReset());

describe('createDialogHost', () => {
  it('asks for a JSON file in Documents, named as suggested, over the window', async () => {
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/ana/x.json' });
    const host = createDialogHost({ window: () => window, documentsDir });
    expect(await host.chooseExportPath('story.timeline.json')).toBe('/home/ana/x.json');
    expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({
        defaultPath: join(documentsDir, 'story.timeline.json'),
        filters: [{ name: 'JSON', extensions: ['json'] }],
      }),
    );
  });

  it('answers null when the user cancels', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const host = createDialogHost({ window: () => null, documentsDir });
    expect(await host.chooseExportPath('story.timeline.json')).toBeNull();
    // With no window the dialog stands alone.
    expect(showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('offers the file type of the export, not always JSON', () => {
    expect(exportFilter('story.csv')).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(exportFilter('story.timelinejs.json')).toEqual({ name: 'JSON', extensions: ['json'] });
    expect(exportFilter('story.mw')).toEqual({ name: 'Markwhen', extensions: ['mw'] });
    expect(exportFilter('story.ics')).toEqual({ name: 'iCalendar', extensions: ['ics'] });
    expect(exportFilter('story-chronology.md')).toEqual({ name: 'Markdown', extensions: ['md'] });
    expect(exportFilter('story-chronology.html')).toEqual({ name: 'HTML', extensions: ['html'] });
  });
});
