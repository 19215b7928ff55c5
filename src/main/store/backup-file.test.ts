import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../test/temp-dir';
import { writeBackup } from './backup-file';

const tempDir = useTempDirs();

describe('a backup file', () => {
  it('is the text gzip-compressed, parts joined, large ones cut between surrogate pairs', async () => {
    const dir = await tempDir();
    // A pair (😀) straddles each 64 K boundary of the large part; small parts are joined.
    const large = `${'a'.repeat(64 * 1024 - 1)}😀${'b'.repeat(64 * 1024 - 2)}😀é`;
    const parts = ['{"x":"', ...Array.from({ length: 5000 }, (_, i) => `${i},`), large, '"}'];
    const target = join(dir, 'backup.json.gz');
    const bytes = await writeBackup({ kind: 'text', text: parts }, target);
    const text = parts.join('');
    expect(gunzipSync(await readFile(target)).toString('utf8')).toBe(text);
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(await readdir(dir)).toEqual(['backup.json.gz']);
  });

  it('copies a file, compressed', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ events: Array.from({ length: 1000 }, (_, i) => ({ i })) });
    const source = join(dir, 'timeline.json');
    await writeFile(source, text);
    const target = join(dir, 'backup.json.gz');
    expect(await writeBackup({ kind: 'file', path: source }, target)).toBe(text.length);
    const compressed = await readFile(target);
    expect(gunzipSync(compressed).toString('utf8')).toBe(text);
    expect(compressed.length).toBeLessThan(text.length / 3);
  });
});
