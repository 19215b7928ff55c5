import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { readdir, readFile, realpath, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import type { Readable, Writable } from 'node:stream';

import { afterEach, describe, expect, it } from 'vitest';

import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { makeReadOnly, makeWritable } from '../../../test/read-only-folder';
import { useTempDirs } from '../../../test/temp-dir';
import { type AppServices, startAppServices } from '../app-services';
import { DESK_FILE } from './desk-folder';
import { DataFolderInUseError, LOCK_FILE_NAME } from './folder-lock';
import { STORE_FILE_NAME } from './timeline-repository';

const tempDir = useTempDirs();
const HOLD = join(import.meta.dirname, '../../../test/fixtures/hold-folder.ts');
const opened: AppServices[] = [];
const holders: Holder[] = [];
// Registered after useTempDirs, so these run first: nothing holds a folder when it goes.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((services) => services.close()));
  await Promise.all(holders.splice(0).map((holder) => holder.stop('SIGKILL')));
});

/** Opens the services here, as a second copy of the app would. */
async function open(dataDir: string): Promise<AppServices> {
  const services = await startAppServices({
    dataDir,
    writeDelayMs: 1,
    host: { chooseExportPath: async () => null },
  });
  opened.push(services);
  return services;
}

interface Holder {
  readonly pid: number;
  /** Adds an event in the holder and waits until it is on disk. */
  add(title: string): Promise<void>;
  /** Signals the holder and resolves with its exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Another process (node with tsx) that opens the services on `dataDir` and keeps them. */
async function holdFolder(dataDir: string): Promise<Holder> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn(
    process.execPath,
    ['--import', 'tsx', HOLD, dataDir],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const printed = (text: string) =>
    new Promise<void>((done, failed) => {
      const check = () => {
        if (output.includes(text)) done();
      };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      check();
      void exited.then((code) => failed(new Error(`holder exited (${code}): ${output}`)));
    });
  await printed('READY');
  const holder: Holder = {
    pid: child.pid ?? -1,
    add: async (title: string) => {
      child.stdin.write(`add ${title}\n`);
      await printed(`SAVED ${title}`);
    },
    stop: async (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  holders.push(holder);
  return holder;
}

/** Every file of the folder (not below it) with its bytes. */
/** Every file under `dir` (the desk and its stories), by path, with its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) files[name] = (await readFile(path)).toString('hex');
  }
  return files;
}

async function refusal(dataDir: string): Promise<DataFolderInUseError> {
  const error: unknown = await open(dataDir).then(
    () => new Error('The second opener was let in'),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DataFolderInUseError)) throw error;
  return error;
}

const storeTitles = async (dataDir: string): Promise<string[]> => {
  const document = await storeOnDisk(dataDir);
  return document.events.map((event) => event.title);
};

describe('one writer per data folder', () => {
  it('refuses a second opener, naming the folder and the process, and changes nothing', async () => {
    const dir = await tempDir();
    const holder = await holdFolder(dir);
    const before = await snapshot(dir);
    expect(Object.keys(before)).toContain(DESK_FILE);
    expect(Object.keys(before).filter((name) => name.endsWith(STORE_FILE_NAME))).toHaveLength(1);

    const error = await refusal(dir);
    expect(error.message).toBe(
      `Timeline Desk is already open on this data folder (${await realpath(dir)}, process ` +
        `${holder.pid}). Close it first, or start with --data-dir and another folder.`,
    );
    expect(await snapshot(dir)).toEqual(before);
    // The first copy still owns the folder: what it saves is there.
    await holder.add('Saved by the first copy');
    expect(await storeTitles(dir)).toContain('Saved by the first copy');
  }, 30_000);

  it('is the same lock through a symlink, a relative path or a trailing slash', async () => {
    const dir = await tempDir();
    const link = join(await tempDir(), 'desk-link');
    await symlink(dir, link);
    await holdFolder(link);
    const before = await snapshot(dir);
    for (const path of [dir, `${dir}/`, relative(process.cwd(), dir), `${link}/`]) {
      expect((await refusal(path)).folder, path).toBe(await realpath(dir));
    }
    expect(await snapshot(dir)).toEqual(before);
  }, 30_000);

  it('takes over the lock of a holder that crashed, and drops it on a clean close', async () => {
    const dir = await tempDir();
    const holder = await holdFolder(dir);
    await holder.add('Before the crash');
    await holder.stop('SIGKILL');
    expect(await readdir(dir)).toContain(LOCK_FILE_NAME);

    const services = await open(dir);
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')) as unknown;
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname() });
    const result = await services.dispatch('getTimeline', undefined);
    expect(result.ok && result.value.document.events.map((event) => event.title)).toContain(
      'Before the crash',
    );
    await services.close();
    expect(await readdir(dir)).not.toContain(LOCK_FILE_NAME);
  }, 30_000);

  it('lets the folder go when the holder closes cleanly (a quit, Ctrl+C on the preview)', async () => {
    const dir = await tempDir();
    const holder = await holdFolder(dir);
    await refusal(dir);
    expect(await holder.stop('SIGTERM')).toBe(0);
    expect(await readdir(dir)).not.toContain(LOCK_FILE_NAME);
    await open(dir);
  }, 30_000);

  it('respects a lock from another host, and says how to clear it', async () => {
    const dir = await tempDir();
    const lock = { pid: 4242, hostname: 'newsroom-laptop-7', startedAt: '2026-01-02T03:04:05Z' };
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify(lock));
    const error = await refusal(dir);
    expect(error.message).toContain(`(${await realpath(dir)}, process 4242 on newsroom-laptop-7)`);
    expect(error.message).toContain(`delete ${join(await realpath(dir), LOCK_FILE_NAME)}`);
    expect(await readdir(dir)).toEqual([LOCK_FILE_NAME]);
  });

  it('takes over a lock with this pid that this process does not hold (a pid used again)', async () => {
    const dir = await tempDir();
    const lock = { pid: process.pid, hostname: hostname(), startedAt: '2026-01-02T03:04:05Z' };
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify(lock));
    await open(dir);
    // But the same process opening the folder twice is refused.
    expect((await refusal(dir)).holder?.pid).toBe(process.pid);
  });

  it('waits out a lock file still being written, and takes over one a crash left empty', async () => {
    const dir = await tempDir();
    const lockPath = join(dir, LOCK_FILE_NAME);
    await writeFile(lockPath, '');
    expect((await refusal(dir)).holder).toBeNull();
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, minuteAgo, minuteAgo);
    await open(dir);
  });

  it('opens a read-only folder without a lock (nothing can be saved there)', async () => {
    const dir = await tempDir();
    await (await open(dir)).close();
    opened.splice(0);
    await makeReadOnly(dir);
    try {
      const services = await open(dir);
      const result = await services.dispatch('getTimeline', undefined);
      expect(result.ok && result.value.notices.join(' ')).toContain('is read-only');
    } finally {
      await Promise.all(opened.splice(0).map((services) => services.close().catch(() => {})));
      await makeWritable(dir);
    }
  });
});
