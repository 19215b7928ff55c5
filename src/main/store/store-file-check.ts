/**
 * What a store or backup file holds: its text read, upgraded from older format versions and
 * checked against the schema. Runs in the main process for small files and in the document
 * worker for large ones (document-worker/), so both give the same answer.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

import { removeOneLineDirectionControls } from '../../shared/formats/direction-repair';
import { migrateDocument, MIGRATIONS, type MigrationStep } from '../../shared/formats/migrate';
import { checkDocumentInBatches } from '../../shared/formats/timeline-desk-json';
import { DIRECTION_CONTROLS, type TimelineDocument, type TimelineEvent } from '../../shared/schema';

export type StoreFileState =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'valid';
      readonly document: TimelineDocument;
      /** The format version the file had when it was older than this app's. */
      readonly upgradedFrom: number | null;
      /** Direction characters taken out of one-line fields (written before they were refused). */
      readonly directionControlsRemoved: number;
      readonly sizeBytes: number;
    }
  | { readonly kind: 'damaged'; readonly reason: string };

const gunzipBytes = promisify(gunzip);

/** The file's text (a `.gz` file, a backup, is decompressed), or why there is none to check. */
export async function readStoreText(
  path: string,
): Promise<{ readonly kind: 'text'; readonly text: string } | StoreFileState> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'missing' };
    return { kind: 'damaged', reason: `it could not be read (${errorMessage(error)})` };
  }
  if (!path.endsWith('.gz')) return { kind: 'text', text: bytes.toString('utf8') };
  try {
    return { kind: 'text', text: (await gunzipBytes(bytes)).toString('utf8') };
  } catch (error) {
    return { kind: 'damaged', reason: `it is not a whole gzip file (${errorMessage(error)})` };
  }
}

/**
 * Upgrades (older format versions) and checks a store file's text, handing out the checked
 * events in batches as it goes; the valid state's document has every event.
 */
export function* checkStoreText(
  text: string,
  migrations: readonly MigrationStep[] = MIGRATIONS,
): Generator<readonly TimelineEvent[], StoreFileState, undefined> {
  if (text.trim() === '') return { kind: 'damaged', reason: 'it is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `it is not valid JSON (${errorMessage(error)})` };
  }
  // One pass over the text first: a repair walk only for the rare file that needs one.
  const repaired = DIRECTION_CONTROLS.test(text)
    ? removeOneLineDirectionControls(json)
    : { value: json, removed: 0 };
  const migrated = migrateDocument(repaired.value, migrations);
  if (!migrated.ok) {
    return { kind: 'damaged', reason: `it could not be upgraded (${migrated.error.message})` };
  }
  const checked = yield* checkDocumentInBatches(migrated.value);
  if (!checked.ok) {
    return { kind: 'damaged', reason: `it is not a valid timeline (${checked.error.message})` };
  }
  const version = (json as { version?: unknown }).version;
  return {
    kind: 'valid',
    document: checked.value,
    upgradedFrom: typeof version === 'number' && version !== checked.value.version ? version : null,
    directionControlsRemoved: repaired.removed,
    sizeBytes: Buffer.byteLength(text, 'utf8'),
  };
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
