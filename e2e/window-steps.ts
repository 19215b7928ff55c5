/**
 * The steps a user takes in the Timeline Desk window, by role and accessible name. The browser
 * harness driver and the Electron driver both build on it, so a journey reads the same in each.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The titles of the seed article's events (data/seed-timeline.json). */
export const SEED_TITLES = [
  "Russia's military campaign in Ukraine begins",
  "Putin hosts Kim Jong Un in Russia's Far East",
  'Russia vetoes continued UN monitoring of North Korea sanctions violations',
  "Putin's state visit to North Korea",
  'Putin travels on to Vietnam',
] as const;

export class WindowSteps {
  /** Problems the page reported: script errors, CSP violations, dialogs. */
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      this.problems.push(`a ${dialog.type()} dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.page.locator('[data-ready]')).toHaveCount(1);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  /** Fails the test if anything went wrong that the user might not have seen. */
  assertNothingWentWrong(): void {
    expect(this.problems, 'problems seen in the page').toEqual([]);
  }

  /** The item of an event on the timeline, found by its exact title. */
  item(title: string): Locator {
    return this.page.locator('.vis-item', {
      has: this.page.locator('.ev-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async selectEvent(title: string): Promise<void> {
    await this.item(title).click();
    await expect(this.field('Title')).toHaveValue(title);
  }

  async addEvent(): Promise<void> {
    await this.button('Add event').click();
    await expect(this.field('Title')).toBeFocused();
  }

  async edit(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.field(label).fill(value);
  }

  async save(): Promise<void> {
    await this.button('Save').click();
  }

  // History

  /** The Undo or Redo button's tooltip, e.g. "Undo Move event (Ctrl+Z)". */
  async historyTooltip(which: 'Undo' | 'Redo'): Promise<string> {
    return (await this.button(which).getAttribute('title')) ?? '';
  }

  async undo(): Promise<void> {
    await this.button('Undo').click();
  }

  async redo(): Promise<void> {
    await this.button('Redo').click();
  }

  // Import, the More menu, dialogs

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The import dialog of a file: its preview, or why the file was refused. */
  importDialog(fileName: string): Locator {
    return this.dialog(`Import ${fileName}`);
  }

  /** Clicks Import and picks a file in the file chooser. */
  async chooseImportFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('Import').click();
    await (await chooser).setFiles(path);
  }

  /** The preview's figures by their terms, e.g. { 'New events': '2', 'New lanes': 'None' }. */
  async importPreview(fileName: string): Promise<Record<string, string>> {
    const dialog = this.importDialog(fileName);
    await expect(dialog).toBeVisible();
    const rows = dialog.locator('dl > div');
    const figures: Record<string, string> = {};
    for (const row of await rows.all()) {
      figures[await row.locator('dt').innerText()] = await row.locator('dd').innerText();
    }
    return figures;
  }

  /** Answers the open import preview with Merge, Replace, Import as a new story or Cancel. */
  async answerImport(
    fileName: string,
    answer: 'Merge' | 'Replace' | 'Cancel' | 'Import as a new story',
  ): Promise<void> {
    const dialog = this.importDialog(fileName);
    await dialog.getByRole('button', { name: answer, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Runs an entry of the toolbar's "More" menu, e.g. "Export CSV". */
  async runFromMoreMenu(entry: string): Promise<void> {
    await this.button('More').click();
    await this.page.getByRole('menuitem', { name: entry, exact: true }).click();
  }

  /** The status line's news (role="status"), e.g. "Exported to …". */
  status(): Locator {
    return this.page.locator('.status-line .status-message');
  }

  /** Whether everything is on disk (role="status"): "Saving…", "All changes saved", "Not saved: …". */
  saveState(): Locator {
    return this.page.locator('.status-line .status-save');
  }

  /** Clicks "Delete event" and answers the confirmation. */
  async deleteSelected(confirm = true): Promise<void> {
    await this.button('Delete event').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: confirm ? 'Delete' : 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
