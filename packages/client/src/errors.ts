/**
 * Typed errors built from Watchword's RFC 9457 problem details: one class per family, the server's stable
 * `code` as a string union, so `switch (error.code)` is checked by the compiler.
 */

/** Codes of failed sign-in and credential checks. */
export type AuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_NOT_VERIFIED'
  | 'LOGIN_METHOD_DISABLED'
  | 'INVALID_CODE'
  | 'INVALID_LOGIN_LINK'
  | 'CURRENT_PASSWORD_WRONG'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN';

/** Codes of tokens and links that are unknown, used, expired or revoked. */
export type TokenErrorCode =
  | 'INVALID_TOKEN'
  | 'INVALID_REFRESH_TOKEN'
  | 'INVALID_VERIFICATION_TOKEN'
  | 'INVALID_RESET_TOKEN'
  | 'INVALID_EMAIL_CHANGE_TOKEN'
  | 'SESSION_NOT_FOUND'
  | 'NOT_SIGNED_IN';

/** Codes of requests the server refused as they were written. */
export type ValidationErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_REQUEST'
  | 'INVALID_EMAIL'
  | 'PASSWORD_REQUIRED'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_COMMON'
  | 'PASSWORD_CONTAINS_EMAIL'
  | 'SAME_EMAIL'
  | 'EMAIL_UNAVAILABLE'
  | 'UNKNOWN_CLIENT'
  | 'ORIGIN_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE';

/** Codes that ask the caller to come back later. */
export type RateLimitErrorCode = 'RATE_LIMITED' | 'SERVER_BUSY' | 'SERVICE_UNAVAILABLE';

/** Every code an error of this package can carry; a code the server adds later arrives as a plain string. */
export type ErrorCode =
  | AuthErrorCode
  | TokenErrorCode
  | ValidationErrorCode
  | RateLimitErrorCode
  | 'NETWORK_ERROR'
  | 'INTERNAL_ERROR'
  | (string & {});

/** An RFC 9457 problem as Watchword sends it (`application/problem+json`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
}

/** The base class: every error the client throws is one, so `instanceof WatchwordError` catches them all. */
export class WatchwordError extends Error {
  /** The server's stable code (or `NETWORK_ERROR` when no answer arrived). */
  readonly code: ErrorCode;
  /** The HTTP status, 0 when no answer arrived. */
  readonly status: number;
  /** The whole problem document, extensions included. */
  readonly problem: Problem;

  constructor(code: ErrorCode, status: number, problem: Problem, message?: string) {
    super(message ?? problem.detail ?? problem.title ?? code);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.problem = problem;
  }
}

/** A credential was wrong, or the method is not allowed for the app. Never says whether an account exists. */
export class AuthError extends WatchwordError {
  declare readonly code: AuthErrorCode;
}

/** A token, link or code is not (or no longer) good; after a refresh failure the user is signed out. */
export class TokenError extends WatchwordError {
  declare readonly code: TokenErrorCode;
}

/** The request was refused as written; `field` names the offending field when the server said which. */
export class ValidationError extends WatchwordError {
  declare readonly code: ValidationErrorCode;

  /** The field the server blamed, if any (from the problem's `field` or first `errors` entry). */
  get field(): string | undefined {
    const field = this.problem['field'];
    if (typeof field === 'string') return field;
    const errors = this.problem['errors'];
    if (Array.isArray(errors) && errors[0] && typeof errors[0] === 'object') {
      const first = (errors[0] as Record<string, unknown>)['field'];
      return typeof first === 'string' ? first : undefined;
    }
    return undefined;
  }
}

/** Too many attempts or a busy server; `retryAfter` says how many seconds to wait, when the server said. */
export class RateLimitError extends WatchwordError {
  declare readonly code: RateLimitErrorCode;
  /** Seconds to wait, from the `Retry-After` header. */
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, status: number, problem: Problem, retryAfter: number | undefined) {
    super(code, status, problem);
    this.retryAfter = retryAfter;
  }
}

/** No answer arrived (offline, DNS, CORS refusal by the browser, timeout). */
export class NetworkError extends WatchwordError {
  declare readonly code: 'NETWORK_ERROR';

  constructor(cause: unknown) {
    super('NETWORK_ERROR', 0, { title: 'Network error' }, 'The server could not be reached.');
    this.cause = cause;
  }
}

const FAMILIES: ReadonlyArray<[new (c: ErrorCode, s: number, p: Problem) => WatchwordError, readonly string[]]> = [
  [AuthError, ['INVALID_CREDENTIALS', 'EMAIL_NOT_VERIFIED', 'LOGIN_METHOD_DISABLED', 'INVALID_CODE',
    'INVALID_LOGIN_LINK', 'CURRENT_PASSWORD_WRONG', 'UNAUTHORIZED', 'FORBIDDEN']],
  [TokenError, ['INVALID_TOKEN', 'INVALID_REFRESH_TOKEN', 'INVALID_VERIFICATION_TOKEN', 'INVALID_RESET_TOKEN',
    'INVALID_EMAIL_CHANGE_TOKEN', 'SESSION_NOT_FOUND', 'NOT_SIGNED_IN']],
];

/**
 * The error for a problem answer. Codes the client does not know fall back by status: 400/409/413/422 to
 * {@link ValidationError}, 401 and 403 to {@link AuthError}, 429/503 to {@link RateLimitError}.
 */
export function errorFromProblem(status: number, problem: Problem, retryAfter?: number): WatchwordError {
  const code = problem.code ?? (status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${status}`);
  for (const [Family, codes] of FAMILIES) {
    if (codes.includes(code)) return new Family(code, status, problem);
  }
  if (status === 429 || status === 503) return new RateLimitError(code, status, problem, retryAfter);
  if (status === 401 || status === 403) return new AuthError(code, status, problem);
  if (status === 400 || status === 409 || status === 413 || status === 422) {
    return new ValidationError(code, status, problem);
  }
  return new WatchwordError(code, status, problem);
}
