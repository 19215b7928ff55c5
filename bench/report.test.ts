import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { gestureStats, percentile } from './frame-stats';
import type { Measurement } from './measurement';
import { rendererMeasurements } from './renderer-metrics';
import { type BenchResults, consoleTable, tableRows, updateDocs, verdict } from './report';
import { smokeProblems } from './smoke-check';

const measure = (overrides: Partial<Measurement>): Measurement => ({
  name: 'renderer.ready',
  events: 10_000,
  value: 400,
  unit: 'ms',
  budget: 500,
  peers: {},
  ...overrides,
});

describe('frame figures', () => {
  it('takes the nearest-rank percentile: a value some frame really had', () => {
    expect(percentile([], 95)).toBeNull();
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, n) => n + 1),
        95,
      ),
    ).toBe(95);
  });

  it('counts only the long tasks that began within the gesture', () => {
    const stats = gestureStats(
      {
        frames: [
          { end: 10, work: 4 },
          { end: 20, work: 30 },
        ],
        longTasks: [
          { start: 5, duration: 400 },
          { start: 150, duration: 80 },
          { start: 120, duration: 60 },
        ],
        inputs: 7,
      },
      { start: 100, end: 200 },
    );
    expect(stats).toEqual({ frames: 2, inputs: 7, p50: 4, p95: 30, longTasks: 2, longestTask: 80 });
  });
});

describe('the table', () => {
  it('passes, fails or skips against the budget', () => {
    expect(verdict(measure({}))).toBe('pass');
    expect(verdict(measure({ value: 501 }))).toBe('FAIL');
    expect(verdict(measure({ value: null }))).toBe('FAIL');
    expect(verdict(measure({ budget: null }))).toBe('');
    expect(verdict(measure({ value: null, skipped: 'no Electron' }))).toBe('skipped');
  });

  it('puts each peer beside ours with its figure divided by ours', () => {
    const rows = tableRows([
      measure({
        peers: {
          vis: { value: 1_000, status: 'ok' },
          TimelineJS: { value: null, status: 'not-finished', limitMs: 60_000 },
        },
      }),
    ]);
    expect(rows[0]).toEqual([
      'Measurement',
      'Events',
      'Ours',
      'Budget',
      'Verdict',
      'vis',
      '÷ ours',
      'TimelineJS',
      '÷ ours',
      'Notes',
    ]);
    expect(rows[1]).toEqual([
      'renderer.ready',
      '10,000',
      '400 ms',
      '≤ 500 ms',
      'pass',
      '1,000 ms',
      '2.5×',
      'not finished in 60 s',
      '',
      '',
    ]);
    expect(consoleTable([measure({})])).toContain('renderer.ready  10,000  400 ms');
    const faster = measure({ peers: { vis: { value: 12, status: 'ok' } } });
    expect(tableRows([faster])[1]![6]).toBe('0.03×');
  });

  it('shows our figure as not finished, and no ratio, when we ran out of time', () => {
    const ours = new Map([
      ['ready', { value: null, status: 'not-finished', limitMs: 60_000 }],
    ] as const);
    const peers = new Map([['vis', new Map([['ready', { value: 900, status: 'ok' }]] as const)]]);
    const [m] = rendererMeasurements(100_000, ours, peers);
    expect(m).toMatchObject({ value: null, budget: 3_000, note: 'did not finish in 60 s' });
    expect(tableRows([m!])[1]!.slice(2, 7)).toEqual([
      'not finished',
      '≤ 3,000 ms',
      'FAIL',
      '900 ms',
      '',
    ]);
  });

  it('rewrites only the part of the docs between the markers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
    const path = join(dir, 'benchmarks.md');
    const start = '<!-- bench-table:start (written by npm run bench; do not edit by hand) -->';
    await writeFile(path, `# Before\n\n${start}\nold table\n<!-- bench-table:end -->\nAfter\n`);
    const results: BenchResults = {
      run: {
        date: '2026-01-02T03:04:05.000Z',
        command: 'npm run bench',
        durationMs: 400_000,
        machine: {
          os: 'Linux 6',
          cpus: [{ model: 'CPU', count: 2, mhz: 2000 }],
          memoryBytes: 2 ** 33,
          loadAverage: { start: 1.5, end: 2 },
        },
        node: 'v20',
        chromium: '156',
        sizes: [1_000],
        limits: { readyMs: 60_000, stepMs: 30_000, panMs: 2_000 },
      },
      measurements: [measure({ value: 600 })],
    };
    await updateDocs(results, path);
    const text = await readFile(path, 'utf8');
    await rm(dir, { recursive: true, force: true });
    expect(text.startsWith('# Before\n')).toBe(true);
    expect(text.endsWith('<!-- bench-table:end -->\nAfter\n')).toBe(true);
    expect(text).not.toContain('old table');
    expect(text).toContain('1 figure over budget.');
    expect(text).toContain('load average 1.5 at the start, 2.0 at the end');
    expect(text).toContain('### 10,000 events\n\n| Measurement |');
    expect(text).toContain('| renderer.ready | 10,000 | 600 ms | ≤ 500 ms | FAIL |');
  });
});

describe('what breaks a run', () => {
  it('is a figure that failed, is not finite or draws nothing; slow is not broken', () => {
    expect(
      smokeProblems([measure({ value: null, note: 'did not finish in 60 s' })], false),
    ).toEqual([]);
    expect(
      smokeProblems([measure({ value: null, note: 'did not finish in 60 s' })], true),
    ).toHaveLength(1);
    expect(
      smokeProblems([measure({ value: null, note: 'failed: no 2024 on the axis' })], false),
    ).toHaveLength(1);
    expect(smokeProblems([measure({ value: Number.NaN })], false)).toHaveLength(1);
    expect(
      smokeProblems([measure({ name: 'renderer.items', value: 0, unit: 'elements' })], false),
    ).toHaveLength(1);
    const peer = { value: null, status: 'not-finished', note: 'failed: page error' } as const;
    expect(smokeProblems([measure({ peers: { vis: peer } })], false)).toHaveLength(1);
    expect(smokeProblems([measure({ value: null, skipped: 'no Electron' })], true)).toEqual([]);
  });
});
