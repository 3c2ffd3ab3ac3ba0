import { NetworkError, WatchwordError } from '@watchword/client';

/**
 * Sentences for the admin API's problem codes. Where the server's `detail` says more (it names the rule), the
 * page shows the detail; these are for codes whose detail is generic, and for the fields of forms.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  FORBIDDEN: 'Your account does not have the permission for this.',
  INVALID_TOKEN: 'Your session has ended or your permissions changed. Sign in again.',
  NOT_SIGNED_IN: 'You are signed out. Sign in again.',
  NETWORK_ERROR: 'Watchword cannot be reached. Check the connection and try again.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'Watchword is busy or a service is down. Try again in a moment.',
  INTERNAL_ERROR: 'Watchword failed to answer this request. Try again; if it keeps failing, check the service logs.',
  USER_NOT_FOUND: 'There is no such user (or it belongs to another app).',
  SESSION_NOT_FOUND: 'The session has ended already. Reload to see the live ones.',
  APP_NOT_FOUND: 'There is no such app (or it is outside your reach).',
  ROLES_CHANGED: "The user's roles changed meanwhile. Reload and try again.",
  UNKNOWN_ROLE: 'The app has no role of that name.',
  ROLE_EXISTS: 'The app already has a role of that name; roles are never redefined.',
  ROLE_INVALID: 'A role needs a new name (not user or admin) and permissions an app admin may hold.',
  API_KEY_NOT_ACTIVE: 'Only an active key can be rotated; this one is retired or revoked.',
  API_KEY_NOT_FOUND: 'The app has no such API key.',
  REPLAY_ALREADY_RUNNING: 'A replay of this read model is already running.',
  REPLAY_NOT_CAUGHT_UP: 'The replay has not caught up with the log yet; switch once it has.',
  REPLAY_FINISHED: 'The replay has already finished.',
  PROJECTION_NOT_REPLAYABLE: 'This read model cannot be replayed.',
  AUDIT_TRAIL_INCOMPLETE: 'The audit trail misses events the read models were fed; republish the log first.',
};

/**
 * What went wrong, in words: the server's problem `detail` (RFC 9457) where it sent one, otherwise a sentence
 * for its `code`; never a stack trace.
 */
export function describe(error: unknown): string {
  if (error instanceof NetworkError) return MESSAGES['NETWORK_ERROR']!;
  if (error instanceof WatchwordError) {
    const detail = error.problem.detail;
    const known = MESSAGES[error.code];
    if (error.code === 'FORBIDDEN' || error.code === 'INVALID_TOKEN') return known!;
    if (detail) return detail;
    return known ?? error.problem.title ?? `The request failed (${error.status || 'no answer'}).`;
  }
  return 'Something went wrong. Try again.';
}

/** The problem `code`, for showing next to the sentence; `undefined` for anything that is not a problem. */
export function codeOf(error: unknown): string | undefined {
  return error instanceof WatchwordError ? error.code : undefined;
}

/** A sentence for a code, when this module knows one. */
export function messageForCode(code: string): string | undefined {
  return MESSAGES[code];
}
