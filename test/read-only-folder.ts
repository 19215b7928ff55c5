/**
 * Makes a folder read-only for the app under test. Root ignores permission bits (CI runs as
 * root), so there the folder is bind-mounted read-only over itself; otherwise its mode is 0555.
 */
import { execFileSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

const isRoot = process.getuid?.() === 0;

export async function makeReadOnly(dir: string): Promise<void> {
  if (isRoot) {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
  } else {
    await chmod(dir, 0o555);
  }
}

export async function makeWritable(dir: string): Promise<void> {
  if (isRoot) execFileSync('umount', [dir]);
  else await chmod(dir, 0o755);
}
