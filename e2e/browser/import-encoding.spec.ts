/**
 * Import reads text files honestly (issue 15): a Windows-1252 CSV from Excel keeps its accents and
 * the preview says how it was read; a UTF-16 file with a byte order mark imports as text.
 */
import { writeFile } from 'node:fs/promises';

import type { TestInfo } from '@playwright/test';

import type { AppDriver } from './app-driver';
import { expect, test } from './fixtures';

const WINDOWS_1252_NOTE = 'Read as Windows-1252: check accented letters';

/**
 * A CSV as Excel saves it on Western Windows: é is 0xE9, ü 0xFC, € 0x80, none of them UTF-8.
 * ('latin1' writes each character below U+0100 as the byte of its code point.)
 */
const WINDOWS_1252_CSV = Buffer.concat([
  Buffer.from(
    'id,title,start,description\n,Caf\xe9 in M\xfcnchen,2024-06-19,Tickets cost 5 ',
    'latin1',
  ),
  Buffer.from([0x80]),
  Buffer.from('\n', 'latin1'),
]);

/** As Notepad's "Unicode" (UTF-16 LE) save writes it: the mark FF FE, then two bytes a unit. */
const UTF_16_CSV = Buffer.from(
  '\ufeffid,title,start\n,"Talks in Αθήνα, then 北京",2024-06-20\n',
  'utf16le',
);

/** Writes the bytes to a file of the test's own, and returns its path. */
async function bytesFile(testInfo: TestInfo, name: string, bytes: Buffer): Promise<string> {
  const path = testInfo.outputPath(name);
  await writeFile(path, bytes);
  return path;
}

async function merge(app: AppDriver, fileName: string, title: string): Promise<void> {
  await app.answerImport(fileName, 'Merge');
  await expect(app.status()).toHaveText('Imported 1 event: 1 new, 0 changed');
  await app.button('Fit').click();
  await expect(app.item(title)).toBeVisible();
}

test('a Windows-1252 CSV from Excel keeps its accents, and the preview says how it was read', async ({
  app,
}, testInfo) => {
  await app.chooseImportFile(await bytesFile(testInfo, 'excel.csv', WINDOWS_1252_CSV));
  expect(await app.importPreview('excel.csv')).toMatchObject({ Format: 'CSV', 'New events': '1' });
  await expect(app.importDialog('excel.csv').getByRole('note')).toHaveText(WINDOWS_1252_NOTE);
  await app.screenshot('import-encoding-note');

  await merge(app, 'excel.csv', 'Café in München');
  const stored = await app.stored();
  expect(stored.events.find((event) => event.title === 'Café in München')).toMatchObject({
    description: 'Tickets cost 5 €',
  });
  expect(JSON.stringify(stored)).not.toContain('\uFFFD');
});

test('a UTF-16 CSV with a byte order mark imports as text, and the preview says so', async ({
  app,
}, testInfo) => {
  await app.chooseImportFile(await bytesFile(testInfo, 'notepad.csv', UTF_16_CSV));
  expect(await app.importPreview('notepad.csv')).toMatchObject({ 'New events': '1' });
  await expect(app.importDialog('notepad.csv').getByRole('note')).toHaveText('Read as UTF-16');
  await merge(app, 'notepad.csv', 'Talks in Αθήνα, then 北京');
});

test('a Windows-1252 CSV the system opens says how it was read too', async ({
  app,
  launched,
}, testInfo) => {
  if (launched === null) return test.skip(true, 'Only the built app has files the system opens');
  await launched.app.openFile(await bytesFile(testInfo, 'opened.csv', WINDOWS_1252_CSV));
  await expect(app.importDialog('opened.csv').getByRole('note')).toHaveText(WINDOWS_1252_NOTE);
  await merge(app, 'opened.csv', 'Café in München');
});
