/**
 * Crash tests: the real service process is killed (SIGKILL, no clean-up) at random moments
 * while it edits, and after each kill the store must open, validate and hold every change the
 * process had acknowledged (whenSaved() resolved). The number of kills is CRASH_KILLS (40 by
 * default, so npm test stays quick); the full run of the issue is
 *   CRASH_KILLS=1000 npx vitest run src/main/store/crash.test.ts
 * (about 12 minutes on 2 cores). CRASH_SEED picks other kill moments and edits.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  digestOf,
  readTimeline,
  seededRandom,
  type StreamEdit,
} from '../../../test/fixtures/edit-stream-model';
import { checkKills, type KillRun } from '../../../test/fixtures/kill-check';
import { storeOnDisk, storyFolder } from '../../../test/fixtures/on-disk';
import { bundleForNode } from '../../../test/fixtures/plain-node';
import { useTempDirs } from '../../../test/temp-dir';
import { TimelineDocumentSchema } from '../../shared/schema';
import { startAppServices } from '../app-services';
import { sortBackups } from './backup-schedule';
import { BACKUP_DIR_NAME } from './backups';
import { listJournals, readJournal } from './journal';
import { readStoreFile } from './store-file';

const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const KILLS = Number(process.env.CRASH_KILLS ?? 40);
const SEED = Number(process.env.CRASH_SEED ?? 1);

let bundleDir = '';
let editStream = '';
beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'timeline-desk-crash-'));
  editStream = await bundleForNode(join(FIXTURES, 'edit-stream.ts'), bundleDir);
}, 60_000);
afterAll(() => rm(bundleDir, { recursive: true, force: true }));

/**
 * Runs a process until it prints READY, kills it `killAfterMs` later, and returns the complete
 * lines it printed (a line cut by the kill is left out) and what it wrote to stderr.
 */
async function runAndKill(command: readonly string[], killAfterMs: number) {
  const [file = '', ...args] = command;
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stderr = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) ready();
    });
    void exited.then(() => failed(new Error(`exited early: ${output.slice(-500)}${stderr}`)));
  });
  if (killAfterMs > 0) await new Promise((wait) => setTimeout(wait, killAfterMs));
  child.kill('SIGKILL');
  await exited;
  return { lines: output.split('\n').slice(0, -1), stderr };
}

/** The timeline as the next start reads it, checked, and how many journal lines were damaged. */
async function readDisk(dataDir: string) {
  const document = TimelineDocumentSchema.parse(await storeOnDisk(dataDir));
  let damagedLines = 0;
  for (const file of await listJournals(await storyFolder(dataDir))) {
    damagedLines += (await readJournal(file.path)).damagedLines;
  }
  return { document, damagedLines };
}

/** Kill moments spread widely: at READY (a background snapshot under way), mid-burst, later. */
function killMoment(random: () => number): number {
  const roll = random();
  if (roll < 0.15) return 0;
  return random() * (roll < 0.5 ? 30 : 300);
}

function parseRun(lines: readonly string[]): Omit<KillRun, 'disk'> {
  const edits: StreamEdit[] = [];
  let ackedThrough: number | null = null;
  let ready: { notices: string[]; digest: string } = { notices: [], digest: '' };
  for (const line of lines) {
    const [tag, k, op, c] = line.split(' ');
    if (tag === 'READY') ready = JSON.parse(line.slice('READY '.length));
    else if (tag === 'ACK') ackedThrough = Number(k);
    else if (tag === 'EDIT' && op === 'create') edits.push({ k: Number(k), op });
    else if (tag === 'EDIT' && (op === 'update' || op === 'delete')) {
      edits.push({ k: Number(k), op, c: Number(c) });
    } else throw new Error(`unexpected line from the edit stream: ${line}`);
  }
  return { edits, ackedThrough, notices: ready.notices, openedDigest: ready.digest };
}

it(
  'loses no acknowledged edit however often the service process is killed',
  async () => {
    const dataDir = await tempDir();
    const random = seededRandom(SEED);
    const check = checkKills();
    let next = 1;
    for (let kill = 0; kill < KILLS; kill++) {
      const command = [
        process.execPath,
        editStream,
        dataDir,
        String(next),
        String(SEED * 1e6 + kill),
      ];
      const { lines, stderr } = await runAndKill(command, killMoment(random));
      const run = parseRun(lines);
      const disk = await readDisk(dataDir);
      check.add({ ...run, disk: disk.document }, [
        ...(stderr === '' ? [] : [`the process wrote to stderr: ${stderr.slice(0, 500)}`]),
        ...(disk.damagedLines === 0 ? [] : [`${disk.damagedLines} damaged journal lines`]),
      ]);
      next = (run.edits.at(-1)?.k ?? next - 1) + 1;
    }
    // The last kill's store, opened here by the real services.
    const services = await startAppServices({
      dataDir,
      host: { chooseExportPath: async () => null },
    });
    const opened = await services.dispatch('getTimeline', undefined);
    await services.close();
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.notices).toEqual([]);
    expect(digestOf(opened.value.document)).toBe(check.lastDigest());
    expect(readTimeline(opened.value.document).projection.size).toBeGreaterThan(0);
    expect((await readdir(dataDir)).filter((name) => /damaged|unused/.test(name))).toEqual([]);

    const totals = check.totals();
    console.log(
      `crash test: ${totals.kills} kills, ${totals.lost} acknowledged changes lost ` +
        `(${totals.acked} acks checked; ${totals.edits} edits dispatched, ${totals.durableUnacked} ` +
        `of them on disk unacknowledged, ${totals.events} stream events at the end)`,
    );
    expect(totals.problems.slice(0, 10)).toEqual([]);
    expect(totals.lost).toBe(0);
    expect(totals.kills).toBe(KILLS);
    expect(totals.acked).toBeGreaterThan(KILLS);
  },
  60_000 + KILLS * 5000,
);

it('leaves a valid store and a valid newest backup however a backing-up process is killed', async () => {
  const dir = await tempDir();
  const loop = join(FIXTURES, 'backup-write-loop.ts');
  let previousCount = 0;
  for (const killAfterMs of [53, 9, 197, 88, 131]) {
    const { lines } = await runAndKill(
      [process.execPath, '--import', 'tsx', loop, dir],
      killAfterMs,
    );
    expect(lines.join('\n'), 'the store was found damaged on reopening').not.toContain('NOTICE');
    const { document, damagedLines } = await readDisk(dir);
    expect(damagedLines).toBe(0);
    expect(document.events.length).toBeGreaterThanOrEqual(previousCount);
    previousCount = document.events.length;

    const backups = sortBackups(await readdir(join(dir, BACKUP_DIR_NAME)));
    expect(backups.length).toBeGreaterThan(0);
    expect(backups.length).toBeLessThanOrEqual(17);
    const newest = await readStoreFile(join(dir, BACKUP_DIR_NAME, backups[0]!.id));
    expect(newest, `newest backup ${backups[0]!.id}`).toMatchObject({ kind: 'valid' });
    if (newest.kind !== 'valid') return;
    // A backup is never ahead of the store it copies.
    expect(newest.document.events.length).toBeLessThanOrEqual(document.events.length);
  }
  expect(previousCount).toBeGreaterThan(5);
}, 60_000);
