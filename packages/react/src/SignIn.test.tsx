import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createClient, type Fetch } from '@watchword/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignIn, SignedIn, SignedOut, WatchwordProvider, useUser } from './index.js';

const BASE = 'https://id.example.test';

function accessToken(): string {
  const claims = { sub: 'u1', sid: 's1', roles: ['user'], exp: Math.floor(Date.now() / 1000) + 300 };
  return `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A fetch that answers each path with the given function; every call is recorded. */
function server(routes: Record<string, (body: Record<string, unknown>) => Response>) {
  const calls: Array<{ path: string; body: Record<string, unknown> }> = [];
  const fetch: Fetch = async (input, init) => {
    const path = new URL(input).pathname;
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    calls.push({ path, body });
    const route = routes[path];
    return route ? route(body) : respond(404, { code: 'NOT_FOUND' });
  };
  return { fetch, calls };
}

function settings(methods: string[]) {
  return () => respond(200, { login_methods: methods, require_verified_email: false, password_min_length: 8 });
}

function renderWith(fetch: Fetch, ui: React.ReactNode) {
  const client = createClient({ baseUrl: BASE, fetch, crossTab: false, clientId: 'app-1' });
  render(<WatchwordProvider client={client}>{ui}</WatchwordProvider>);
  return client;
}

afterEach(cleanup);

describe('SignIn', () => {
  it('signInWhenAppAllowsPasswordThenSignsInAndReports', async () => {
    const api = server({
      '/api/auth/app-settings/': settings(['password', 'magic_link']),
      '/api/auth/login/': () => respond(200, { access: accessToken(), refresh: 'r1', expires_in: 300 }),
    });
    const onSignedIn = vi.fn();
    renderWith(api.fetch, <SignIn onSignedIn={onSignedIn} />);

    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Loading sign-in options…');
    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(api.calls.find((call) => call.path === '/api/auth/login/')?.body)
      .toEqual({ email: 'ada@example.com', password: 'right password', client_id: 'app-1' });
  });

  it('signInWhenAppAllowsOnlyEmailCodesThenOffersOnlyCodes', async () => {
    const api = server({
      '/api/auth/app-settings/': settings(['email_otp']),
      '/api/auth/otp/': () => respond(202, { request_id: 'req-1' }),
      '/api/auth/otp/verify/': (body) => (body['code'] === '123456'
        ? respond(200, { access: accessToken(), refresh: 'r1' })
        : respond(401, { code: 'INVALID_CODE', status: 401 })),
    });
    const onSignedIn = vi.fn();
    renderWith(api.fetch, <SignIn onSignedIn={onSignedIn} />);

    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'ada@example.com' } });
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Email me a sign-in link' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }));
    fireEvent.change(await screen.findByLabelText('Code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('That code is not valid. Check it, or ask for a new one.');
    expect(screen.getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(api.calls.at(-1)?.body).toEqual({ request_id: 'req-1', code: '123456' });
  });

  it('signInWhenPasswordWrongThenReadableErrorAtField', async () => {
    const api = server({
      '/api/auth/app-settings/': settings(['password']),
      '/api/auth/login/': () => respond(401, { code: 'INVALID_CREDENTIALS', status: 401 }),
    });
    renderWith(api.fetch, <SignIn />);

    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The email address or password is incorrect.');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('signInWhenRateLimitedThenSaysHowLongToWait', async () => {
    const api = server({
      '/api/auth/app-settings/': settings(['magic_link']),
      '/api/auth/magic-link/': () => respond(429, { code: 'RATE_LIMITED', status: 429 }, { 'Retry-After': '30' }),
    });
    renderWith(api.fetch, <SignIn />);

    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));

    expect((await screen.findByRole('alert')).textContent)
      .toBe('Too many attempts. Please wait a moment and try again. (about 30 s)');
  });

  it('signInWhenEmailMissingThenAskedForIt', async () => {
    renderWith(server({ '/api/auth/app-settings/': settings(['password']) }).fetch, <SignIn />);

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Enter your email address.');
  });

  it('signInWhenSettingsUnreachableThenErrorAndRetry', async () => {
    let attempts = 0;
    const fetch: Fetch = async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('offline');
      return settings(['password'])();
    };
    renderWith(fetch, <SignIn />);

    expect((await screen.findByRole('alert')).textContent)
      .toBe('The sign-in service cannot be reached. Check your connection and try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Email address')).toBeDefined();
  });
});

describe('gates and hooks', () => {
  function Profile() {
    const { user, isLoading } = useUser();
    return <p>{isLoading ? 'loading' : user?.email}</p>;
  }

  it('signedInWhenSessionStartsThenChildrenAndUserShown', async () => {
    const api = server({
      '/api/auth/login/': () => respond(200, { access: accessToken(), refresh: 'r1' }),
      '/api/users/me/': () => respond(200, { id: 'u1', email: 'ada@example.com', email_verified: true, roles: [],
        created_at: '2026-12-01T00:00:00Z' }),
    });
    const client = renderWith(api.fetch, (
      <>
        <SignedOut><p>signed out</p></SignedOut>
        <SignedIn><Profile /></SignedIn>
      </>
    ));
    expect(await screen.findByText('signed out')).toBeDefined();

    await client.signInWithPassword({ email: 'ada@example.com', password: 'x' });

    expect(await screen.findByText('ada@example.com')).toBeDefined();
    expect(screen.queryByText('signed out')).toBeNull();
  });
});
