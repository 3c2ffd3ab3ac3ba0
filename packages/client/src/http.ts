import { NetworkError, errorFromProblem, type Problem } from './errors.js';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface Call {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: Record<string, unknown>;
  bearer?: string;
  /** Cookie mode: ask for the refresh token in Watchword's HttpOnly cookie, and send that cookie. */
  cookie?: boolean;
}

/** The header that asks Watchword for cookie mode; it is also what lets the server trust the cookie (CSRF). */
export const COOKIE_MODE_HEADER = 'X-Watchword-Refresh';

/** One JSON call to Watchword; a non-2xx answer becomes the typed error of its problem+json `code`. */
export async function call<T>(fetchImpl: Fetch, baseUrl: string, path: string, request: Call, clientId?: string):
    Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (request.body) headers['Content-Type'] = 'application/json';
  if (request.bearer) headers['Authorization'] = `Bearer ${request.bearer}`;
  if (clientId) headers['X-Client-Id'] = clientId;
  if (request.cookie) headers[COOKIE_MODE_HEADER] = 'cookie';
  let response: Response;
  try {
    response = await fetchImpl(baseUrl + path, {
      method: request.method ?? (request.body ? 'POST' : 'GET'),
      headers,
      ...(request.body ? { body: JSON.stringify(request.body) } : {}),
      // Only cookie mode's calls carry cookies; nothing else of Watchword's needs one.
      credentials: request.cookie ? 'include' : 'omit',
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const problem: Problem = json && typeof json === 'object' ? (json as Problem) : text ? { detail: text } : {};
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw errorFromProblem(response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter : undefined);
  }
  return json as T;
}
