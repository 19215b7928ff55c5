/**
 * One writer per data folder, as a user meets it: the browser preview holds a folder, and the
 * built app started on it says so in an error box and exits 1, leaving the store as it was.
 * (Two copies of the app on one folder are stopped earlier, by Electron's single-instance lock.)
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

import { storeFileOf } from '../../test/fixtures/on-disk';
import { expect, test } from './fixtures';

/** `npm run preview -- --data-dir DIR` as its own process; resolves once it serves. */
async function startPreview(dataDir: string): Promise<ChildProcessByStdio<null, Readable, null>> {
  const preview = spawn(
    process.execPath,
    ['--import', 'tsx', 'e2e/harness/cli.ts', '--port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  await new Promise<void>((ready, failed) => {
    preview.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Store:')) ready();
    });
    preview.on('exit', (code) => failed(new Error(`The preview ended (${code}): ${output}`)));
  });
  return preview;
}

test('the app will not open a data folder the preview holds: an error box, exit 1, nothing changed', async ({
  start,
  dataDir,
}) => {
  const preview = await startPreview(dataDir);
  const previewEnded = new Promise((done) => preview.on('exit', done));
  try {
    const store = await storeFileOf(dataDir);
    const lock = join(dataDir, 'timeline.lock');
    const before = [await readFile(store), await readFile(lock)];

    const { app } = await start();
    expect(await app.exited).toBe(1);
    expect(app.log()).toContain(
      '[stand-in] error box: Timeline Desk could not open its data\n' +
        `Timeline Desk is already open on this data folder (${await realpath(dataDir)}, process ` +
        `${preview.pid}). Close it first, or start with --data-dir and another folder.`,
    );
    expect([await readFile(store), await readFile(lock)]).toEqual(before);
  } finally {
    preview.kill('SIGTERM');
    await previewEnded;
  }
});
