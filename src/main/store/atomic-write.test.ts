import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { lockedFileOps } from '../../../test/fixtures/locked-file';
import { useTempDirs } from '../../../test/temp-dir';
import { RETRY_DELAYS_MS, writeFileAtomic } from './atomic-write';

const tempDir = useTempDirs();
const FAST = [1, 2, 4, 8];

describe('atomic writes', () => {
  it('replaces the file and leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('writes a text given in parts as the parts one after another', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    const parts = Array.from({ length: 300 }, (_, i) => `part ${i} ${'é'.repeat(i)};`);
    await writeFileAtomic(path, parts);
    expect(await readFile(path, 'utf8')).toBe(parts.join(''));
    await writeFileAtomic(path, []);
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('writes parts larger than its buffer, and many that fill it, byte for byte', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    // Astral characters (surrogate pairs) fall on every possible block edge somewhere.
    const large = `${'a'.repeat(1_000_001)}${'😀é'.repeat(400_000)}`;
    const many = Array.from({ length: 5000 }, (_, i) => `${i}:${'平'.repeat(i % 700)}😀`);
    for (const text of [[large], ['x', large, 'y'], many, [...many, large, ...many]]) {
      await writeFileAtomic(path, text);
      expect(await readFile(path, 'utf8')).toBe(text.join(''));
    }
  });

  it.each(['EPERM', 'EBUSY', 'EACCES'])(
    'retries a rename that fails with %s while the file is held, then writes it',
    async (code) => {
      const dir = await tempDir();
      const path = join(dir, 'a.json');
      await writeFile(path, 'old');
      const ops = lockedFileOps('a.json', 3, code);
      await writeFileAtomic(path, 'new', { ops, retryDelaysMs: FAST });
      expect(ops.attempts).toHaveLength(4);
      expect(await readFile(path, 'utf8')).toBe('new');
      expect(await readdir(dir)).toEqual(['a.json']);
    },
  );

  it('gives up after the last retry, keeping the old file whole and no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, 'old');
    const ops = lockedFileOps('a.json');
    ops.lockForever();
    await expect(writeFileAtomic(path, 'new', { ops, retryDelaysMs: FAST })).rejects.toMatchObject({
      code: 'EPERM',
    });
    expect(ops.attempts).toHaveLength(FAST.length + 1);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('does not retry errors that waiting cannot fix', async () => {
    const dir = await tempDir();
    const ops = lockedFileOps('a.json');
    await expect(
      writeFileAtomic(join(dir, 'no-such-folder', 'a.json'), 'x', { ops, retryDelaysMs: FAST }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(ops.attempts).toEqual([]);
  });

  it('waits about three seconds in all by default, longer than a scanner holds a file', () => {
    const total = RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeGreaterThanOrEqual(3000);
    expect(total).toBeLessThan(5000);
  });
});
