export { SignedIn, SignedOut, WatchwordProvider, useSession, useUser, useWatchword } from './context.js';
export type { WatchwordProviderProps } from './context.js';
export { SignIn } from './SignIn.js';
export type { SignInProps } from './SignIn.js';
export { defaultMessages, messageFor } from './messages.js';
