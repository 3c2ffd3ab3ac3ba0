import { RateLimitError, WatchwordError } from '@watchword/client';

/** The sentence shown for each error code; override any of them with `<SignIn messages={...}>`. */
export const defaultMessages: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS: 'The email address or password is incorrect.',
  EMAIL_NOT_VERIFIED: 'Please confirm your email address first: open the link we emailed you.',
  LOGIN_METHOD_DISABLED: 'This way of signing in is not available for this app.',
  INVALID_CODE: 'That code is not valid. Check it, or ask for a new one.',
  INVALID_LOGIN_LINK: 'This sign-in link is no longer valid. Ask for a new one.',
  INVALID_EMAIL: 'Enter a valid email address, like name@example.com.',
  VALIDATION_FAILED: 'Please check what you entered.',
  MALFORMED_REQUEST: 'Please check what you entered.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  SERVER_BUSY: 'The sign-in service is busy. Please try again in a moment.',
  SERVICE_UNAVAILABLE: 'The sign-in service is unavailable. Please try again in a moment.',
  NETWORK_ERROR: 'The sign-in service cannot be reached. Check your connection and try again.',
  UNKNOWN_CLIENT: 'This app is not set up for sign-in (its client id is unknown).',
  ORIGIN_NOT_ALLOWED: 'This website is not allowed to sign in to this app.',
  UNKNOWN: 'Something went wrong. Please try again.',
};

/** A readable sentence for any error the client throws, never a stack trace or a raw code. */
export function messageFor(error: unknown, overrides: Partial<Record<string, string>> = {}): string {
  const messages = { ...defaultMessages, ...overrides };
  if (!(error instanceof WatchwordError)) return messages['UNKNOWN']!;
  const known = messages[error.code];
  if (error instanceof RateLimitError && error.retryAfter) {
    return `${known ?? messages['RATE_LIMITED']!} (about ${error.retryAfter} s)`;
  }
  return known ?? error.problem.detail ?? messages['UNKNOWN']!;
}
