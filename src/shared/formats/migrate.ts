/**
 * Brings a Timeline Desk document of an older format version up to FORMAT_VERSION, one
 * registered step at a time. Used for imports and by the store when it opens its file.
 */
import { fail, ok, type Result } from '../result';
import { FORMAT, FORMAT_VERSION } from '../schema';

export type JsonObject = Readonly<Record<string, unknown>>;

/** Turns a document of format version `from` into one of version `from + 1`. */
export interface MigrationStep {
  readonly from: number;
  readonly migrate: (doc: JsonObject) => JsonObject;
}

/** Every step from a released format version; none yet, since version 1 is the first. */
export const MIGRATIONS: readonly MigrationStep[] = [];

/**
 * Returns the document at the target version (FORMAT_VERSION), unchecked otherwise: the schema
 * checks it next. Values that are not Timeline Desk documents pass through for the schema to
 * name the problem. Tests pass their own steps and target.
 */
export function migrateDocument(
  json: unknown,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): Result<unknown> {
  if (!isJsonObject(json) || json.format !== FORMAT) return ok(json);
  const version = Object.hasOwn(json, 'version') ? json.version : undefined;
  if (version === undefined) return fail('invalid', 'version: is missing', 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return fail(
      'invalid',
      `version: ${JSON.stringify(version) ?? String(version)} is not a format version (a whole number)`,
      'version',
    );
  }
  if (version > target) {
    return fail(
      'invalid',
      `This file was made by a newer version of Timeline Desk (format version ${version}); this version reads up to ${target}`,
      'version',
    );
  }
  let doc: JsonObject = json;
  for (let from = version; from < target; from++) {
    const step = steps.find((candidate) => candidate.from === from);
    if (!step) {
      return fail('invalid', `version: format version ${from} cannot be read`, 'version');
    }
    const upgraded = runStep(step, doc);
    if (!upgraded.ok) return upgraded;
    doc = { ...upgraded.value, version: from + 1 };
  }
  return ok(doc);
}

function runStep(step: MigrationStep, doc: JsonObject): Result<JsonObject> {
  try {
    return ok(step.migrate(doc));
  } catch (error) {
    // A step meets old files from anywhere: a shape it did not expect is the file's problem.
    const reason = error instanceof Error ? error.message : String(error);
    return fail('invalid', `Could not upgrade from format version ${step.from}: ${reason}`);
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
