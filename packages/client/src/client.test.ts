import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthError, NetworkError, RateLimitError, TokenError, ValidationError, createClient, inContextLock,
  memoryStorage, tokenFromUrl, type ClientOptions, type Fetch, type SessionStorage,
} from './index.js';

const BASE = 'https://id.example.test';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
  return `${encode({ alg: 'ES256', typ: 'at+jwt' })}.${encode(claims)}.signature`;
}

/** A stand-in for Watchword's HTTP API, keeping the rules a client depends on (rotation, reuse). */
class FakeServer {
  readonly requests: Array<{ path: string; headers: Headers; body: Record<string, unknown> | undefined;
    credentials: RequestCredentials | undefined }> = [];
  /** The browser's cookie jar for Watchword's token paths: what cookie mode's requests carry. */
  cookie: string | undefined;
  private live = new Set<string>();
  private counter = 0;
  accessLifetime = 300;
  failNext: Response | undefined;

  readonly fetch: Fetch = async (input, init) => {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    this.requests.push({ path: url.pathname, headers, body, credentials: init.credentials });
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = undefined;
      return failure;
    }
    return this.answer(url, headers, body);
  };

  count(path: string): number {
    return this.requests.filter((request) => request.path === path).length;
  }

  private answer(url: URL, headers: Headers, body: Record<string, unknown> | undefined): Response {
    const cookieMode = headers.get('X-Watchword-Refresh') === 'cookie';
    switch (url.pathname) {
      case '/api/auth/login/':
        return body?.['password'] === 'right password'
          ? json(200, this.tokens(cookieMode))
          : problem(401, 'INVALID_CREDENTIALS', 'The email address or password is incorrect.');
      case '/api/auth/token/refresh/': {
        const presented = String(cookieMode ? this.cookie : body?.['refresh']);
        if (!this.live.delete(presented)) return problem(401, 'INVALID_REFRESH_TOKEN');
        return json(200, this.tokens(cookieMode));
      }
      case '/api/auth/logout/':
        this.live.delete(String(body?.['refresh']));
        return new Response(null, { status: 204 });
      case '/api/auth/token/logout/':
        if (cookieMode && this.cookie) this.live.delete(this.cookie);
        this.cookie = undefined;
        return new Response(null, { status: 204 });
      case '/api/users/me/':
        return headers.get('Authorization')?.startsWith('Bearer ')
          ? json(200, { id: 'u1', email: 'ada@example.com', email_verified: true, roles: ['user'],
            created_at: '2026-12-01T00:00:00Z' })
          : problem(401, 'INVALID_TOKEN');
      case '/api/auth/otp/':
        return json(202, { request_id: 'r-1', detail: 'If the address can sign in, a code is on its way.' });
      default:
        return json(202, { detail: 'ok' });
    }
  }

  private tokens(cookieMode = false) {
    const refresh = `refresh-${++this.counter}`;
    this.live.add(refresh);
    if (cookieMode) this.cookie = refresh;
    return {
      access: jwt({ sub: 'u1', sid: 's1', roles: ['user'], exp: Math.floor(Date.now() / 1000) + this.accessLifetime,
        n: this.counter }),
      ...(cookieMode ? {} : { refresh }), token_type: 'Bearer', expires_in: this.accessLifetime,
    };
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string, detail = 'refused', headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'refused', status, detail, code }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

const clients: Array<{ dispose(): void }> = [];

function client(server: FakeServer, options: Partial<ClientOptions> = {}) {
  const created = createClient({ baseUrl: BASE, fetch: server.fetch, crossTab: false, ...options });
  clients.push(created);
  return created;
}

afterEach(() => {
  clients.splice(0).forEach((created) => created.dispose());
  vi.useRealTimers();
});

