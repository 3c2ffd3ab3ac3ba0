import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/** Settings of {@link createVerifier}. */
export interface VerifierOptions {
  /** Watchword's public origin, e.g. `https://id.example.com`. */
  baseUrl: string;
  /** Your app's client id: a token must name it in `aud`, so another app's tokens are refused. */
  clientId: string;
  /** The expected `iss`. The default is `baseUrl`. */
  issuer?: string;
  /** Where the signing keys are published. The default is `<baseUrl>/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** Clock skew allowed on `exp`, `iat` and `nbf`, in seconds. The default is 5. */
  clockToleranceSeconds?: number;
}

/** The claims of a verified Watchword access token. */
export interface AccessTokenClaims {
  /** The user's id. */
  sub: string;
  /** The session's id. */
  sid: string | undefined;
  /** Roles granted when the token was issued. */
  roles: string[];
  /** The app's id (`default` for the default app). */
  tenant: string | undefined;
  /** The app's client id. */
  clientId: string | undefined;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Every claim as sent. */
  payload: JWTPayload;
}

/** A token that is missing, malformed, expired, for another app or not signed by Watchword. */
export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';
  readonly status = 401;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies access tokens offline, with the keys Watchword publishes (fetched once, cached, re-fetched on a new `kid`). */
export interface Verifier {
  /** The claims of a valid token; throws {@link InvalidTokenError} for anything else. */
  verify(token: string): Promise<AccessTokenClaims>;
  /** The same, from an `Authorization: Bearer ...` header value. */
  authenticate(authorization: string | null | undefined): Promise<AccessTokenClaims>;
}

/**
 * Offline verification as RFC 9068 and RFC 8725 ask: ES256 only (never `none` or a shared secret), header
 * `typ: at+jwt`, the issuer, and the app's client id in the audience. Offline means a revoked session's
 * tokens pass until they expire (minutes); where that matters, ask Watchword with {@link introspect}.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const keys = createRemoteJWKSet(new URL(options.jwksUrl ?? `${baseUrl}/.well-known/jwks.json`));
  const issuer = options.issuer ?? baseUrl;
  const verify = async (token: string): Promise<AccessTokenClaims> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['ES256'], typ: 'at+jwt', issuer, audience: options.clientId,
        clockTolerance: options.clockToleranceSeconds ?? 5, requiredClaims: ['sub', 'exp'],
      });
      return {
        sub: String(payload.sub),
        sid: typeof payload['sid'] === 'string' ? payload['sid'] : undefined,
        roles: Array.isArray(payload['roles']) ? payload['roles'].map(String) : [],
        tenant: typeof payload['tenant'] === 'string' ? payload['tenant'] : undefined,
        clientId: typeof payload['client_id'] === 'string' ? payload['client_id'] : undefined,
        exp: Number(payload.exp),
        payload,
      };
    } catch (cause) {
      if (cause instanceof errors.JOSEError) throw new InvalidTokenError('The access token is not valid.', { cause });
      throw cause;
    }
  };
  return {
    verify,
    authenticate(authorization) {
      const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
      if (!match?.[1]) return Promise.reject(new InvalidTokenError('No bearer token.'));
      return verify(match[1]);
    },
  };
}

/** Settings of {@link introspect}. */
export interface IntrospectionOptions {
  /** Watchword's public origin. */
  baseUrl: string;
  /** Your app's client id. */
  clientId: string;
  /** One of your app's API keys (from the admin dashboard); keep it on the server. */
  apiKey: string;
  /** The `fetch` to use. The default is `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** RFC 7662's answer; `active: false` for anything not live or not of your app. */
export interface IntrospectionResult {
  active: boolean;
  sub?: string;
  sid?: string;
  exp?: number;
  client_id?: string;
  tenant?: string;
  scope?: string;
  token_type?: string;
  [claim: string]: unknown;
}

/**
 * Asks Watchword whether a token is live now (RFC 7662), revocations included, authenticated with the app's
 * API key. A token of another app answers `{ active: false }`.
 */
export async function introspect(token: string, options: IntrospectionOptions): Promise<IntrospectionResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const credentials = btoa(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.apiKey)}`);
  const response = await fetchImpl(`${options.baseUrl.replace(/\/+$/, '')}/api/auth/token/introspect/`, {
    method: 'POST',
    headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json' },
    body: new URLSearchParams({ token }).toString(),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new Error(`Introspection refused (${response.status} ${problem.code ?? ''}): ${problem.detail ?? ''}`);
  }
  return (await response.json()) as IntrospectionResult;
}
