/** The read-only check on a real folder: writable says nothing, read-only says what to do. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeReadOnly, makeWritable } from '../../../test/read-only-folder';
import { readOnlyNotice } from './folder-access';

let dir = '';
let readOnly = false;
afterEach(async () => {
  if (readOnly) await makeWritable(dir);
  readOnly = false;
  await rm(dir, { recursive: true, force: true });
});

describe('readOnlyNotice', () => {
  it('says nothing for a folder the app can write', async () => {
    dir = await mkdtemp(join(tmpdir(), 'timeline-desk-access-'));
    expect(await readOnlyNotice(dir)).toBeNull();
  });

  it('names the folder and the way out when it is read-only', async () => {
    dir = await mkdtemp(join(tmpdir(), 'timeline-desk-access-'));
    await makeReadOnly(dir);
    readOnly = true;
    const notice = await readOnlyNotice(dir);
    expect(notice).toContain(`The data folder ${dir} is read-only`);
    expect(notice).toContain('--data-dir');
  });
});