describe('signInWithPassword', () => {
  it('signInWhenPasswordRightThenSessionHeldAndAnnounced', async () => {
    const server = new FakeServer();
    const watchword = client(server);
    const events: string[] = [];
    watchword.onAuthStateChange((event) => events.push(event));

    const session = await watchword.signInWithPassword({ email: 'ada@example.com', password: 'right password' });

    expect(session.userId).toBe('u1');
    expect(session.sessionId).toBe('s1');
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    expect(await watchword.getSession()).toEqual(session);
    expect(events).toEqual(['SIGNED_IN']);
  });

  it('signInWhenPasswordWrongThenAuthErrorWithServerCode', async () => {
    const watchword = client(new FakeServer());

    const error = await watchword.signInWithPassword({ email: 'ada@example.com', password: 'wrong' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(await watchword.getSession()).toBeNull();
  });

  it('signInWhenClientIdSetThenSentInBodyAndHeader', async () => {
    const server = new FakeServer();
    await client(server, { clientId: 'app-1' }).signInWithPassword({ email: 'a@b.c', password: 'right password' });

    expect(server.requests[0]?.body).toMatchObject({ client_id: 'app-1' });
    expect(server.requests[0]?.headers.get('X-Client-Id')).toBe('app-1');
  });
});

describe('errors', () => {
  it('requestWhenRateLimitedThenRetryAfterGiven', async () => {
    const server = new FakeServer();
    server.failNext = problem(429, 'RATE_LIMITED', 'Too many attempts.', { 'Retry-After': '42' });

    const error = await client(server).requestPasswordReset('ada@example.com').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 42 });
  });

  it('requestWhenFieldRejectedThenValidationErrorNamesField', async () => {
    const server = new FakeServer();
    server.failNext = new Response(JSON.stringify({ status: 400, code: 'PASSWORD_TOO_SHORT', field: 'password' }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } });

    const error = await client(server).signUp({ email: 'a@b.c', password: 'short' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('password');
  });

  it('requestWhenServerUnreachableThenNetworkError', async () => {
    const watchword = createClient({ baseUrl: BASE, crossTab: false,
      fetch: () => Promise.reject(new TypeError('fetch failed')) });
    clients.push(watchword);

    await expect(watchword.resendVerification('a@b.c')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('refreshSession', () => {
  it('refreshWhenCalledConcurrentlyThenOneRequest', async () => {
    const server = new FakeServer();
    const watchword = client(server);
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    const [first, second, third] = await Promise.all(
      [watchword.refreshSession(), watchword.refreshSession(), watchword.refreshSession()]);

    expect(server.count('/api/auth/token/refresh/')).toBe(1);
    expect(first?.refreshToken).toBe('refresh-2');
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('refreshWhenTwoTabsShareStorageThenOneRotationAndBothSignedIn', async () => {
    // Two tabs: one storage and one lock, as localStorage and Web Locks give a browser's tabs.
    const server = new FakeServer();
    const storage = memoryStorage();
    const lock = inContextLock();
    const tabA = client(server, { storage, lock });
    await tabA.signInWithPassword({ email: 'a@b.c', password: 'right password' });
    const tabB = client(server, { storage, lock });
    await tabB.getSession();

    const [a, b] = await Promise.all([tabA.refreshSession(), tabB.refreshSession()]);

    expect(server.count('/api/auth/token/refresh/')).toBe(1);
    expect(a?.refreshToken).toBe('refresh-2');
    expect(b?.refreshToken).toBe('refresh-2');
  });

  it('refreshWhenTokenRefusedThenSignedOut', async () => {
    const server = new FakeServer();
    const watchword = client(server);
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });
    const events: string[] = [];
    watchword.onAuthStateChange((event) => events.push(event));
    server.failNext = problem(401, 'INVALID_REFRESH_TOKEN');

    expect(await watchword.refreshSession()).toBeNull();
    expect(await watchword.getSession()).toBeNull();
    expect(events).toEqual(['SIGNED_OUT']);
  });

  it('refreshWhenExpiryNearThenRefreshedAutomatically', async () => {
    vi.useFakeTimers();
    const server = new FakeServer();
    server.accessLifetime = 60;
    const watchword = client(server, { refreshMarginSeconds: 30 });
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    await vi.advanceTimersByTimeAsync(31_000);

    expect(server.count('/api/auth/token/refresh/')).toBe(1);
    expect((await watchword.getSession())?.refreshToken).toBe('refresh-2');
  });

  it('onAuthStateChangeWhenUnsubscribedThenNotCalled', async () => {
    const server = new FakeServer();
    const watchword = client(server);
    const listener = vi.fn();
    const unsubscribe = watchword.onAuthStateChange(listener);
    unsubscribe();

    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    expect(listener).not.toHaveBeenCalled();
  });
});

describe('fetch', () => {
  it('fetchWhenUnauthorizedThenRefreshesAndRetriesOnce', async () => {
    const server = new FakeServer();
    const watchword = client(server);
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });
    server.failNext = problem(401, 'INVALID_TOKEN');

    const response = await watchword.fetch('/api/users/me/');

    expect(response.status).toBe(200);
    expect(server.count('/api/auth/token/refresh/')).toBe(1);
    expect(server.count('/api/users/me/')).toBe(2);
  });

  it('fetchWhenOtherOriginThenNoBearer', async () => {
    const server = new FakeServer();
    const watchword = client(server, { tokenOrigins: ['https://api.example.test'] });
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    await watchword.fetch('https://api.example.test/orders');
    await watchword.fetch('https://elsewhere.example.test/track');

    const sent = server.requests.slice(-2).map((request) => request.headers.get('Authorization'));
    expect(sent[0]).toMatch(/^Bearer /);
    expect(sent[1]).toBeNull();
  });
});

describe('other flows', () => {
  it('getUserWhenSignedOutThenTokenError', async () => {
    await expect(client(new FakeServer()).getUser()).rejects.toBeInstanceOf(TokenError);
  });

  it('getUserWhenSignedInThenProfile', async () => {
    const server = new FakeServer();
    const watchword = client(server);
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    expect(await watchword.getUser()).toEqual({ id: 'u1', email: 'ada@example.com', emailVerified: true,
      roles: ['user'], createdAt: '2026-12-01T00:00:00Z' });
  });

  it('requestEmailCodeWhenAnsweredThenRequestIdReturned', async () => {
    expect(await client(new FakeServer()).requestEmailCode('a@b.c')).toEqual({ requestId: 'r-1' });
  });

  it('signOutWhenSignedInThenServerSessionEndsAndStorageEmpty', async () => {
    const server = new FakeServer();
    const storage: SessionStorage = memoryStorage();
    const watchword = client(server, { storage, storageKey: 'k' });
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    await watchword.signOut();

    expect(server.requests.at(-1)).toMatchObject({ path: '/api/auth/logout/', body: { refresh: 'refresh-1' } });
    expect(await storage.getItem('k')).toBeNull();
  });

  it('tokenFromUrlWhenFragmentHoldsTokenThenReturned', () => {
    expect(tokenFromUrl('https://app.example.test/verify-email#token=abc-123')).toBe('abc-123');
    expect(tokenFromUrl('https://app.example.test/verify-email?token=abc')).toBeNull();
  });
});

describe('cookie mode', () => {
  it('signInWhenCookieModeThenRefreshTokenNeverInTheClientAndCookieSent', async () => {
    const server = new FakeServer();
    const storage = memoryStorage();
    const watchword = client(server, { refreshTokenIn: 'cookie', storage, storageKey: 'k' });

    const session = await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    expect(session.refreshToken).toBeNull();
    expect(server.cookie).toBe('refresh-1');
    const login = server.requests.find((request) => request.path === '/api/auth/login/');
    expect(login).toMatchObject({ credentials: 'include' });
    expect(login?.headers.get('X-Watchword-Refresh')).toBe('cookie');
    expect(await storage.getItem('k')).not.toContain('refresh-1');
  });

  it('refreshWhenCookieModeThenCookieRotatesAndOtherCallsCarryNoCookie', async () => {
    const server = new FakeServer();
    const watchword = client(server, { refreshTokenIn: 'cookie' });
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    const refreshed = await watchword.refreshSession();
    await watchword.getUser();

    expect(refreshed?.refreshToken).toBeNull();
    expect(server.cookie).toBe('refresh-2');
    expect(server.requests.find((request) => request.path === '/api/users/me/')?.credentials).toBe('omit');
  });

  it('createClientWhenCookieHoldsASessionThenRestoredWithOneRefresh', async () => {
    // A reload: the access token was in memory only, the browser kept the cookie.
    const server = new FakeServer();
    await client(server, { refreshTokenIn: 'cookie' })
      .signInWithPassword({ email: 'a@b.c', password: 'right password' });
    const events: string[] = [];

    const before = server.count('/api/auth/token/refresh/');

    const reloaded = client(server, { refreshTokenIn: 'cookie' });
    reloaded.onAuthStateChange((event) => events.push(event));

    expect((await reloaded.getSession())?.userId).toBe('u1');
    expect(server.count('/api/auth/token/refresh/') - before).toBe(1);
    expect(server.cookie).toBe('refresh-2');
    expect(events).toEqual(['SIGNED_IN']);
  });

  it('signOutWhenCookieModeThenCookieSessionEndedAndNothingRestored', async () => {
    const server = new FakeServer();
    const watchword = client(server, { refreshTokenIn: 'cookie' });
    await watchword.signInWithPassword({ email: 'a@b.c', password: 'right password' });

    await watchword.signOut();

    expect(server.requests.at(-1)).toMatchObject({ path: '/api/auth/token/logout/', credentials: 'include' });
    expect(server.cookie).toBeUndefined();
    expect(await client(server, { refreshTokenIn: 'cookie' }).getSession()).toBeNull();
  });

  it('createClientWhenStorageGivenOrNoDocumentThenStorageMode', async () => {
    const server = new FakeServer();

    const session = await client(server).signInWithPassword({ email: 'a@b.c', password: 'right password' });

    expect(session.refreshToken).toBe('refresh-1');
    expect(server.requests[0]?.headers.get('X-Watchword-Refresh')).toBeNull();
  });
});

describe('platform', () => {
  it('storageWhenAsyncStorageShapedThenSessionSurvivesANewClient', async () => {
    // React Native's AsyncStorage: the same three methods, every one returning a promise.
    const items = new Map<string, string>();
    const asyncStorage: SessionStorage = {
      getItem: async (key) => items.get(key) ?? null,
      setItem: async (key, value) => { items.set(key, value); },
      removeItem: async (key) => { items.delete(key); },
    };
    const server = new FakeServer();
    const session = await client(server, { storage: asyncStorage })
      .signInWithPassword({ email: 'a@b.c', password: 'right password' });

    const restarted = client(server, { storage: asyncStorage });

    expect(await restarted.getSession()).toEqual(session);
  });

  it('createClientWhenNoDomGlobalsThenWorks', async () => {
    // The React Native and Node path: no window, document or localStorage.
    expect(typeof (globalThis as Record<string, unknown>)['window']).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>)['document']).toBe('undefined');
    const server = new FakeServer();

    await client(server).signInWithPassword({ email: 'a@b.c', password: 'right password' });

    expect(server.count('/api/auth/login/')).toBe(1);
  });
});
