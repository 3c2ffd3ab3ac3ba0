import type { Fetch } from '@watchword/client';

/** A request as the fake Watchword saw it. */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

/** An answer: a status and a JSON body (a problem for errors); `undefined` body means none (204). */
export interface Reply {
  status: number;
  body?: unknown;
}

export type Route = Reply | ((request: Seen) => Reply | Promise<Reply>);

/** A problem+json answer as Watchword writes them. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { type: 'about:blank', title: 'Problem', status, detail, code, ...extra } };
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** An unsigned token with the given claims: the dashboard reads claims, only the server verifies. */
export function accessToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-')
    .replace(/\//g, '_');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'ES256', typ: 'at+jwt' })}.${encode({
    sub: 'admin-1', sid: 'session-1', iat: now, exp: now + 300, roles: ['admin'], ...claims,
  })}.signature`;
}

export const OPERATOR = {
  tenant: 'default', client_id: 'watchword',
  permissions: ['users:read', 'users:write', 'roles:write', 'settings:write', 'keys:write', 'audit:read', 'apps:write'],
};
export const APP_ADMIN = {
  tenant: 'app-1', client_id: 'client-1',
  permissions: ['users:read', 'users:write', 'roles:write', 'settings:write', 'keys:write', 'audit:read'],
};
export const NOBODY = { tenant: 'default', client_id: 'watchword', roles: ['user'], permissions: [] };

/**
 * A fake Watchword behind `fetch`: routes by "METHOD /path/" (the query string aside), records every request, and
 * answers 404 for anything unrouted, as the gateway does.
 */
export function fakeServer(routes: Record<string, Route>): { fetch: Fetch; seen: Seen[]; calls: (key: string) => Seen[] } {
  const seen: Seen[] = [];
  const fetch: Fetch = async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: Seen = {
      method, path: url.pathname, query: url.searchParams, headers: new Headers(init.headers),
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(request);
    const route = routes[`${method} ${url.pathname}`];
    const reply = route === undefined ? problem(404, 'NOT_FOUND', `No route for ${method} ${url.pathname}`)
      : typeof route === 'function' ? await route(request) : route;
    const problemJson = reply.status >= 400;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': problemJson ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetch, seen, calls: (key) => seen.filter((r) => `${r.method} ${r.path}` === key) };
}

/** The routes of a signed-in session in cookie mode: the reload's refresh and the profile. */
export function signedIn(claims: Record<string, unknown>, email = 'ada@example.com'): Record<string, Route> {
  window.localStorage.setItem('watchword.session.default.cookie', '1');
  return {
    'POST /api/auth/token/refresh/': ok({ access: accessToken(claims), token_type: 'Bearer', expires_in: 300 }),
    'GET /api/users/me/': ok({ id: 'admin-1', email, email_verified: true, roles: ['admin'], created_at: '2026-01-01T00:00:00Z' }),
    'POST /api/auth/token/logout/': { status: 204 },
  };
}

export function page<T>(items: T[], total = items.length, pageNumber = 1, size = 20) {
  return ok({ items, page: pageNumber, size, total });
}
