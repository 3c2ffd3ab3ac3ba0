import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dashboard } from './App.js';
import {
  APP_ADMIN, NOBODY, OPERATOR, accessToken, fakeServer, ok, page, signedIn, type Route,
} from './testing/fakeServer.js';

const APP_SETTINGS = ok({ client_id: 'watchword', login_methods: ['password'], require_verified_email: false,
  password_min_length: 8 });
const ACTIVITY = ok({ app: null, from: '2026-01-01', to: '2026-01-30', items: [] });
const MONTHLY = ok({ app: null, month: '2026-01', active_users: 0 });

function open(path: string, routes: Record<string, Route>) {
  window.history.pushState(null, '', `/admin${path}`);
  const server = fakeServer({
    'GET /api/auth/app-settings/': APP_SETTINGS,
    'GET /api/admin/activity/daily/': ACTIVITY,
    'GET /api/admin/activity/monthly/': MONTHLY,
    'GET /api/admin/apps/': page([{ id: 'app-1', name: 'Acme shop', client_id: 'client-1', registered_by: 'admin-1',
      registered_at: '2026-01-01T00:00:00Z', updated_at: null }]),
    ...routes,
  });
  render(<Dashboard baseUrl="http://localhost:3000" fetch={server.fetch} />);
  return server;
}

const navigationLinks = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Admin' });
  return within(nav).getAllByRole('link').map((link) => link.textContent);
};

describe('Dashboard', () => {
  it('signedOutWhenNoSessionThenOffersSignInAndTheAppConsole', async () => {
    const server = open('/', {});

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('App client id'), { target: { value: 'client-1' } });
    fireEvent.click(screen.getByRole('button', { name: "Open the app's console" }));

    expect(await screen.findByRole('heading', { name: "Sign in to your app's console" })).toBeTruthy();
    await waitFor(() => expect(server.calls('GET /api/auth/app-settings/').at(-1)?.headers.get('X-Client-Id'))
      .toBe('client-1'));
    expect(window.sessionStorage.getItem('watchword.admin.client-id')).toBe('client-1');
  });

  it('signInWhenPasswordAcceptedThenCookieModeAndNoTokenInStorage', async () => {
    const server = open('/', {
      'POST /api/auth/login/': ok({ access: accessToken(OPERATOR), token_type: 'Bearer', expires_in: 300 }),
      'GET /api/users/me/': ok({ id: 'admin-1', email: 'ops@example.com', email_verified: true, roles: ['admin'],
        created_at: '2026-01-01T00:00:00Z' }),
    });

    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'ops@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Overview', level: 1 })).toBeTruthy();
    expect(server.calls('POST /api/auth/login/')[0]?.headers.get('X-Watchword-Refresh')).toBe('cookie');
    const stored = Object.keys(window.localStorage).map((key) => window.localStorage.getItem(key)).join(' ');
    expect(stored).not.toContain('.');
    expect(JSON.stringify(window.sessionStorage)).not.toContain('signature');
  });

  it('operatorWhenSignedInThenEveryPageAndTheAppPicker', async () => {
    open('/', signedIn(OPERATOR));

    expect(await navigationLinks()).toEqual(['Overview', 'Apps', 'Users', 'Roles', 'Audit', 'Replays']);
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    const picker = await screen.findByLabelText('App');
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'Acme shop' })).toBeTruthy());
    expect(screen.getByText('Platform operator')).toBeTruthy();
  });

  it('appAdminWhenSignedInThenOwnAppOnlyWithoutReplaysOrPicker', async () => {
    window.sessionStorage.setItem('watchword.admin.client-id', 'client-1');
    window.localStorage.setItem('watchword.session.client-1.cookie', '1');
    open('/apps', { ...signedIn(APP_ADMIN) });

    expect(await navigationLinks()).toEqual(['Overview', 'Apps', 'Users', 'Roles', 'Audit']);
    expect(screen.queryByLabelText('App')).toBeNull();
    expect(await screen.findByText('Acme shop', { selector: 'strong' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Acme shop' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Register an app' })).toBeNull();
  });

  it('appAdminWhenOpeningReplaysByUrlThenToldItIsNotAllowed', async () => {
    window.sessionStorage.setItem('watchword.admin.client-id', 'client-1');
    window.localStorage.setItem('watchword.session.client-1.cookie', '1');
    const server = open('/replays', signedIn(APP_ADMIN));

    expect(await screen.findByText('Your permissions do not include this page.')).toBeTruthy();
    expect(server.calls('GET /api/admin/replays/')).toHaveLength(0);
  });

  it('userWithoutPermissionsWhenSignedInThenNoAdminPageAndSignOut', async () => {
    const server = open('/', signedIn(NOBODY, 'someone@example.com'));

    expect(await screen.findByRole('heading', { name: 'This account has no admin permissions' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Admin' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(server.calls('POST /api/auth/token/logout/')).toHaveLength(1);
  });
});
