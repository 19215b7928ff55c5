/**
 * User text in the window: shown isolated from the app's own words, so that a right-to-left
 * title or a hidden direction override cannot reorder them; refused in one-line fields when it
 * holds such an override; and cut at the schema's length when a field is given more.
 */
import type { Locator } from '@playwright/test';

import { LIMITS } from '../../src/shared/schema';
import { TYPED_DATE_LENGTH } from '../../src/shared/typed-date';
import { makeDocument, makeEvent, makeLane } from '../../test/builders';
import { expect, test } from './fixtures';

const VISIT = "Putin's state visit to North Korea";

/** "3 detained at the protest": a Hebrew reader reads the 3 first, at the right. */
const HEBREW_TITLE = '3 עצורים בהפגנה';
const ARABIC_LANE = 'دبلوماسية';
const ARABIC_TIMELINE = 'الجدول الزمني للأزمة';

/** What the page functions below see of the DOM (this tsconfig has no DOM types). */
interface PageDom {
  readonly document: {
    createTreeWalker(root: unknown, show: number): { nextNode(): NodeLike | null };
    createRange(): {
      setStart(node: NodeLike, offset: number): void;
      setEnd(node: NodeLike, offset: number): void;
      getBoundingClientRect(): { readonly left: number };
    };
  };
  getComputedStyle(element: unknown): { readonly unicodeBidi: string };
}
interface NodeLike {
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: Iterable<NodeLike>;
}

/**
 * Where each piece of text is drawn: the left edge of its first character, or null when the
 * element's text does not hold it. Text is stored in reading order; this is the order on screen.
 */
async function leftEdges(locator: Locator, pieces: readonly string[]): Promise<(number | null)[]> {
  return locator.evaluate((element, wanted) => {
    const page = globalThis as unknown as PageDom;
    const edges: (number | null)[] = wanted.map(() => null);
    const walker = page.document.createTreeWalker(element, 4 /* text nodes */);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      wanted.forEach((piece, i) => {
        const at = text.indexOf(piece);
        if (at < 0 || edges[i] !== null) return;
        const range = page.document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        edges[i] = range.getBoundingClientRect().left;
      });
    }
    return edges;
  }, pieces);
}

/** The pieces of an element's text in the order they are drawn, from left to right. */
async function drawnOrder(locator: Locator, pieces: readonly string[]): Promise<string[]> {
  const edges = await leftEdges(locator, pieces);
  return pieces
    .map((piece, i) => ({ piece, edge: edges[i] ?? Number.NaN }))
    .sort((a, b) => a.edge - b.edge)
    .map(({ piece }) => piece);
}

/** The CSS unicode-bidi of an element: "isolate" for <bdi> and for dir="auto". */
async function unicodeBidi(locator: Locator): Promise<string> {
  return locator.evaluate(
    (element) => (globalThis as unknown as PageDom).getComputedStyle(element).unicodeBidi,
  );
}

test.describe('a story written in Hebrew and Arabic', () => {
  const story = makeDocument({
    timeline: { title: ARABIC_TIMELINE },
    lanes: [makeLane({ title: ARABIC_LANE })],
    events: [makeEvent({ title: HEBREW_TITLE }), makeEvent({ title: 'Talks resume' })],
  });
  test.use({ initialStoreText: JSON.stringify(story) });

  test('its titles read right to left on the timeline, in the lane labels and the toolbar', async ({
    app,
  }) => {
    const title = app.item(HEBREW_TITLE).locator('.ev-title');
    await expect(title).toHaveAttribute('dir', 'auto');
    expect(await unicodeBidi(title)).toBe('isolate');
    // The 3 comes first in the title: in right-to-left text that is the right end.
    expect(await drawnOrder(title, ['3', 'ע'])).toEqual(['ע', '3']);
    // The native tooltip cannot hold a <bdi>: the title sits between U+2068 and U+2069.
    await expect(app.item(HEBREW_TITLE).locator('.ev-body')).toHaveAttribute(
      'title',
      new RegExp(`^\u2068${HEBREW_TITLE}\u2069\n`),
    );

    const lane = app.page.locator('.lane-title', { hasText: ARABIC_LANE });
    await expect(lane).toHaveAttribute('dir', 'auto');
    expect(await unicodeBidi(lane)).toBe('isolate');
    const heading = app.page.getByRole('heading', { level: 1, name: ARABIC_TIMELINE });
    await expect(heading).toHaveAttribute('dir', 'auto');
    await app.page.screenshot({ path: 'test-results/screenshots/right-to-left-story.png' });
  });

  test("the delete confirmation holds the title in a <bdi>: it cannot reorder the question's words", async ({
    app,
  }) => {
    await app.selectEvent(HEBREW_TITLE);
    await expect(app.field('Title')).toHaveAttribute('dir', 'auto');
    await app.button('Delete event').click();
    const dialog = app.page.getByRole('dialog');
    const heading = dialog.getByRole('heading');
    await expect(heading).toHaveText(`Delete “${HEBREW_TITLE}”?`);
    // The question is ours, the title the user's: three parts, the middle one isolated.
    const parts = await heading.evaluate((element) =>
      [...(element as unknown as NodeLike).childNodes].map((node) => [
        node.nodeName,
        node.textContent,
      ]),
    );
    expect(parts).toEqual([
      ['#text', 'Delete “'],
      ['BDI', HEBREW_TITLE],
      ['#text', '”?'],
    ]);
    expect(await unicodeBidi(heading.locator('bdi'))).toBe('isolate');
    expect(await drawnOrder(heading, ['“', '3', 'ע', '”'])).toEqual(['“', 'ע', '3', '”']);
    await app.page.screenshot({ path: 'test-results/screenshots/delete-right-to-left.png' });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  });
});

