import type { ValidationIssue } from '@vfc/shared';

/**
 * Errors a use case throws on purpose; the HTTP layer maps `status` and `code` to the answer.
 * `message` is shown to clinic staff: plain words, no personal data.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly code: string,
    message: string,
    readonly issues?: ValidationIssue[],
    /** Extra machine-readable fields of the error body (e.g. `freesAt` with `number_cap_reached`). */
    readonly details?: { freesAt?: string },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found`);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const unauthorized = (message: string) => new AppError(401, 'unauthorized', message);
/** A 400 naming the fields at fault, like a schema failure would. */
export const invalidField = (path: string, message: string) =>
  new AppError(400, 'validation_error', `${path} ${message}`, [{ path, message }]);
