import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { AppFailure } from '../../shared/result';
import { errorMessage } from '../store/store-file';

/** Writes an export atomically: a half-written file never replaces one the user had. */
export async function writeExportFile(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    throw new AppFailure({
      code: 'io',
      message: `The export could not be written to ${path}: ${errorMessage(error)}`,
    });
  }
}
