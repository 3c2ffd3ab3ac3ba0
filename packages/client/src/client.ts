import { TokenError, WatchwordError } from './errors.js';
import { call, type Call, type Fetch } from './http.js';
import { defaultLock, type Lock } from './lock.js';
import { memoryStorage, type SessionStorage } from './storage.js';

/** Settings of {@link createClient}. Only `baseUrl` is required. */
export interface ClientOptions {
  /** Watchword's public origin, e.g. `https://id.example.com` (no trailing path). */
  baseUrl: string;
  /** The app's client id. The default is none: the installation's default app. */
  clientId?: string;
  /** The `fetch` to use. The default is `globalThis.fetch` (browsers, Node 20+, React Native). */
  fetch?: Fetch;
  /**
   * Where the refresh token lives.
   * - `'cookie'`: in an `HttpOnly; Secure; SameSite=Strict` cookie that Watchword sets for its token paths. No
   *   script of the page can read it; the access token stays in memory, and a reload (or a new tab) restores the
   *   session with one refresh. Needs Watchword on the same site as the page (`id.example.com` for
   *   `www.example.com`), over https or on `localhost`, with the page's origin in the app's CORS origins.
   * - `'storage'`: both tokens in {@link ClientOptions.storage}.
   *
   * The default is `'cookie'` in a browser (where `document` exists) unless a `storage` is given, and
   * `'storage'` everywhere else (Node, React Native).
   */
  refreshTokenIn?: 'cookie' | 'storage';
  /**
   * Where the session is kept. The default is {@link memoryStorage} (gone on reload, the safest); pass
   * `localStorageAdapter()` to stay signed in across reloads (readable by any script on the page), or
   * React Native's AsyncStorage. In cookie mode it holds the access token only.
   */
  storage?: SessionStorage;
  /** The storage key. The default is `watchword.session.<clientId>` (`default` without a client id). */
  storageKey?: string;
  /** Refresh the access token before it expires. The default is `true`. */
  autoRefresh?: boolean;
  /** How many seconds before expiry a refresh starts. The default is 30. */
  refreshMarginSeconds?: number;
  /** Mutual exclusion of refreshes. The default is the Web Locks API where present, else an in-context queue. */
  lock?: Lock;
  /**
   * Share sign-in, refresh and sign-out with this origin's other tabs over a BroadcastChannel, where the
   * platform has one. The default is `true`.
   */
  crossTab?: boolean;
  /**
   * Origins {@link WatchwordClient.fetch} may send the access token to. The default is Watchword's own origin
   * only; add your API's origin here. The token never goes anywhere else.
   */
  tokenOrigins?: string[];
}

/** A signed-in session as the client holds it. */
export interface Session {
  accessToken: string;
  /** `null` in cookie mode: the refresh token is in an HttpOnly cookie, out of every script's reach. */
  refreshToken: string | null;
  tokenType: 'Bearer';
  /** When the access token expires, in milliseconds since the epoch. */
  expiresAt: number;
  /** The user's id (`sub`). */
  userId: string;
  /** The server-side session's id (`sid`). */
  sessionId: string | undefined;
  /** Roles granted when the token was issued. */
  roles: string[];
}

/** The signed-in user's profile (`GET /api/users/me/`). */
export interface User {
  id: string;
  email: string;
  emailVerified: boolean;
  roles: string[];
  createdAt: string;
}

/** One of the user's live sessions (`GET /api/auth/sessions/`). */
export interface SessionInfo {
  id: string;
  device: string | null;
  ipAddress: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  current: boolean;
}

/** How an app lets its users sign in: what a sign-in form should offer. */
export type LoginMethod = 'password' | 'magic_link' | 'email_otp';

/** The app's public sign-in settings (`GET /api/auth/app-settings/`); nothing in them is secret. */
export interface AppSignInSettings {
  loginMethods: LoginMethod[];
  requireVerifiedEmail: boolean;
  passwordMinLength: number;
}

export type AuthChangeEvent = 'SIGNED_IN' | 'TOKEN_REFRESHED' | 'SIGNED_OUT';
export type AuthChangeListener = (event: AuthChangeEvent, session: Session | null) => void;

interface TokenResponse {
  access: string;
  refresh?: string;
  token_type?: string;
  expires_in?: number;
}

type Message = { type: 'session'; session: Session } | { type: 'signed-out' };

/** Creates a client for one app. */
export function createClient(options: ClientOptions): WatchwordClient {
  return new WatchwordClient(options);
}

