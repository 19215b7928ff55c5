/**
 * Checks what `electron-vite build` wrote, as a user would get it: the entries exist, every
 * script of the main process, the document worker and the preload parses (`node --check`), and
 * every file that index.html references, and that those files reference in turn, exists. A bundle
 * that only the bundler breaks (two top-level `require`s) fails here, not at the user's start.
 * `npm run build` runs it; `tsx scripts/check-build.ts [outDir]` on its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files a user's app cannot start without. */
export const BUILD_ENTRIES = [
  'main/index.js',
  'main/document-worker.js',
  'preload/index.cjs',
  'renderer/index.html',
] as const;

/**
 * Packages only an import or an export needs (src/main/formats-on-demand.ts): about 190 ms of
 * loading that the main process and the document worker must not pay at every start.
 */
export const ON_DEMAND_PACKAGES = ['@markwhen/parser', 'ical.js', 'papaparse', 'chrono-node'];

/** The scripts that run at start: the main process's and the document worker's entries. */
const STARTUP_ENTRIES = ['main/index.js', 'main/document-worker.js'] as const;

/** A static import or re-export (`import … from "x"`, `import "x"`, `export … from "x"`). */
const STATIC_IMPORT =
  /^\s*(?:import\s*["']([^"']+)["']|(?:import|export)\b[^;'"`()]*?\bfrom\s*["']([^"']+)["'])/gm;

/**
 * Relative references in built HTML, scripts and styles: src/href, static and dynamic imports,
 * url(), and quoted paths of built files (Vite's preload lists, `new URL('./worker.js', …)`).
 */
const REFERENCE =
  /(?:\b(?:src|href)=["']|\bfrom\s*["']|\bimport\s*\(\s*["']|url\(\s*["']?)(\.{1,2}\/[^"'`)\s?#]+)|["'`](\.{1,2}\/[^"'`\s?#]+\.(?:c?js|mjs|css|html))["'`]/g;

/** Every problem with the build in `outDir`; empty when the app can start from it. */
export function checkBuild(outDir: string): string[] {
  const problems: string[] = [];
  const missing = BUILD_ENTRIES.filter((entry) => !existsSync(join(outDir, entry)));
  for (const entry of missing) problems.push(`${entry} is missing`);
  const nodeScripts = [...scriptsIn(join(outDir, 'main')), ...scriptsIn(join(outDir, 'preload'))];
  for (const script of nodeScripts) {
    const error = syntaxError(script);
    if (error !== null) problems.push(`${relative(outDir, script)} does not parse: ${error}`);
  }
  const seen = new Set<string>(missing.map((entry) => join(outDir, entry)));
  const visit = (file: string, from: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!existsSync(file)) {
      problems.push(`${relative(outDir, file)} is missing (referenced by ${from})`);
      return;
    }
    if (!/\.(html|c?js|mjs|css)$/.test(file)) return;
    for (const target of referencesIn(readFileSync(file, 'utf8'))) {
      visit(resolve(dirname(file), target), relative(outDir, file));
    }
  };
  for (const entry of BUILD_ENTRIES.filter((name) => !missing.includes(name))) {
    visit(join(outDir, entry), 'the build');
  }
  for (const entry of STARTUP_ENTRIES.filter((name) => !missing.includes(name))) {
    const early = startupPackages(join(outDir, entry)).filter((name) =>
      ON_DEMAND_PACKAGES.some((lazy) => name === lazy || name.startsWith(`${lazy}/`)),
    );
    if (early.length > 0) {
      problems.push(`${entry} loads ${early.join(', ')} at start: import them on demand`);
    }
  }
  return problems;
}

/** The packages a script and the files it imports statically import: what loads at its start. */
export function startupPackages(entry: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const [, bare, from] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = bare ?? from ?? '';
      if (target.startsWith('.')) visit(resolve(dirname(file), target));
      else if (!target.startsWith('node:')) packages.add(target);
    }
  };
  visit(entry);
  return [...packages];
}

/** The relative paths a built file refers to (deduplicated, in order). */
export function referencesIn(text: string): string[] {
  const paths = [...text.matchAll(REFERENCE)].map((match) => match[1] ?? match[2] ?? '');
  return [...new Set(paths)];
}

/** Every .js/.cjs/.mjs file below `dir`. */
function scriptsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => /\.(c|m)?js$/.test(path) && statSync(path).isFile());
}

/** `node --check` on one file: the first lines of its syntax error, or null. */
function syntaxError(path: string): string | null {
  const run = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8' });
  if (run.status === 0) return null;
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, 5).join(' | ') || `node --check exited with ${String(run.status)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? 'out');
  const problems = checkBuild(outDir);
  const name = relative(process.cwd(), outDir) || '.';
  if (problems.length > 0) {
    console.error(`The build in ${name} would not start:`);
    for (const problem of problems) console.error(`- ${problem}`);
    process.exit(1);
  }
  console.log(`Build checked: every entry in ${name} parses and every file it references exists.`);
}
