import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DATA_DIR_ENV, resolveDataDir } from './data-dir';

const cwd = resolve('/home/ana/work');
const defaultDir = resolve('/home/ana/.config/Timeline Desk');

function dataDir(argv: string[], env: Record<string, string | undefined> = {}): string {
  return resolveDataDir({ argv: ['electron', 'out/main/index.js', ...argv], env, cwd, defaultDir });
}

describe('resolveDataDir', () => {
  it('uses the default folder when nothing names another', () => {
    expect(dataDir([])).toBe(defaultDir);
  });

  it('reads --data-dir DIR and --data-dir=DIR', () => {
    expect(dataDir(['--data-dir', '/tmp/desk'])).toBe(resolve('/tmp/desk'));
    expect(dataDir(['--data-dir=/tmp/desk'])).toBe(resolve('/tmp/desk'));
  });

  it('resolves a relative folder against the working directory', () => {
    expect(dataDir(['--data-dir', 'data'])).toBe(join(cwd, 'data'));
    expect(dataDir(['--data-dir=../other'])).toBe(resolve(cwd, '../other'));
    expect(dataDir([], { [DATA_DIR_ENV]: 'from-env' })).toBe(join(cwd, 'from-env'));
  });

  it('keeps a folder name with spaces and an equals sign whole', () => {
    expect(dataDir(['--data-dir=/tmp/my desk=1'])).toBe(resolve('/tmp/my desk=1'));
  });

  it('prefers the flag to the environment variable, and the variable to the default', () => {
    const env = { [DATA_DIR_ENV]: '/from/env' };
    expect(dataDir(['--data-dir', '/from/flag'], env)).toBe(resolve('/from/flag'));
    expect(dataDir([], env)).toBe(resolve('/from/env'));
  });

  it('takes the first flag when there are two', () => {
    expect(dataDir(['--data-dir=/first', '--data-dir', '/second'])).toBe(resolve('/first'));
  });

  it('ignores a flag or variable that names nothing', () => {
    const env = { [DATA_DIR_ENV]: '/from/env' };
    expect(dataDir(['--data-dir'], env)).toBe(resolve('/from/env'));
    expect(dataDir(['--data-dir='], env)).toBe(resolve('/from/env'));
    expect(dataDir(['--data-dir', '--inspect'])).toBe(defaultDir);
    expect(dataDir([], { [DATA_DIR_ENV]: '  ' })).toBe(defaultDir);
  });

  it('does not mistake a similar flag for it', () => {
    expect(dataDir(['--data-directory=/x', '--user-data-dir=/y'])).toBe(defaultDir);
  });
});
