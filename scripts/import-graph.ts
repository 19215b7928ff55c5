/**
 * eslint's import-x/no-cycle skips type-only imports, and the cycles we last untangled all ran
 * through `import type`. This builds the import graph with every relative import counted (value,
 * type, export-from, `import('./x')` types and calls) and names the cycles in it (Tarjan's SCCs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

import ts from 'typescript';

/** File -> the files it imports, as posix paths relative to the project root. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every relative module specifier in a TypeScript source, type-only ones included. */
export function relativeSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node !== undefined && ts.isStringLiteralLike(node) && node.text.startsWith('.')) {
      found.push(node.text);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) {
        add(node.moduleReference.expression);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file of `files` that `specifier` names from `fromFile`: x.ts, x/index.ts, x.js -> x.ts. */
export function resolveSpecifier(
  fromFile: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | undefined {
  const base = posix.join(posix.dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')];
  return candidates.find((candidate) => files.has(candidate));
}

/** The graph of every .ts file under `root`/`folder` except tests, keyed relative to `root`. */
export function buildImportGraph(root: string, folder: string): ImportGraph {
  const files = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => relative(root, join(root, folder, name)).replaceAll(sep, '/'))
    .sort();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = relativeSpecifiers(file, text)
      .map((specifier) => resolveSpecifier(file, specifier, known))
      .filter((target) => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components, each listed in the graph's key order. */
export function stronglyConnectedComponents(graph: ImportGraph): string[][] {
  const position = new Map([...graph.keys()].map((node, at) => [node, at]));
  const visited = new Map<string, { index: number; low: number }>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): { index: number; low: number } => {
    const mark = { index: visited.size, low: visited.size };
    visited.set(node, mark);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      const seen = visited.get(next);
      if (seen === undefined) mark.low = Math.min(mark.low, connect(next).low);
      else if (onStack.has(next)) mark.low = Math.min(mark.low, seen.index);
    }
    if (mark.low === mark.index) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === node) break;
      }
      const at = (file: string): number => position.get(file) ?? Infinity;
      components.push(component.sort((a, b) => at(a) - at(b)));
    }
    return mark;
  };
  for (const node of graph.keys()) if (!visited.has(node)) connect(node);
  return components;
}

/** The shortest path from `start` back to itself inside `members`, start repeated at the end. */
function shortestCycle(graph: ImportGraph, start: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (const node of queue) {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const path = [start];
        for (let back = node; back !== start; back = cameFrom.get(back) ?? start) {
          path.splice(1, 0, back);
        }
        return [...path, start];
      }
      if (members.has(next) && !cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [];
}

/**
 * The cycles of the graph, each as a path that ends where it starts. Each tangle (component)
 * gives its shortest cycles until every file of it is named in one, so none goes unmentioned.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  for (const component of stronglyConnectedComponents(graph)) {
    const [first = ''] = component;
    if (component.length === 1 && !(graph.get(first) ?? []).includes(first)) continue;
    const members = new Set(component);
    const named = new Set<string>();
    for (const start of component) {
      if (named.has(start)) continue;
      const cycle = shortestCycle(graph, start, members);
      cycle.forEach((file) => named.add(file));
      cycles.push(cycle);
    }
  }
  return cycles;
}

/** A cycle as a reader follows it: `a.ts -> b.ts -> a.ts`. */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' -> ');
}
