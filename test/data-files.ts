import { readFileSync } from 'node:fs';

/** The committed text of a file under data/, for tests of shared code (which may not use node:*). */
export function readDataFile(name: string): string {
  return readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
}
