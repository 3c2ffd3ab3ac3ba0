export { createClient, tokenFromUrl, WatchwordClient } from './client.js';
export type {
  AppSignInSettings, AuthChangeEvent, AuthChangeListener, ClientOptions, LoginMethod, Session, SessionInfo, User,
} from './client.js';
export {
  AuthError, NetworkError, RateLimitError, TokenError, ValidationError, WatchwordError, errorFromProblem,
} from './errors.js';
export type {
  AuthErrorCode, ErrorCode, Problem, RateLimitErrorCode, TokenErrorCode, ValidationErrorCode,
} from './errors.js';
export { localStorageAdapter, memoryStorage } from './storage.js';
export type { SessionStorage } from './storage.js';
export { inContextLock } from './lock.js';
export type { Lock } from './lock.js';
export type { Fetch } from './http.js';
