/**
 * Maps a request path to a file of the renderer build and never to anything outside it: a path
 * that does not decode, or that holds a backslash or NUL byte, is a bad request; one that climbs
 * out of the build folder is not found.
 */
import { join, normalize, sep } from 'node:path';

export type StaticTarget =
  | { readonly file: string; readonly isIndex: boolean }
  | { readonly status: 400 | 404; readonly reason: string };

/** `path` is the raw path of the request target (no query); `rendererDir` is absolute. */
export function staticTarget(rendererDir: string, path: string): StaticTarget {
  let relative: string;
  try {
    relative = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
  } catch {
    return { status: 400, reason: 'Malformed path' };
  }
  // A backslash is a separator on Windows; a NUL byte cuts a path short in some APIs.
  if (/[\\\0]/.test(relative)) return { status: 400, reason: 'Malformed path' };
  const file = normalize(join(rendererDir, relative));
  if (!file.startsWith(rendererDir + sep)) return { status: 404, reason: 'Not found' };
  return { file, isIndex: file === join(rendererDir, 'index.html') };
}
