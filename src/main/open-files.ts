/**
 * Files the system asks the app to open: paths on the command line (a double-click on a file
 * that the app is associated with, `timeline-desk story.csv`), from a second launch, or macOS's
 * open-file event. Each is read here and handed to the window, whose import preview opens for
 * it. Pure of Electron; electron/open-files.ts delivers them.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';

import { MAX_IMPORT_BYTES, type OpenedFile } from '../shared/contract';
import { decodeText } from '../shared/formats/decode-text';
import { DATA_DIR_FLAG } from './data-dir';

/** What the importers read (the format is recognised by content; these are their names). */
const IMPORTABLE = new Set(['.json', '.csv', '.tsv', '.txt', '.ics', '.mw']);

/**
 * The paths in `argv` (Electron's: the executable, then, unpackaged, the app's script) that
 * name files to import: not flags, not the value of --data-dir, with an importable extension.
 */
export function filePathsInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg, index, args) => !arg.startsWith('-') && args[index - 1] !== DATA_DIR_FLAG)
    .filter((arg) => IMPORTABLE.has(extname(arg).toLowerCase()))
    .map((arg) => resolve(cwd, arg));
}

/** Reads a file for the window: its text as decode-text reads it, or why it cannot be imported. */
export async function readOpenedFile(path: string): Promise<OpenedFile> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, error: `${path} is not a file.` };
    if (info.size > MAX_IMPORT_BYTES) {
      const megabytes = Math.ceil(info.size / (1024 * 1024));
      return { name, error: `The file is ${megabytes} MB; files up to 50 MB can be imported.` };
    }
    const { text, note } = decodeText(await readFile(path));
    return { name, text, encodingNote: note };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : 'it could not be read';
    return { name, error: `${path} cannot be opened: ${reason}.` };
  }
}
