import type { z } from 'zod';

import { type AppError, fail, ok, type Result } from './result';

/** Writes a zod path as the user reads it: events[3].sources[0].url */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** The first problem of a failed parse, as one sentence naming its place. */
export function describeIssue(error: z.ZodError, prefix?: string): AppError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid', message: 'is not valid' };
  const path = formatPath([...(prefix ? [prefix] : []), ...issue.path]);
  const message = issue.message;
  // A problem of the whole value names no field, so it has no path (as AppError says).
  return path
    ? { code: 'invalid', message: `${path}: ${message}`, path }
    : { code: 'invalid', message };
}

/** Parses untrusted input; a failure names the first bad place and changes nothing. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix?: string,
): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const error = describeIssue(parsed.error, prefix);
  return fail(error.code, error.message, error.path);
}
