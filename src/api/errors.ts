/**
 * Errors crossing the API, as the Engine API classifies them (its HTTP status classes).
 * The CLI turns them into docker's words and exit codes; nothing here prints.
 */
export type EngineErrorKind =
  | 'not-found' // 404
  | 'conflict' // 409
  | 'invalid-parameter' // 400
  | 'forbidden' // 403
  | 'not-modified' // 304
  | 'system'; // 500

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    /** Extra detail for callers, e.g. the exit code a failed start maps to (126/127). */
    readonly detail: { exitCode?: number } = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export const notFound = (message: string) => new EngineError('not-found', message);
export const conflict = (message: string) => new EngineError('conflict', message);
export const invalidParameter = (message: string) => new EngineError('invalid-parameter', message);
export const systemError = (message: string) => new EngineError('system', message);

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}
