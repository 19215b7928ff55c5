/**
 * The bench's output: the table (ours, budget, verdict, each peer and its ratio to ours) for the
 * console and for docs/benchmarks.md, and bench/results.json with the run's metadata. Run on its
 * own (`npm run bench:report`) it rebuilds the docs table from bench/results.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import type { Measurement, PeerValue, Unit } from './measurement';

export const RESULTS_PATH = 'bench/results.json';
export const DOCS_PATH = 'docs/benchmarks.md';
const START = '<!-- bench-table:start (written by npm run bench; do not edit by hand) -->';
const END = '<!-- bench-table:end -->';

export interface RunInfo {
  readonly date: string;
  readonly command: string;
  readonly durationMs: number;
  readonly machine: {
    readonly os: string;
    readonly cpus: readonly {
      readonly model: string;
      readonly count: number;
      readonly mhz: number;
    }[];
    readonly memoryBytes: number;
    /** The one-minute load average at the start and the end of the run. */
    readonly loadAverage: { readonly start: number; readonly end: number };
  };
  readonly node: string;
  readonly chromium: string;
  readonly sizes: readonly number[];
  readonly limits: { readonly readyMs: number; readonly stepMs: number; readonly panMs: number };
}

export interface BenchResults {
  readonly run: RunInfo;
  readonly measurements: readonly Measurement[];
}

export type Verdict = 'pass' | 'FAIL' | 'skipped' | '';

export function verdict(m: Measurement): Verdict {
  if (m.skipped !== undefined) return 'skipped';
  if (m.budget === null) return '';
  return m.value !== null && m.value <= m.budget ? 'pass' : 'FAIL';
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en')} ms`;
    case 'bytes':
      return `${(value / 1_000_000).toFixed(1)} MB`;
    default:
      return Math.round(value).toLocaleString('en');
  }
}

/** A figure there is not: the step after one that ran out of time, a tool not run at a size. */
function missing(note: string | undefined): string {
  if (note?.includes('not reached')) return 'not reached';
  return note?.includes('not run') ? 'not run' : 'not finished';
}

function oursCell(m: Measurement): string {
  if (m.skipped !== undefined) return 'skipped';
  return m.value === null ? missing(m.note) : formatValue(m.value, m.unit);
}

function peerCell(peer: PeerValue | undefined, unit: Unit): string {
  if (!peer) return '';
  if (peer.status === 'not-applicable') return 'n/a';
  if (peer.status === 'ok' && peer.value !== null) return formatValue(peer.value, unit);
  if (peer.limitMs !== undefined) return `not finished in ${peer.limitMs / 1000} s`;
  return missing(peer.note);
}

/** How many times ours the peer's figure is (every figure here is better lower). */
function ratioCell(m: Measurement, peer: PeerValue | undefined): string {
  if (!peer || peer.status !== 'ok' || peer.value === null || m.value === null) return '';
  if (m.value <= 0 || peer.value <= 0) return '';
  const ratio = peer.value / m.value;
  if (ratio >= 10) return `${Math.round(ratio).toLocaleString('en')}×`;
  return `${ratio.toFixed(ratio >= 1 ? 1 : 2)}×`;
}

export function peerNames(measurements: readonly Measurement[]): string[] {
  return [...new Set(measurements.flatMap((m) => Object.keys(m.peers)))];
}

/** Header and rows of the table; a peer's ratio is its figure divided by ours. */
export function tableRows(measurements: readonly Measurement[]): string[][] {
  const peers = peerNames(measurements);
  const header = ['Measurement', 'Events', 'Ours', 'Budget', 'Verdict'];
  for (const peer of peers) header.push(peer, '÷ ours');
  header.push('Notes');
  const rows = measurements.map((m) => {
    const budget = m.budget === null ? '' : `≤ ${formatValue(m.budget, m.unit)}`;
    const row = [m.name, m.events.toLocaleString('en'), oursCell(m), budget, verdict(m)];
    for (const peer of peers)
      row.push(peerCell(m.peers[peer], m.unit), ratioCell(m, m.peers[peer]));
    row.push(m.skipped ?? m.note ?? '');
    return row;
  });
  return [header, ...rows];
}

/** The table as aligned text for the console. */
export function consoleTable(measurements: readonly Measurement[]): string {
  const rows = tableRows(measurements).map((row) => row.slice(0, -1));
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, n) => cell.padEnd(widths[n]!))
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');

function markdownTable(rows: readonly string[][]): string {
  const [header, ...body] = rows;
  const line = (row: readonly string[]) => `| ${row.map(escapeCell).join(' | ')} |`;
  const rule = `|${header!.map((_, n) => (n === 0 || n === header!.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(header!), rule, ...body.map(line)].join('\n');
}

/** The table section of docs/benchmarks.md: the run it came from, then a table a size. */
export function markdown(results: BenchResults): string {
  const { run } = results;
  const cpus = run.machine.cpus.map((cpu) => `${cpu.count} × ${cpu.model}`).join(', ');
  const memory = `${Math.round(run.machine.memoryBytes / 2 ** 30)} GiB`;
  const load = run.machine.loadAverage;
  const summary = [
    `Run of \`${run.command}\` on ${run.date.slice(0, 10)}, ${Math.round(run.durationMs / 1000)} s in all.`,
    `Machine: ${run.machine.os}; ${cpus}; ${memory}; load average ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end. Node ${run.node}, Chromium ${run.chromium}.`,
  ];
  const failed = results.measurements.filter((m) => verdict(m) === 'FAIL').length;
  const skipped = results.measurements.filter((m) => verdict(m) === 'skipped');
  const verdicts = [
    `${failed === 0 ? 'No figure' : `${failed} figure${failed === 1 ? '' : 's'}`} over budget.`,
    ...skipped.map((m) => `Skipped ${m.name}: ${m.skipped}.`),
  ];
  // A table a size, in the order the sizes ran (the Electron start joins its own size).
  const sizes = [...new Set(results.measurements.map((m) => m.events))];
  const tables = sizes.map((events) => {
    const rows = results.measurements.filter((m) => m.events === events);
    return `### ${events.toLocaleString('en')} events\n\n${markdownTable(tableRows(rows))}`;
  });
  return [summary.join(' '), verdicts.join(' '), ...tables].join('\n\n');
}

/** Rewrites the part of the docs between the markers; the rest of the file is left alone. */
export async function updateDocs(results: BenchResults, path = DOCS_PATH): Promise<void> {
  const text = await readFile(path, 'utf8');
  const [start, end] = [text.indexOf(START), text.indexOf(END)];
  if (start < 0 || end < start) throw new Error(`${path} has no bench table markers`);
  const next = `${text.slice(0, start + START.length)}\n\n${markdown(results)}\n\n${text.slice(end)}`;
  await writeFile(path, next);
}

export async function readResults(path = RESULTS_PATH): Promise<BenchResults> {
  return JSON.parse(await readFile(path, 'utf8')) as BenchResults;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await readResults();
  console.log(consoleTable(results.measurements));
  await updateDocs(results);
  console.log(`\nRewrote the table in ${DOCS_PATH} from ${RESULTS_PATH}.`);
}