/**
 * Every public flow of Watchword's API, with the session kept, refreshed before expiry (one refresh at a
 * time across tabs) and shared with the origin's other tabs.
 */
export class WatchwordClient {
  private readonly baseUrl: string;
  private readonly clientId: string | undefined;
  private readonly fetchImpl: Fetch;
  private readonly storage: SessionStorage;
  private readonly storageKey: string;
  private readonly cookieMode: boolean;
  private readonly autoRefresh: boolean;
  private readonly marginMs: number;
  private readonly lock: Lock;
  private readonly tokenOrigins: Set<string>;
  private readonly listeners = new Set<AuthChangeListener>();
  private readonly channel: BroadcastChannel | undefined;
  private session: Session | null = null;
  private refreshing: Promise<Session | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly loaded: Promise<void>;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.clientId = options.clientId;
    const fetchImpl: Fetch | undefined = options.fetch ?? globalThis.fetch;
    if (!fetchImpl) throw new Error('No fetch available: pass options.fetch');
    this.fetchImpl = (input, init) => fetchImpl(input, init);
    this.cookieMode = (options.refreshTokenIn ?? (options.storage === undefined
      && typeof (globalThis as { document?: unknown }).document === 'object' ? 'cookie' : 'storage')) === 'cookie';
    this.storage = options.storage ?? memoryStorage();
    this.storageKey = options.storageKey ?? `watchword.session.${options.clientId ?? 'default'}`;
    this.autoRefresh = options.autoRefresh ?? true;
    this.marginMs = (options.refreshMarginSeconds ?? 30) * 1000;
    this.lock = options.lock ?? defaultLock();
    this.tokenOrigins = new Set([new URL(this.baseUrl).origin,
      ...(options.tokenOrigins ?? []).map((origin) => new URL(origin).origin)]);
    if ((options.crossTab ?? true) && typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`watchword:${this.storageKey}`);
      this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    }
    this.loaded = this.load();
  }

  // --- session ---------------------------------------------------------------------------------------

  /** The current session, or `null` when signed out. Does not refresh. */
  async getSession(): Promise<Session | null> {
    await this.loaded;
    return this.session;
  }

  /** A valid access token, refreshed first when it expires within the margin; `null` when signed out. */
  async getAccessToken(): Promise<string | null> {
    await this.loaded;
    if (this.session && this.session.expiresAt - Date.now() <= this.marginMs) {
      await this.refreshSession().catch(() => null);
    }
    return this.session?.accessToken ?? null;
  }

  /**
   * Exchanges the refresh token for new tokens (rotation). Concurrent calls share one request, and across
   * tabs one refresh runs at a time: a tab that waited adopts the tokens another tab just got instead of
   * presenting a refresh token that was already rotated. A refused refresh token signs the user out.
   */
  refreshSession(): Promise<Session | null> {
    const presented = this.session?.accessToken;
    this.refreshing ??= this.lockedRefresh(presented).finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  /** Calls `listener` on every sign-in, refresh and sign-out, here or in another tab. Returns the unsubscribe. */
  onAuthStateChange(listener: AuthChangeListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /**
   * `fetch` with the access token: relative URLs resolve against `baseUrl`; the bearer is only sent to
   * `tokenOrigins`. A 401 triggers one refresh and one retry (bodies must be replayable: strings, not streams).
   */
  async fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(String(input), this.baseUrl + '/');
    const send = (token: string | null) => {
      const headers = new Headers(init.headers);
      if (token && this.tokenOrigins.has(url.origin)) headers.set('Authorization', `Bearer ${token}`);
      return this.fetchImpl(url.toString(), { ...init, headers });
    };
    const token = await this.getAccessToken();
    const response = await send(token);
    if (response.status !== 401 || !token || !this.tokenOrigins.has(url.origin)) return response;
    const refreshed = await this.refreshSession().catch(() => null);
    return refreshed ? send(refreshed.accessToken) : response;
  }

  /** Stops the refresh timer and the cross-tab channel. */
  dispose(): void {
    clearTimeout(this.timer);
    this.channel?.close();
    this.listeners.clear();
  }

  // --- registration and verification ---------------------------------------------------------------

  /** The app's public sign-in settings: which methods a form should offer, the password minimum. */
  async getAppSettings(): Promise<AppSignInSettings> {
    const settings = await this.send<Record<string, unknown>>('/api/auth/app-settings/', {});
    return {
      loginMethods: (Array.isArray(settings['login_methods']) ? settings['login_methods'] : [])
        .map(String) as LoginMethod[],
      requireVerifiedEmail: settings['require_verified_email'] === true,
      passwordMinLength: Number(settings['password_min_length'] ?? 8),
    };
  }

  /**
   * Creates an account (`POST /api/auth/register/`). Resolves the same way whether the address was new or
   * taken (the owner of a taken one gets an email), so nothing tells a visitor which addresses have accounts.
   * Leave `password` out for an app that only signs in by email.
   */
  async signUp(credentials: { email: string; password?: string }): Promise<void> {
    await this.send('/api/auth/register/', { body: this.withClient(credentials) });
  }

  /**
   * Confirms the address with the token of the verification link (`POST /api/auth/verify-email/`). The first
   * confirmation ends every earlier session and clears a password chosen before it (whoever signed up with the
   * address first may not own it), so pass the `password` the owner will sign in with; without one, the account
   * signs in by emailed link or code, or gets a password through a reset.
   */
  async verifyEmail(token: string, options: { password?: string } = {}): Promise<void> {
    await this.send('/api/auth/verify-email/', { body: options.password ? { token, password: options.password }
      : { token } });
  }

  /** Sends a new verification link; resolves alike for every address. */
  async resendVerification(email: string): Promise<void> {
    await this.send('/api/auth/verify-email/resend/', { body: this.withClient({ email }) });
  }

  // --- sign-in -------------------------------------------------------------------------------------

  /** Signs in with an address and password (`POST /api/auth/login/`). */
  async signInWithPassword(credentials: { email: string; password: string }): Promise<Session> {
    return this.signIn('/api/auth/login/', this.withClient(credentials));
  }

  /** Emails a sign-in link; resolves alike for every address. */
  async requestMagicLink(email: string): Promise<void> {
    await this.send('/api/auth/magic-link/', { body: this.withClient({ email }) });
  }

  /** Signs in with the token of a sign-in link (`POST /api/auth/magic-link/login/`). */
  async signInWithMagicLink(token: string): Promise<Session> {
    return this.signIn('/api/auth/magic-link/login/', { token });
  }

  /** Emails a one-time code; the answer's `requestId` goes with the code to {@link signInWithEmailCode}. */
  async requestEmailCode(email: string): Promise<{ requestId: string }> {
    const answer = await this.send<{ request_id: string }>('/api/auth/otp/', { body: this.withClient({ email }) });
    return { requestId: answer.request_id };
  }

  /** Signs in with an emailed code (`POST /api/auth/otp/verify/`). */
  async signInWithEmailCode(input: { requestId: string; code: string }): Promise<Session> {
    return this.signIn('/api/auth/otp/verify/', { request_id: input.requestId, code: input.code });
  }

  // --- sign-out and sessions -----------------------------------------------------------------------

  /** Ends this session on the server and here, and in the origin's other tabs. Never throws for a dead session. */
  async signOut(): Promise<void> {
    await this.loaded;
    const refresh = this.session?.refreshToken;
    try {
      if (this.cookieMode) await this.forgetCookie();
      else if (refresh) await this.send('/api/auth/logout/', { body: { refresh } });
    } finally {
      await this.end(true);
    }
  }

  /** Ends every session of the user (`POST /api/auth/logout/everywhere/`), then this one here. */
  async signOutEverywhere(): Promise<void> {
    await this.authorized('/api/auth/logout/everywhere/', { method: 'POST', body: {} });
    try {
      if (this.cookieMode) await this.forgetCookie();
    } finally {
      await this.end(true);
    }
  }

  /** The user's live sessions. */
  async listSessions(): Promise<SessionInfo[]> {
    const rows = await this.authorized<Array<Record<string, unknown>>>('/api/auth/sessions/', {});
    return rows.map((row) => ({
      id: String(row['id']), device: (row['device'] as string | null) ?? null,
      ipAddress: (row['ip_address'] as string | null) ?? null, createdAt: String(row['created_at']),
      lastUsedAt: (row['last_used_at'] as string | null) ?? null, expiresAt: String(row['expires_at']),
      current: row['current'] === true,
    }));
  }

  /** Ends one of the user's sessions by id. */
  async revokeSession(sessionId: string): Promise<void> {
    await this.authorized(`/api/auth/sessions/${encodeURIComponent(sessionId)}/`, { method: 'DELETE' });
  }

  /** The signed-in user's profile. */
  async getUser(): Promise<User> {
    const me = await this.authorized<Record<string, unknown>>('/api/users/me/', {});
    return {
      id: String(me['id']), email: String(me['email']), emailVerified: me['email_verified'] === true,
      roles: Array.isArray(me['roles']) ? me['roles'].map(String) : [], createdAt: String(me['created_at']),
    };
  }

  // --- passwords and addresses ---------------------------------------------------------------------

  /** Emails a password reset link; resolves alike for every address. */
  async requestPasswordReset(email: string): Promise<void> {
    await this.send('/api/auth/password/reset/', { body: this.withClient({ email }) });
  }

  /** Sets a new password with the reset link's token; every session of the user ends. */
  async confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
    await this.send('/api/auth/password/reset/confirm/', { body: input });
  }

  /** Changes the password of the signed-in user, who proves the current one. */
  async changePassword(input: { currentPassword: string; newPassword: string; endOtherSessions?: boolean }):
      Promise<void> {
    await this.authorized('/api/auth/password/change/', {
      method: 'POST', body: { current_password: input.currentPassword, new_password: input.newPassword,
        end_other_sessions: input.endOtherSessions ?? true },
    });
  }

  /** Starts an address change: a link goes to the new address, the change waits for it. */
  async requestEmailChange(input: { password: string; newEmail: string }): Promise<void> {
    await this.authorized('/api/auth/email/change/', {
      method: 'POST', body: { password: input.password, new_email: input.newEmail },
    });
  }

  /** Completes an address change with the token of the link sent to the new address. */
  async confirmEmailChange(token: string): Promise<void> {
    await this.send('/api/auth/email/change/confirm/', { body: { token } });
  }

  // --- internals -----------------------------------------------------------------------------------

  /** Cookie mode's logout: ends the cookie's session and has the browser drop the cookie. */
  private async forgetCookie(): Promise<void> {
    await this.send('/api/auth/token/logout/', { body: {}, cookie: true });
  }

  private send<T = unknown>(path: string, request: Call): Promise<T> {
    return call<T>(this.fetchImpl, this.baseUrl, path, request, this.clientId);
  }

  private withClient(body: Record<string, unknown>): Record<string, unknown> {
    return this.clientId ? { ...body, client_id: this.clientId } : { ...body };
  }

  /** A bearer call; after a 401 it refreshes once and retries, and signs out if that fails too. */
  private async authorized<T = unknown>(path: string, request: Call): Promise<T> {
    const token = await this.getAccessToken();
    if (!token) throw new TokenError('NOT_SIGNED_IN', 401, { title: 'Not signed in' }, 'Sign in first.');
    try {
      return await this.send<T>(path, { ...request, bearer: token });
    } catch (error) {
      if (!(error instanceof WatchwordError) || error.status !== 401) throw error;
      const refreshed = await this.refreshSession();
      if (!refreshed) throw error;
      return this.send<T>(path, { ...request, bearer: refreshed.accessToken });
    }
  }

  /** One refresh at a time across the origin's tabs (the lock), presenting what this tab last held. */
  private lockedRefresh(presented: string | undefined): Promise<Session | null> {
    return this.lock(`watchword-refresh:${this.storageKey}`, () => this.refreshUnderLock(presented));
  }

  private async refreshUnderLock(presented: string | undefined): Promise<Session | null> {
    // Another tab may have rotated while this one waited for the lock (it stored or broadcast the result):
    // adopt its tokens rather than present a refresh token that is already spent.
    // The storage is written on every change, by this tab or (shared storage, broadcast) by another.
    const latest = (await this.read()) ?? this.session;
    if (latest && latest.accessToken !== presented && latest.expiresAt - Date.now() > this.marginMs) {
      if (latest !== this.session) this.adopt(latest, this.session ? 'TOKEN_REFRESHED' : 'SIGNED_IN');
      return latest;
    }
    // Cookie mode presents the cookie, which the browser keeps current across tabs; an empty jar is a 401.
    const refresh = latest?.refreshToken;
    if (!refresh && !this.cookieMode) return null;
    try {
      const tokens = await this.send<TokenResponse>('/api/auth/token/refresh/',
        this.cookieMode ? { body: {}, cookie: true } : { body: { refresh } });
      const session = sessionOf(tokens);
      await this.write(session);
      this.adopt(session, this.session ? 'TOKEN_REFRESHED' : 'SIGNED_IN');
      this.post({ type: 'session', session });
      return session;
    } catch (error) {
      if (error instanceof TokenError) {
        await this.end(true);
        return null;
      }
      this.schedule(5000);
      throw error;
    }
  }

  /** A sign-in, once a session restored at load (cookie mode) is settled, so that the two never cross. */
  private async signIn(path: string, body: Record<string, unknown>): Promise<Session> {
    await this.loaded;
    const session = sessionOf(await this.send<TokenResponse>(path, { body, cookie: this.cookieMode }));
    await this.write(session);
    this.adopt(session, 'SIGNED_IN');
    this.post({ type: 'session', session });
    return session;
  }

  private async end(broadcast: boolean): Promise<void> {
    clearTimeout(this.timer);
    await this.storage.removeItem(this.storageKey);
    if (this.cookieMode) hint(this.storageKey, false);
    if (this.session) {
      this.session = null;
      this.emit('SIGNED_OUT');
    }
    if (broadcast) this.post({ type: 'signed-out' });
  }

  private adopt(session: Session, event: AuthChangeEvent): void {
    this.session = session;
    this.schedule(session.expiresAt - Date.now() - this.marginMs);
    this.emit(event);
  }

  private receive(message: Message): void {
    if (message.type === 'signed-out') {
      void this.end(false);
    } else if (!this.session || message.session.expiresAt >= this.session.expiresAt) {
      void this.write(message.session);
      this.adopt(message.session, this.session ? 'TOKEN_REFRESHED' : 'SIGNED_IN');
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.autoRefresh || !this.session) return;
    this.timer = setTimeout(() => { void this.refreshSession().catch(() => undefined); }, Math.max(delayMs, 0));
    // Node: a pending refresh must not keep a script alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private emit(event: AuthChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, this.session);
      } catch {
        // A listener's failure is the listener's; the others still hear of the change.
      }
    }
  }

  private post(message: Message): void {
    this.channel?.postMessage(message);
  }

  private async load(): Promise<void> {
    const stored = await this.read();
    if (stored) {
      this.adopt(stored, 'SIGNED_IN');
    } else if (this.cookieMode && hinted(this.storageKey)) {
      // A reload or a new tab: the access token was in memory, the cookie may still hold a session.
      this.refreshing = this.lockedRefresh(undefined).catch(() => null).finally(() => { this.refreshing = null; });
      await this.refreshing;
    }
  }

  private async read(): Promise<Session | null> {
    try {
      const raw = await this.storage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  }

  private async write(session: Session): Promise<void> {
    await this.storage.setItem(this.storageKey, JSON.stringify(session));
    if (this.cookieMode) hint(this.storageKey, true);
  }
}

