import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTokenError, createVerifier, introspect } from './index.js';

let server: Server;
let baseUrl: string;
let privateKey: CryptoKey;
let publicJwk: JWK;
const introspections: Array<{ authorization: string | undefined; body: string }> = [];

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  server = createServer((request, response) => {
    if (request.url === '/.well-known/jwks.json') {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    request.on('end', () => {
      introspections.push({ authorization: request.headers.authorization, body });
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ active: true, sub: 'u1', client_id: 'app-1' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function token(overrides: { typ?: string; aud?: string[]; iss?: string; expiresIn?: string; kid?: string } = {}) {
  return new SignJWT({ sid: 's1', roles: ['user'], tenant: 'a1', client_id: 'app-1' })
    .setProtectedHeader({ alg: 'ES256', typ: overrides.typ ?? 'at+jwt', kid: overrides.kid ?? 'k1' })
    .setSubject('u1')
    .setIssuer(overrides.iss ?? baseUrl)
    .setAudience(overrides.aud ?? ['watchword', 'app-1'])
    .setIssuedAt()
    .setExpirationTime(overrides.expiresIn ?? '5m')
    .sign(privateKey);
}

describe('createVerifier', () => {
  it('verifyWhenTokenOfThisAppThenClaims', async () => {
    const claims = await createVerifier({ baseUrl, clientId: 'app-1' }).verify(await token());

    expect(claims).toMatchObject({ sub: 'u1', sid: 's1', roles: ['user'], tenant: 'a1', clientId: 'app-1' });
  });

  it.each([
    ['another app', { aud: ['watchword', 'app-2'] }],
    ['another issuer', { iss: 'https://evil.example' }],
    ['a plain JWT, not an access token', { typ: 'JWT' }],
    ['an expired token', { expiresIn: '-1m' }],
    ['an unknown key', { kid: 'k9' }],
  ])('verifyWhen %sThenInvalidToken', async (_case, overrides) => {
    await expect(createVerifier({ baseUrl, clientId: 'app-1' }).verify(await token(overrides)))
      .rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifyWhenUnsignedThenInvalidToken', async () => {
    const [header, payload] = (await token()).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    expect(header).toBeDefined();

    await expect(createVerifier({ baseUrl, clientId: 'app-1' }).verify(none)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('authenticateWhenNoBearerThenInvalidToken', async () => {
    await expect(createVerifier({ baseUrl, clientId: 'app-1' }).authenticate('Basic abc'))
      .rejects.toMatchObject({ code: 'INVALID_TOKEN', status: 401 });
  });
});

describe('introspect', () => {
  it('introspectWhenCalledThenAppCredentialsAndTokenSent', async () => {
    const result = await introspect('the-token', { baseUrl, clientId: 'app-1', apiKey: 'key-1' });

    expect(result).toMatchObject({ active: true, sub: 'u1' });
    expect(introspections.at(-1)).toEqual({
      authorization: `Basic ${Buffer.from('app-1:key-1').toString('base64')}`, body: 'token=the-token',
    });
  });
});