test("a file name with a hidden override cannot reverse the status line's words", async ({
  app,
}) => {
  const name = 'invoice\u202Efdp.json';
  const chooser = app.page.waitForEvent('filechooser');
  await app.button('Import').click();
  await (
    await chooser
  ).setFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(await app.stored())),
  });
  const dialog = app.page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText(`Import ${name}`);
  await expect(dialog.getByRole('heading').locator('bdi')).toHaveText(name);
  await expect(app.status()).toHaveText(`Import ${name}: choose Merge or Replace`);
  // Without isolation the override would run on to the end of the line: "ecalpeR ro egreM".
  const words = ['choose', 'Merge', 'Replace'];
  expect(await drawnOrder(app.status(), words)).toEqual(words);
  await app.page.screenshot({ path: 'test-results/screenshots/import-override-file-name.png' });
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
});

test('a refused file that holds an override shows it written out, not applied', async ({ app }) => {
  const chooser = app.page.waitForEvent('filechooser');
  await app.button('Import').click();
  // The parser's message quotes the text around the mistake, override and all.
  const text = '{"format": "timeline-desk", "note": x\u202Esi siht}';
  await (
    await chooser
  ).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const refusal = app.importDialog('broken.json').locator('.import-refusal');
  await expect(refusal).toContainText('x\\u202Esi siht');
  expect(await refusal.textContent()).not.toContain('\u202E');
  await app.page.screenshot({ path: 'test-results/screenshots/import-refused-override.png' });
  await app.importDialog('broken.json').getByRole('button', { name: 'Close', exact: true }).click();
});

test('a one-line field refuses a hidden text-direction character as it is typed; nothing is saved', async ({
  app,
}) => {
  await app.selectEvent(VISIT);
  const before = await app.stored();
  const message =
    'Title contains a hidden text-direction character (U+202E), which can make text read in a misleading order: remove it';

  await app.field('Title').fill('Invoice \u202Efdp.exe');
  await expect(app.field('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.alerts().filter({ hasText: message })).toBeVisible();
  await app.save();
  await expect(app.field('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.alerts().filter({ hasText: message })).toBeVisible();
  await app.page.screenshot({ path: 'test-results/screenshots/direction-character-refused.png' });
  expect(await app.stored()).toEqual(before);

  // The same in a list and in a source; taking the character out takes the message away.
  await app.field('Tags').fill('summit, \u2067leak');
  await expect(app.alerts().filter({ hasText: /^Tags contains .*\(U\+2067\)/ })).toBeVisible();
  await app.field('Tags').fill('summit, leak');
  await expect(app.field('Tags')).not.toHaveAttribute('aria-invalid');
  await app.field('Title').fill('Invoice fdp.exe');
  await expect(app.field('Title')).not.toHaveAttribute('aria-invalid');
  await app.save();
  await expect
    .poll(async () => (await app.storedEvent('Invoice fdp.exe'))?.tags)
    .toEqual(['summit', 'leak']);
});

test("each text field holds at most the schema's limit; a pasted megabyte is cut there", async ({
  app,
}) => {
  await app.selectEvent(VISIT);
  await app.button('Add source').click();
  // A list field holds its entries joined by ", ".
  const list = (entry: number) => LIMITS.listItems * (entry + 2) - 2;
  const limits: Record<string, number> = {
    Title: LIMITS.title,
    // Dates as people type them are longer than the ISO form stored.
    Start: TYPED_DATE_LENGTH,
    End: TYPED_DATE_LENGTH,
    Description: LIMITS.description,
    Tags: list(LIMITS.tag),
    Actors: list(LIMITS.actor),
    Location: LIMITS.shortText,
  };
  const sources = (await app.stored()).events.find((event) => event.title === VISIT)!.sources;
  const n = sources.length + 1;
  Object.assign(limits, {
    [`Source ${n} title`]: LIMITS.shortText,
    [`Source ${n} URL`]: LIMITS.url,
    [`Source ${n} publisher`]: LIMITS.shortText,
    [`Source ${n} published`]: TYPED_DATE_LENGTH,
    [`Source ${n} quote`]: LIMITS.description,
    [`Source ${n} language`]: LIMITS.language,
  });
  // Every text field of the editor says how long it may be, and those named here say the limit.
  const fields = app.page.locator('.editor').locator('input, textarea');
  await expect(fields).toHaveCount(Object.keys(limits).length + 6 * sources.length);
  await expect(fields.and(app.page.locator('[maxlength]'))).toHaveCount(await fields.count());
  for (const [label, limit] of Object.entries(limits)) {
    await expect(app.field(label), label).toHaveAttribute('maxlength', String(limit));
  }

  const description = app.field('Description');
  await description.fill('');
  await app.page.keyboard.insertText('x'.repeat(1024 * 1024));
  await expect(description).toHaveValue('x'.repeat(LIMITS.description));
});
