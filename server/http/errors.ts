import "server-only";

/** An error a service throws on purpose; the route wrapper turns it into `{ error: { code, message } }`. */
export class HttpError extends Error {
  /** Extra top-level fields of the error body, for APIs whose contract has them (e.g. Seer's `success: false`). */
  envelope?: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends HttpError {
  constructor(message = "Sign in first: this needs a session.") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string, code = "forbidden") {
    super(403, code, message);
  }
}

export class ValidationError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(400, "validation_error", message, details);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

export class ConflictError extends HttpError {
  /** `details`, like a validation error's: `{ path, message }` issues, so a form shows them beside the field. */
  constructor(message: string, details?: { path: (string | number)[]; message: string }[]) {
    super(409, "conflict", message, details);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `The request body is larger than the limit of ${limitBytes} bytes.`);
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(message: string) {
    super(503, "unavailable", message);
  }
}
