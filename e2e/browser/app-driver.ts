/**
 * Drives Timeline Desk as a user would: by role and accessible name. Each step has a name, so
 * the journeys read as what the user does.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import type { Locator, Page } from '@playwright/test';

import type { CommandOutput } from '../../src/shared/contract';
import type { TimelineDocument, TimelineEvent } from '../../src/shared/schema';
import { WindowSteps } from '../window-steps';
import type { AppShell } from './app-shell';

export class AppDriver extends WindowSteps {
  constructor(
    page: Page,
    readonly shell: AppShell,
  ) {
    super(page);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(shell.origin) && !url.startsWith('data:')) {
        this.problems.push(`a request left the app: ${url}`);
      }
    });
  }

  async open(): Promise<void> {
    await this.shell.open(this.page);
    await this.waitUntilReady();
  }

  // The timeline

  get timeline(): Locator {
    return this.page.locator('.vis-timeline');
  }

  /** Drags an event sideways by a number of pixels. */
  async dragEvent(title: string, dx: number): Promise<void> {
    const box = await boxOf(this.item(title));
    await this.drag(box.x + box.width / 2, box.y + box.height / 2, dx);
  }

  /** Drags one end of a selected range item sideways. */
  async dragRangeEnd(title: string, end: 'start' | 'end', dx: number): Promise<void> {
    await this.selectEvent(title);
    const handle = this.item(title).locator(end === 'end' ? '.vis-drag-right' : '.vis-drag-left');
    const box = await boxOf(handle);
    await this.drag(box.x + box.width / 2, box.y + box.height / 2, dx);
  }

  async doubleClickTimelineAt(x: number, y: number): Promise<void> {
    await this.page.mouse.dblclick(x, y);
  }

  async itemWidth(title: string): Promise<number> {
    return (await boxOf(this.item(title))).width;
  }

  alerts(): Locator {
    return this.page.getByRole('alert');
  }

  // What the main process holds

  /** The timeline as the services hold it (what a restart would find). */
  async stored(): Promise<TimelineDocument> {
    const result = await this.shell.dispatch('getTimeline');
    if (!result.ok) throw new Error(result.error.message);
    return result.value.document;
  }

  async storedEvent(title: string): Promise<TimelineEvent | undefined> {
    return (await this.stored()).events.find((event) => event.title === title);
  }

  /** The backups the services keep, as the Restore backup dialog lists them. */
  async storedBackups(): Promise<CommandOutput<'listBackups'>> {
    const result = await this.shell.dispatch('listBackups');
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** The files where exports land (the harness's exports/, the built app's Documents). */
  async exportedFiles(): Promise<string[]> {
    return readdir(this.shell.exportsDir).catch(() => []);
  }

  /**
   * Drops a file on the window as the system would: dragenter, dragover and drop carrying it.
   * Returns after the drop; `check` runs while the file is over the window, before the drop.
   */
  async dropFile(path: string, check?: () => Promise<void>): Promise<void> {
    const text = await readFile(path, 'utf8');
    const transfer = await this.page.evaluateHandle(
      ({ name, content }) => {
        const page = globalThis as unknown as DragGlobals;
        const data = new page.DataTransfer();
        const type = name.endsWith('.csv') ? 'text/csv' : 'application/json';
        data.items.add(new page.File([content], name, { type }));
        return data;
      },
      { name: basename(path), content: text },
    );
    const target = this.page.locator('.timeline-host');
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await check?.();
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await transfer.dispose();
  }

  async readJson(path: string): Promise<unknown> {
    return JSON.parse(await readFile(path, 'utf8'));
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }

  private async drag(x: number, y: number, dx: number): Promise<void> {
    const mouse = this.page.mouse;
    await mouse.move(x, y);
    await mouse.down();
    // Several steps, as a hand would: vis-timeline's gesture recogniser needs movement events.
    for (let step = 1; step <= 10; step++) await mouse.move(x + (dx * step) / 10, y);
    await mouse.up();
  }
}

/** The page's drag-and-drop classes, as page.evaluate sees them (this tsconfig has no DOM). */
interface DragGlobals {
  readonly DataTransfer: new () => { readonly items: { add(file: unknown): unknown } };
  readonly File: new (parts: string[], name: string, options: { type: string }) => unknown;
}

async function boxOf(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return box;
}
