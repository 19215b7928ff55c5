/** Where the app keeps its data: a command-line flag, then an environment variable, then the default. */
import { resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'TIMELINE_DESK_DATA_DIR';

export interface DataDirSources {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against it. */
  readonly cwd: string;
  /** Used when neither the flag nor the variable names a folder (Electron's userData). */
  readonly defaultDir: string;
}

export function resolveDataDir(sources: DataDirSources): string {
  const chosen = dataDirFromArgv(sources.argv) ?? nonEmpty(sources.env[DATA_DIR_ENV]);
  return chosen === undefined ? sources.defaultDir : resolve(sources.cwd, chosen);
}

/** The value of `--data-dir DIR` or `--data-dir=DIR`; the first one given wins. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === DATA_DIR_FLAG) {
      const next = argv[index + 1];
      // A following flag is not a folder: `--data-dir --inspect` names nothing.
      return next === undefined || next.startsWith('--') ? undefined : nonEmpty(next);
    }
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return nonEmpty(arg.slice(DATA_DIR_FLAG.length + 1));
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
