import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, it } from 'vitest';

import { useTempDirs } from '../../../test/temp-dir';
import { sortBackups } from './backup-schedule';
import { BACKUP_DIR_NAME } from './backups';
import { readStoreFile } from './store-file';
import { STORE_FILE_NAME } from './timeline-repository';

const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const LOOP = join(FIXTURES, 'write-loop.ts');
const BACKUP_LOOP = join(FIXTURES, 'backup-write-loop.ts');

/** Starts a write loop and kills it (SIGKILL, no clean-up) a while after its first write. */
async function runAndKill(dataDir: string, killAfterMs: number, loop = LOOP): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', loop, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) ready();
    });
    child.on('exit', (code) => failed(new Error(`write loop exited early (${code}): ${output}`)));
  });
  await new Promise((wait) => setTimeout(wait, killAfterMs));
  const exited = new Promise((done) => child.on('exit', done));
  child.kill('SIGKILL');
  await exited;
  return output;
}

it('leaves a valid store however a writing process is killed', async () => {
  const dir = await tempDir();
  let previousCount = 0;
  // Fixed pseudo-random kill moments, so a failure can be reproduced.
  for (const killAfterMs of [37, 113, 5, 241, 71, 160]) {
    const output = await runAndKill(dir, killAfterMs);
    expect(output, 'the store was found damaged on reopening').not.toContain('NOTICE');
    const state = await readStoreFile(join(dir, STORE_FILE_NAME));
    expect(state).toMatchObject({ kind: 'valid' });
    if (state.kind !== 'valid') return;
    // Writes from before each kill survive: the store only grows.
    expect(state.document.events.length).toBeGreaterThanOrEqual(previousCount);
    previousCount = state.document.events.length;
  }
  expect(previousCount).toBeGreaterThan(5);
  expect((await readdir(dir)).filter((name) => name.includes('.damaged-'))).toEqual([]);
}, 60_000);

it('leaves a valid store and a valid newest backup however a backing-up process is killed', async () => {
  const dir = await tempDir();
  let previousCount = 0;
  for (const killAfterMs of [53, 9, 197, 88, 131]) {
    const output = await runAndKill(dir, killAfterMs, BACKUP_LOOP);
    expect(output, 'the store was found damaged on reopening').not.toContain('NOTICE');
    const state = await readStoreFile(join(dir, STORE_FILE_NAME));
    expect(state).toMatchObject({ kind: 'valid' });
    if (state.kind !== 'valid') return;
    expect(state.document.events.length).toBeGreaterThanOrEqual(previousCount);
    previousCount = state.document.events.length;

    const backups = sortBackups(await readdir(join(dir, BACKUP_DIR_NAME)));
    expect(backups.length).toBeGreaterThan(0);
    expect(backups.length).toBeLessThanOrEqual(17);
    const newest = await readStoreFile(join(dir, BACKUP_DIR_NAME, backups[0]!.id));
    expect(newest, `newest backup ${backups[0]!.id}`).toMatchObject({ kind: 'valid' });
    if (newest.kind !== 'valid') return;
    // A backup is never ahead of the store it copies.
    expect(newest.document.events.length).toBeLessThanOrEqual(state.document.events.length);
  }
  expect(previousCount).toBeGreaterThan(5);
}, 60_000);
