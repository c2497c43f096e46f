/** Errors the domain and the HTTP layer raise on purpose; `http/error-response.ts` maps each to a status. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
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

export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
}