/**
 * Cookie mode remembers, in `localStorage` where there is one, only *that* a session may be in the cookie, so that
 * a visitor who never signed in costs no refresh call on each page load. It is no secret: the tokens never go
 * there. Without `localStorage` every load tries one refresh.
 */
function hinted(key: string): boolean {
  try {
    const store = (globalThis as { localStorage?: Storage }).localStorage;
    return store ? store.getItem(`${key}.cookie`) === '1' : true;
  } catch {
    return true;
  }
}

function hint(key: string, signedIn: boolean): void {
  try {
    const store = (globalThis as { localStorage?: Storage }).localStorage;
    if (signedIn) store?.setItem(`${key}.cookie`, '1');
    else store?.removeItem(`${key}.cookie`);
  } catch {
    // Storage may be disabled; the next load then tries a refresh.
  }
}

/** The session of a token answer; the access token's claims are read, not verified (the server verifies). */
function sessionOf(tokens: TokenResponse): Session {
  const claims = decodeClaims(tokens.access);
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : undefined;
  return {
    accessToken: tokens.access,
    refreshToken: tokens.refresh ?? null,
    tokenType: 'Bearer',
    expiresAt: exp ?? Date.now() + (tokens.expires_in ?? 300) * 1000,
    userId: String(claims['sub'] ?? ''),
    sessionId: typeof claims['sid'] === 'string' ? claims['sid'] : undefined,
    roles: Array.isArray(claims['roles']) ? claims['roles'].map(String) : [],
  };
}

function decodeClaims(jwt: string): Record<string, unknown> {
  try {
    const part = jwt.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The `token` of an emailed link: Watchword puts it in the fragment (`#token=...`), which browsers never send
 * to a server or write to its logs. Reads `location.href` when no URL is given.
 */
export function tokenFromUrl(url?: string): string | null {
  const href = url ?? (globalThis as { location?: { href: string } }).location?.href;
  if (!href) return null;
  const hash = new URL(href).hash.replace(/^#/, '');
  return new URLSearchParams(hash).get('token');
}
