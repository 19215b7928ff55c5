import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, it } from 'vitest';

import { useTempDirs } from '../../../test/temp-dir';
import { readStoreFile } from './store-file';
import { STORE_FILE_NAME } from './timeline-repository';

const tempDir = useTempDirs();
const LOOP = join(import.meta.dirname, '../../../test/fixtures/write-loop.ts');

/** Starts the write loop and kills it (SIGKILL, no clean-up) a while after its first write. */
async function runAndKill(dataDir: string, killAfterMs: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, dataDir], {
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
