/** No import cycles in src/, type-only imports included (the lint rule does not follow those). */
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  buildImportGraph,
  findCycles,
  formatCycle,
  type ImportGraph,
  relativeSpecifiers,
  resolveSpecifier,
} from './import-graph';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function graphOf(edges: Record<string, string[]>): ImportGraph {
  return new Map(Object.entries(edges));
}

describe('findCycles', () => {
  it('names a 3-cycle from where it starts, and not the file that only leads into it', () => {
    const graph = graphOf({
      'a.ts': ['b.ts'],
      'b.ts': ['c.ts'],
      'c.ts': ['a.ts'],
      'd.ts': ['a.ts'],
    });
    expect(findCycles(graph).map(formatCycle)).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });

  it('finds nothing in a DAG, diamonds included', () => {
    const graph = graphOf({
      'a.ts': ['b.ts', 'c.ts'],
      'b.ts': ['d.ts'],
      'c.ts': ['d.ts'],
      'd.ts': [],
    });
    expect(findCycles(graph)).toEqual([]);
  });

  it('names every file of a tangle of two cycles, and a file that imports itself', () => {
    const graph = graphOf({
      'a.ts': ['b.ts', 'c.ts'],
      'b.ts': ['a.ts'],
      'c.ts': ['a.ts'],
      'e.ts': ['e.ts'],
    });
    expect(findCycles(graph).map(formatCycle)).toEqual([
      'a.ts -> b.ts -> a.ts',
      'c.ts -> a.ts -> c.ts',
      'e.ts -> e.ts',
    ]);
  });
});

describe('relativeSpecifiers', () => {
  it('counts type-only imports and re-exports, and skips packages', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, c } from '../b';",
      "export type { D } from './d';",
      "export * from './e/index';",
      "import z from 'zod';",
      "type F = import('./f').F;",
      "const g = () => import('./g');",
    ].join('\n');
    expect(relativeSpecifiers('x.ts', text)).toEqual([
      './a',
      '../b',
      './d',
      './e/index',
      './f',
      './g',
    ]);
  });

  it('resolves ./x to x.ts or x/index.ts', () => {
    const files = new Set(['src/a/x.ts', 'src/a/y/index.ts', 'src/b.ts']);
    expect(resolveSpecifier('src/a/m.ts', './x', files)).toBe('src/a/x.ts');
    expect(resolveSpecifier('src/a/m.ts', './y', files)).toBe('src/a/y/index.ts');
    expect(resolveSpecifier('src/a/m.ts', '../b', files)).toBe('src/b.ts');
    expect(resolveSpecifier('src/a/m.ts', './missing', files)).toBeUndefined();
  });
});

describe('src/', () => {
  const graph = buildImportGraph(ROOT, 'src');

  it('reads the whole tree, type-only edges included', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect([...graph.keys()].some((file) => file.endsWith('.test.ts'))).toBe(false);
    // csv.ts has only `import type { ImportContext } from './types'`: the edge is there anyway.
    expect(graph.get('src/shared/formats/csv.ts')).toContain('src/shared/formats/types.ts');
  });

  it('has no import cycles, counting `import type` too', () => {
    expect(findCycles(graph).map(formatCycle)).toEqual([]);
  });
});
