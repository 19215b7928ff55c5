import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../test/temp-dir';
import { seedDocument } from '../app-services';
import { type FileText, nodeWriteOps, writeFileAtomic, type WriteOps } from './atomic-write';
import { openTimelineRepository, STORE_FILE_NAME } from './timeline-repository';

const tempDir = useTempDirs();

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((done) => child.on('exit', done));
  return child.pid ?? -1;
}

describe("the store's temp files", () => {
  it('are never shared by two writes in flight, so both land whole', async () => {
    const dir = await tempDir();
    const path = join(dir, STORE_FILE_NAME);
    const temps: string[] = [];
    let bothStarted: () => void = () => undefined;
    const started = new Promise<void>((done) => (bothStarted = done));
    // Each write's temp file is half written when the other starts.
    const ops: WriteOps = {
      writeFile: async (temp: string, text: FileText) => {
        temps.push(temp);
        await writeFile(temp, typeof text === 'string' ? text.slice(0, 10) : '');
        if (temps.length === 2) bothStarted();
        await started;
        await nodeWriteOps.writeFile(temp, text);
      },
      rename: nodeWriteOps.rename,
    };
    const first = 'first '.repeat(50_000);
    const second = 'second '.repeat(50_000);
    await Promise.all([
      writeFileAtomic(path, first, { ops }),
      writeFileAtomic(path, second, { ops }),
    ]);
    expect(new Set(temps).size).toBe(2);
    expect([first, second]).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual([STORE_FILE_NAME]);
  });

  it('that dead writers left are cleared when the store opens, and nothing else', async () => {
    const dir = await tempDir();
    const dead = await deadPid();
    const leftovers = [
      `.timeline.json.${dead}.3.tmp`,
      // The one shared name of earlier versions.
      '.timeline.json.tmp',
      // This process is writing none: an earlier process with the same pid left it.
      `.timeline.json.${process.pid}.999999.tmp`,
    ];
    const kept = [
      // A live writer's (the test runner that started this worker).
      `.timeline.json.${process.ppid}.1.tmp`,
      `.notes.json.${dead}.1.tmp`,
      'timeline.json.tmp',
      'draft.tmp',
    ];
    for (const name of [...leftovers, ...kept]) await writeFile(join(dir, name), 'half');
    const { repository } = await openTimelineRepository({ dataDir: dir, seed: seedDocument });
    await repository.close();
    expect((await readdir(dir)).sort()).toEqual([...kept, STORE_FILE_NAME, 'backups'].sort());
  });
});
