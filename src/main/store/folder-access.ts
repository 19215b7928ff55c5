/**
 * Whether the data folder can be written: a folder that cannot (a read-only disk or mount,
 * permissions) still opens, and the window says at once that changes cannot be saved there.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

const READ_ONLY_CODES: ReadonlySet<string> = new Set(['EROFS', 'EACCES', 'EPERM']);

/** A notice for the user when `dir` cannot be written; null when it can. */
export async function readOnlyNotice(dir: string): Promise<string | null> {
  try {
    await access(dir, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!READ_ONLY_CODES.has(code)) return null;
    const why = code === 'EROFS' ? 'it is on a read-only disk' : 'you may not write there';
    return (
      `The data folder ${dir} is read-only (${why}): Timeline Desk shows your timeline as it ` +
      'is on disk and changes nothing there. Changes you make now cannot be saved; make the ' +
      'folder writable, or start Timeline Desk with --data-dir and another folder.'
    );
  }
}
