/** Results that cross a boundary (IPC, the harness bridge) as data the UI can show. */

export const ERROR_CODES = ['invalid', 'not-found', 'io', 'cancelled', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  readonly code: ErrorCode;
  /** A sentence for the user, e.g. `events[3].start: "2024-13-01" is not a date`. */
  readonly message: string;
  /** Where the problem is, e.g. "end" or "sources[0].url", when it is one field. */
  readonly path?: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, path?: string): Result<never> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}

export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}
