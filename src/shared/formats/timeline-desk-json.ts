/** The native format: the document itself as JSON, upgraded from older versions on import. */
import type { Result } from '../result';
import { type TimelineDocument, TimelineDocumentSchema } from '../schema';
import { parseWith } from '../validation';
import { migrateDocument } from './migrate';

/** Pretty JSON (two spaces, trailing newline), readable in a diff and by other tools. */
export function toTimelineDeskJson(doc: TimelineDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Checks parsed JSON from anywhere as a Timeline Desk document of any version we read. */
export function fromTimelineDeskJson(json: unknown): Result<TimelineDocument> {
  const migrated = migrateDocument(json);
  if (!migrated.ok) return migrated;
  return parseWith(TimelineDocumentSchema, migrated.value);
}
