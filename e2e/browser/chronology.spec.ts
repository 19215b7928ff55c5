/**
 * The Chronology (issue 16, part 3): the story as a dated list beside the timeline. Ctrl+2 and
 * Ctrl+1 (and the two-button switch) change view; rows sit under year and month headings with
 * the dates as written; the keyboard selects, opens, deletes and follows up; the selection is
 * the timeline's; search narrows the rows; Copy and Export give the list newsrooms publish.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { SEED_TITLES } from '../window-steps';
import { expect, test } from './fixtures';

const [CAMPAIGN, KIM, VETO, VISIT, VIETNAM] = SEED_TITLES;

/** The seed story as the chronology lists it: headings, then "date | title" rows. */
const SEED_ROWS = [
  '2022',
  'February 2022',
  `February 2022 | ${CAMPAIGN}`,
  '2023',
  'September 2023',
  `September 2023 | ${KIM}`,
  '2024',
  'March 2024',
  `March 2024 | ${VETO}`,
  'June 2024',
  // A month comes before the days in it.
  `June 2024 | ${VIETNAM}`,
  `16 June 2024 | ${VISIT}`,
];

/** What the list shows, top to bottom (rows are placed by their top, not DOM order). */
async function shownRows(page: Page): Promise<string[]> {
  return page.locator('.chronology-canvas > *').evaluateAll((rows) =>
    rows
      .map((row) => ({ row, top: row.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map(({ row }) =>
        row.getAttribute('role') === 'option'
          ? `${row.querySelector('.chronology-date')?.textContent ?? ''} | ${row.querySelector('.chronology-title')?.textContent ?? ''}`
          : (row.textContent ?? ''),
      ),
  );
}

/** The page's clipboard, as far as the test reads it. */
interface ClipboardGlobals {
  readonly navigator: {
    readonly clipboard: {
      readText(): Promise<string>;
      read(): Promise<
        { types: string[]; getType(type: string): Promise<{ text(): Promise<string> }> }[]
      >;
    };
  };
}

/**
 * The clipboard's text: read by the page where the browser allows it; in the built app, whose
 * window may not read the clipboard, pasted into the editor's Description and put back.
 */
async function readClipboard(page: Page, byPasting: boolean): Promise<string> {
  if (!byPasting) {
    return page.evaluate(() =>
      (globalThis as unknown as ClipboardGlobals).navigator.clipboard.readText(),
    );
  }
  const description = page.getByLabel('Description', { exact: true });
  await description.fill('');
  await description.press('Control+v');
  const pasted = await description.inputValue();
  await page.getByRole('button', { name: 'Revert', exact: true }).click();
  return pasted;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a user reads the story as a chronology, by keyboard and mouse, and publishes it', async ({
  app,
  page,
  context,
  shellKind,
}) => {
  const list = page.getByRole('listbox', { name: 'Chronology' });
  const option = (title: string) =>
    list.getByRole('option').filter({
      has: page.locator('.chronology-title', { hasText: new RegExp(`^${escape(title)}$`) }),
    });
  const timelineButton = app.button('Timeline');
  const chronologyButton = app.button('Chronology');
  const title = app.field('Title');

  await test.step('Ctrl+2 shows the chronology in place of the timeline, Ctrl+1 brings it back', async () => {
    await expect(timelineButton).toHaveAttribute('aria-pressed', 'true');
    await expect(chronologyButton).toHaveAttribute('aria-pressed', 'false');
    await expect(list).toBeHidden();
    await page.keyboard.press('Control+2');
    await expect(list).toBeVisible();
    await expect(list).toBeFocused();
    await expect(chronologyButton).toHaveAttribute('aria-pressed', 'true');
    await expect(app.item(VISIT)).toBeHidden();
    // Zooming is the timeline's: not offered while the list stands in its place.
    await expect(app.button('Zoom in')).toBeDisabled();
    await page.keyboard.press('Control+1');
    await expect(list).toBeHidden();
    await expect(app.item(VISIT)).toBeVisible();
    await expect(timelineButton).toHaveAttribute('aria-pressed', 'true');
    await chronologyButton.click();
    await expect(list).toBeVisible();
    // A click on the switch leaves the focus on it.
    await expect(chronologyButton).toBeFocused();
  });

  await test.step('rows sit under year and month headings, with the dates as written', async () => {
    expect(await shownRows(page)).toEqual(SEED_ROWS);
    await expect(page.locator('.chronology-count')).toHaveText('5 events');
    const visit = option(VISIT);
    // Its name is what the row shows, in the order it is seen.
    await expect(visit).toHaveAccessibleName(
      `16 June 2024 ${VISIT} Russia–North Korea relations · scheduled · confirmed · 2 sources · 1 follow-up`,
    );
    await expect(visit).toContainText('Russia–North Korea relations');
    await expect(visit).toContainText('scheduled');
    await expect(visit).toContainText('confirmed');
    await expect(visit).toContainText('2 sources');
    await expect(visit).toContainText('1 follow-up');
    await expect(option(VIETNAM)).toContainText(`Follow-up of “${VISIT}”`);
    await expect(option(VIETNAM)).toContainText('reported');
    await expect(visit.locator('.chronology-swatch')).toHaveCSS(
      'background-color',
      'rgb(46, 111, 186)',
    );
    await app.screenshot('chronology');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('chronology-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('Up, Down, Home and End select; Enter opens the editor', async () => {
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await expect(title).toHaveValue(CAMPAIGN);
    await expect(option(CAMPAIGN)).toHaveAttribute('aria-selected', 'true');
    await expect(list).toHaveAttribute('aria-activedescendant', /^chronology-/);
    await page.keyboard.press('ArrowDown');
    await expect(title).toHaveValue(KIM);
    await page.keyboard.press('End');
    await expect(title).toHaveValue(VISIT);
    await page.keyboard.press('ArrowUp');
    await expect(title).toHaveValue(VIETNAM);
    await page.keyboard.press('Home');
    await expect(title).toHaveValue(CAMPAIGN);
    await page.keyboard.press('ArrowUp');
    await expect(title).toHaveValue(CAMPAIGN);
    await expect(option(KIM)).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('ArrowDown');
    await app.screenshot('chronology-keyboard');
    await page.keyboard.press('Enter');
    await expect(title).toBeFocused();
    await expect(title).toHaveValue(KIM);
  });

  await test.step('the selection is the timeline’s, both ways', async () => {
    await page.keyboard.press('Control+1');
    await expect(app.item(KIM)).toHaveClass(/vis-selected/);
    await app.item(VETO).click();
    await expect(title).toHaveValue(VETO);
    await page.keyboard.press('Control+2');
    await expect(option(VETO)).toHaveAttribute('aria-selected', 'true');
    await expect(option(KIM)).toHaveAttribute('aria-selected', 'false');
    await option(VISIT).click();
    await expect(title).toHaveValue(VISIT);
    await timelineButton.click();
    await expect(app.item(VISIT)).toHaveClass(/vis-selected/);
    await chronologyButton.click();
  });

  await test.step('Delete asks first, then deletes; Undo brings the row back', async () => {
    await option(VETO).click();
    await expect(list).toBeFocused();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(VETO);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(option(VETO)).toHaveCount(0);
    expect(await shownRows(page)).not.toContain('March 2024');
    await expect(page.locator('.chronology-count')).toHaveText('4 events');
    await page.keyboard.press('Control+z');
    await expect(option(VETO)).toHaveCount(1);
    expect(await shownRows(page)).toEqual(SEED_ROWS);
  });

  await test.step('search narrows the rows, and Escape brings them back', async () => {
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('vladimir');
    await expect(list.getByRole('option')).toHaveCount(3);
    expect(await shownRows(page)).toEqual([
      '2023',
      'September 2023',
      `September 2023 | ${KIM}`,
      '2024',
      'June 2024',
      `June 2024 | ${VIETNAM}`,
      `16 June 2024 | ${VISIT}`,
    ]);
    await expect(page.locator('.chronology-count')).toHaveText('3 events');
    // Nothing found: the list says so rather than stand empty.
    await search.fill('vladimir zzz');
    await expect(page.getByText('No events to show.')).toBeVisible();
    await expect(list).toBeHidden();
    await search.fill('vladimir');
    await expect(list.getByRole('option')).toHaveCount(3);
    // The timeline behind the list is drawn again when it comes back, with the same events.
    await page.keyboard.press('Control+1');
    await expect(app.item(VISIT)).toHaveCount(1);
    await expect(app.item(VETO)).toHaveCount(0);
    await page.keyboard.press('Control+2');
    await expect(list.getByRole('option')).toHaveCount(3);
  });

  await test.step('Copy chronology puts the rows shown on the clipboard, as Markdown', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.button('Copy chronology').click();
    await expect(app.status()).toContainText('Copied the chronology: 3 events');
    // (In the built app the text is pasted into the selected event's Description.)
    await option(VISIT).click();
    const copied = await readClipboard(page, shellKind === 'built-app');
    expect(copied).toContain(
      '# Putin visits North Korea, June 2024\n\n## 2023\n\n### September 2023\n',
    );
    expect(copied).toContain(
      `- **16 June 2024**: ${VISIT} (Russia–North Korea relations · scheduled · confirmed)`,
    );
    expect(copied).toContain(`  - Follows up: 16 June 2024: ${VISIT}`);
    // The seed's sources have no address (the unit tests link those that have).
    expect(copied).toContain(
      '  - Source: Seed article: Putin to visit North Korea (Indonesian news report, June 2024)',
    );
    expect(copied).not.toContain(VETO);
    expect(copied).not.toContain(CAMPAIGN);
    // The built app denies pages reading the clipboard (web-rules.ts): the paste above has to do.
    const html =
      shellKind === 'built-app'
        ? '<h3>September 2023</h3>'
        : await page.evaluate(async () => {
            const { clipboard } = (globalThis as unknown as ClipboardGlobals).navigator;
            const [item] = await clipboard.read();
            return item?.types.includes('text/html')
              ? await (await item.getType('text/html')).text()
              : '';
          });
    expect(html).toContain('<h3>September 2023</h3>');
    await page.getByRole('searchbox', { name: 'Search' }).press('Escape');
    await expect(list.getByRole('option')).toHaveCount(5);
  });

  await test.step('Export chronology writes the Markdown and the HTML of the rows shown', async () => {
    await app.button('Export chronology').click();
    await expect(app.status()).toContainText('Exported to');
    await expect
      .poll(async () => (await app.exportedFiles()).sort())
      .toEqual([
        expect.stringMatching(/chronology.*\.html$/),
        expect.stringMatching(/chronology.*\.md$/),
      ]);
    const files = (await app.exportedFiles()).sort();
    const [htmlPath, mdPath] = files.map((file) => join(app.shell.exportsDir, file)) as [
      string,
      string,
    ];
    await expect(app.status()).toHaveText(`Exported to ${mdPath} and ${htmlPath}`);
    const markdown = await readFile(mdPath, 'utf8');
    expect(markdown).toContain(`### March 2024\n\n- **March 2024**: ${VETO} (United Nations`);
    for (const seed of SEED_TITLES) expect(markdown).toContain(seed);
    const html = await readFile(htmlPath, 'utf8');
    expect(html).toContain('<h2>2022</h2>\n<h3>February 2022</h3>');
    expect(html).toContain(`<bdi>${VETO}</bdi> (United Nations · occurred · confirmed)`);
  });

  await test.step('Ctrl+Shift+N adds a follow-up of the selected row', async () => {
    await list.focus();
    await option(CAMPAIGN).click();
    await page.keyboard.press('Control+Shift+N');
    await expect(title).toBeFocused();
    await expect(title).toHaveValue(`Follow-up: ${CAMPAIGN}`);
    const followUp = option(`Follow-up: ${CAMPAIGN}`);
    await expect(followUp).toContainText(`Follow-up of “${CAMPAIGN}”`);
    await expect(followUp).toHaveAttribute('aria-selected', 'true');
    await expect(option(CAMPAIGN)).toContainText('1 follow-up');
    await expect(list.getByRole('option')).toHaveCount(6);
  });

  test.info().annotations.push({ type: 'shell', description: shellKind });
  app.assertNothingWentWrong();
});
