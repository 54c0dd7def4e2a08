// One error type for everything a caller may be told; its code becomes a status in exactly one place.

export const errorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  slot_unavailable: 409,
  // A group event's occasion with no seat left.
  slot_taken: 409,
  booking_not_active: 409,
  change_not_allowed: 409,
  conflict: 409,
  link_used: 409,
  link_expired: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Seconds a client should wait (429 only). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** The SQLSTATE of a Postgres error, however deep a driver or ORM wrapped it. */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if ('code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/** The constraint a Postgres error names, if any. */
export function constraintOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if ('constraint_name' in current && typeof current.constraint_name === 'string') return current.constraint_name;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/**
 * An error about one form field: `{ details: { fieldErrors: { [field]: message } } }`, which forms show
 * beside the field. `summary` is the top-level message when it differs from the field's own.
 */
export function fieldError(
  code: ErrorCode,
  field: string,
  message: string,
  options: { summary?: string; details?: Record<string, unknown>; cause?: unknown } = {},
): AppError {
  return new AppError(code, options.summary ?? message, { cause: options.cause, details: { ...options.details, fieldErrors: { [field]: message } } });
}
