/** The build check on real files in a temp folder: what it lets through and what it stops. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { checkBuild, referencesIn, startupPackages } from './check-build';

let outDir = '';

function write(files: Record<string, string>): void {
  const root = mkdtempSync(join(tmpdir(), 'timeline-desk-build-'));
  // As in the project: its package.json makes out/main/*.js ES modules.
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
  outDir = join(root, 'out');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), text);
  }
}

/** A build as electron-vite lays it out, small but complete. */
const good = {
  'main/index.js':
    'import { x } from "./chunks/lines-abc.js";\nconst w = new URL("./document-worker.js", import.meta.url);\nconst dev = new URL("./entry.ts", import.meta.url);\n',
  'main/chunks/lines-abc.js': 'export const x = 1;\n',
  'main/document-worker.js': 'export {};\n',
  'preload/index.cjs': '"use strict";\nrequire("electron");\n',
  'renderer/index.html':
    '<script type="module" crossorigin src="./assets/index-1.js"></script><link rel="stylesheet" href="./assets/index-1.css">',
  'renderer/assets/index-1.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./app-2.js","./app-2.css"])))=>i.map(i=>d[i]);import("./app-2.js");',
  'renderer/assets/index-1.css': 'body{background:url(./bg.svg)}',
  'renderer/assets/bg.svg': '<svg/>',
  'renderer/assets/app-2.js': 'const locale = "./locale/" + name;',
  'renderer/assets/app-2.css': '',
};

afterEach(() => rmSync(dirname(outDir), { recursive: true, force: true }));

describe('checkBuild', () => {
  it('passes a complete build whose scripts parse', () => {
    write(good);
    expect(checkBuild(outDir)).toEqual([]);
  });

  it('stops a main process that loads an import format at start, not on demand', () => {
    write({
      ...good,
      'main/chunks/lines-abc.js':
        'import "./shim.js";\nimport Papa from "papaparse";\nexport const x = "ical.js";\nexport const formats = () => import("./formats-1.js");\n',
      'main/chunks/shim.js': 'import { inflate } from "node:zlib";\nexport { inflate };\n',
      'main/chunks/formats-1.js': 'import { parse } from "@markwhen/parser";\nexport { parse };\n',
    });
    expect(checkBuild(outDir)).toEqual([
      'main/index.js loads papaparse at start: import them on demand',
    ]);
    // What a dynamic import() loads is not start-up: only papaparse is.
    expect(startupPackages(join(outDir, 'main/index.js'))).toEqual(['papaparse']);
  });

  it('stops a main bundle that declares require twice, as the bundler once made it', () => {
    write({
      ...good,
      'main/index.js':
        'import __shims__, { createRequire } from "node:module";\nconst require = __shims__.createRequire(import.meta.url);\nvar require = createRequire(import.meta.url);\n',
    });
    const problems = checkBuild(outDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^main\/index\.js does not parse: .*'require' has already been declared/,
    );
  });

  it('stops a preload or worker that does not parse', () => {
    write({ ...good, 'preload/index.cjs': 'const = 1;', 'main/document-worker.js': 'export {' });
    expect(checkBuild(outDir).map((problem) => problem.split(' ')[0])).toEqual([
      'main/document-worker.js',
      'preload/index.cjs',
    ]);
  });

  it('names a missing entry, and a file a page or script refers to that is not there', () => {
    const rest: Record<string, string> = { ...good };
    delete rest['main/document-worker.js'];
    delete rest['renderer/assets/app-2.css'];
    write(rest);
    expect(checkBuild(outDir)).toEqual([
      'main/document-worker.js is missing',
      'renderer/assets/app-2.css is missing (referenced by renderer/assets/index-1.js)',
    ]);
  });
});

describe('referencesIn', () => {
  it('reads src, href, imports, url() and quoted built files, not source or folder paths', () => {
    expect(
      referencesIn(
        '<script src="./a.js"></script> import b from "../b.js"; import("./c.js"); url(./d.png) "./e.css" "./f.ts" "./locale/" "https://x/y.js"',
      ),
    ).toEqual(['./a.js', '../b.js', './c.js', './d.png', './e.css']);
  });
});
