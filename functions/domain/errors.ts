/** Errors the domain and the HTTP layer raise on purpose; `http/error-response.ts` maps each code to a status. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The closed set of error codes the API answers with (API.md's table, plus OUTCOME_UNKNOWN from docs/api.md). */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UPSTREAM_ERROR'
  | 'UNAVAILABLE'
  | 'OUTCOME_UNKNOWN';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, readonly details?: ErrorDetail[]) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  readonly code = 'BAD_REQUEST';
}

export class ValidationError extends AppError {
  readonly code = 'VALIDATION_FAILED';
  static of(path: string, message: string): ValidationError {
    return new ValidationError(`${path}: ${message}`, [{ path, message }]);
  }
}

export class UnauthorizedError extends AppError {
  readonly code = 'UNAUTHORIZED';
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** The courier API failed after retries (or answered nonsense); nothing was half-written. */
export class UpstreamError extends AppError {
  readonly code = 'UPSTREAM_ERROR';
}

/** A dependency refused or did not answer before anything was written: safe to retry as is. */
export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
}

/**
 * A write was sent but its answer never came (deadline passed, connection lost, server fault): it
 * may or may not have happened. The client re-reads, or retries a create with the same
 * Idempotency-Key.
 */
export class OutcomeUnknownError extends AppError {
  readonly code = 'OUTCOME_UNKNOWN';
}
