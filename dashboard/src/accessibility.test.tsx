import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { Dashboard } from './App.js';
import { AppDetailPage } from './apps/AppDetailPage.js';
import { AppsPage } from './apps/AppsPage.js';
import { AuditPage } from './audit/AuditPage.js';
import { OverviewPage } from './overview/OverviewPage.js';
import { ReplaysPage } from './replays/ReplaysPage.js';
import { RolesPage } from './roles/RolesPage.js';
import { NOBODY, OPERATOR, fakeServer, ok, page, problem, signedIn } from './testing/fakeServer.js';
import { renderPage } from './testing/renderPage.js';
import { UserDetailPage } from './users/UserDetailPage.js';
import { UsersPage } from './users/UsersPage.js';

const APP = { id: 'app-1', name: 'Acme shop', client_id: 'client-1', registered_by: 'admin-1',
  registered_at: '2026-01-01T00:00:00Z', updated_at: null };
const USER = { id: 'u-1', app_id: 'app-1', email: 'ada@example.com', status: 'active', email_verified: true,
  roles: ['user', 'admin'], created_at: '2026-01-02T00:00:00Z', last_login_at: '2026-01-03T00:00:00Z' };
const ENTRY = { position: 7, event_id: 'e-7', type: 'RoleAssigned', aggregate_id: 'u-1', sequence: 3,
  occurred_at: '2026-01-03T00:00:00Z', app_id: 'app-1', actor: 'admin-1', ip_address: '203.0.113.9',
  payload: { role: 'admin' } };
const ROUTES = {
  'GET /api/admin/apps/': page([APP]),
  'GET /api/admin/apps/app-1/': ok({ ...APP, settings: { login_methods: ['password'], require_verified_email: true,
    access_token_minutes: 5, refresh_token_days: 1, password_min_length: 8, cors_origins: [],
    link_base_url: 'https://shop.example.com', sender_name: 'Acme' }, settings_changed_by: null,
    settings_changed_at: null, api_keys: [{ id: 'k1', prefix: 'wwk_k1', status: 'active', issued_by: 'admin-1',
      issued_at: '2026-01-01T00:00:00Z', valid_until: null, revoked_at: null }] }),
  'PUT /api/admin/apps/app-1/settings/': problem(400, 'CORS_ORIGIN_INVALID', 'Each CORS origin must be exact.'),
  'GET /api/admin/apps/app-1/roles/': ok([{ role: 'user', permissions: [], built_in: true, defined_by: null,
    defined_at: null }, { role: 'support', permissions: ['users:read'], built_in: false, defined_by: 'admin-1',
    defined_at: '2026-01-01T00:00:00Z' }]),
  'GET /api/admin/users/': page([USER]),
  'GET /api/admin/users/u-1/': ok({ ...USER, sessions: [{ id: 's-1', device: 'Firefox', ip_address: '203.0.113.9',
    login_method: 'PASSWORD', created_at: '2026-01-03T00:00:00Z', last_used_at: null,
    expires_at: '2026-01-04T00:00:00Z' }], recent_activity: [{ occurred_at: '2026-01-03T00:00:00Z',
    type: 'login_succeeded', ip_address: '203.0.113.9', user_agent: 'Firefox', method: 'PASSWORD', reason: null }] }),
  'GET /api/admin/audit/': ok({ items: [ENTRY], next_after: 7 }),
  'GET /api/admin/activity/daily/': ok({ app: null, from: '2026-01-01', to: '2026-01-02', items: [
    { day: '2026-01-01', registrations: 3, logins: 9, failed_logins: 2, lockouts: 0, active_users: 5 },
    { day: '2026-01-02', registrations: 1, logins: 4, failed_logins: 0, lockouts: 1, active_users: 3 }] }),
  'GET /api/admin/activity/monthly/': ok({ app: null, month: '2026-01', active_users: 6 }),
  'GET /api/admin/replays/projections/': ok([{ name: 'admin_user_row', tables: ['admin_user_row'], replayable: true,
    reason: null }]),
  'GET /api/admin/replays/': ok([{ id: 'r-1', projection: 'admin_user_row', status: 'building', position: 5,
    target_position: 10, head_position: 10, lag: 5, events_applied: 5, events_per_second: 2, eta_seconds: 3,
    requested: null, started_by: 'admin-1', started_at: '2026-01-05T10:00:00Z', updated_at: null, caught_up_at: null,
    finished_at: null, pause_millis: null, stale: false, error: null }]),
};

/** axe-core over the document; jsdom cannot lay out or paint, so contrast is left to the browser tests. */
async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PAGES: Array<[string, ReactElement, string, string, string]> = [
  ['overview', <OverviewPage />, '/', '*', 'Logins, failed logins and lockouts'],
  ['apps', <AppsPage />, '/apps', 'apps', 'Acme shop'],
  ['app detail', <AppDetailPage />, '/apps/app-1', 'apps/:appId', 'wwk_k1'],
  ['users', <UsersPage />, '/users', 'users', 'ada@example.com'],
  ['user detail', <UserDetailPage />, '/users/u-1', 'users/:userId', 'Firefox'],
  ['roles', <RolesPage />, '/roles', 'roles', 'support'],
  ['audit', <AuditPage />, '/audit', 'audit', 'RoleAssigned'],
  ['replays', <ReplaysPage />, '/replays/r-1', 'replays/:replayId', 'Recent replays'],
];

describe('accessibility', () => {
  it.each(PAGES)('%sWhenLoadedThenNoSeriousViolation', async (_name, element, path, pattern, shown) => {
    window.sessionStorage.setItem('watchword.admin.app', 'app-1');
    renderPage(element, { claims: OPERATOR, path, pattern, routes: {
      ...ROUTES, 'GET /api/admin/replays/r-1/': ok({ id: 'r-1', projection: 'admin_user_row', status: 'caught_up',
        position: 10, target_position: 10, head_position: 10, lag: 0, events_applied: 10, events_per_second: 0,
        eta_seconds: null, requested: null, started_by: 'admin-1', started_at: '2026-01-05T10:00:00Z',
        updated_at: null, caught_up_at: '2026-01-05T10:00:01Z', finished_at: null, pause_millis: null, stale: false,
        error: null }),
    } });
    expect((await screen.findAllByText(shown)).length).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it('settingsWhenErrorShownThenNoSeriousViolation', async () => {
    renderPage(<AppDetailPage />, { claims: OPERATOR, path: '/apps/app-1', pattern: 'apps/:appId', routes: ROUTES });
    (await screen.findByRole('button', { name: 'Save settings' })).click();
    expect(await screen.findByText('CORS_ORIGIN_INVALID')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('usersWhenFailedThenNoSeriousViolation', async () => {
    renderPage(<UsersPage />, { claims: OPERATOR, path: '/users', pattern: 'users',
      routes: { 'GET /api/admin/users/': problem(500, 'INTERNAL_ERROR', 'The request failed.') } });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('signInWhenSignedOutThenNoSeriousViolation', async () => {
    window.history.pushState(null, '', '/admin/');
    const server = fakeServer({ 'GET /api/auth/app-settings/': ok({ login_methods: ['password', 'magic_link'],
      require_verified_email: false, password_min_length: 8 }) });
    render(<Dashboard baseUrl="http://localhost:3000" fetch={server.fetch} />);
    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('shellWhenSignedInThenNoSeriousViolation', async () => {
    window.history.pushState(null, '', '/admin/');
    const server = fakeServer({ ...ROUTES, ...signedIn(OPERATOR) });
    render(<Dashboard baseUrl="http://localhost:3000" fetch={server.fetch} />);
    expect(await screen.findByRole('navigation', { name: 'Admin' })).toBeTruthy();
    expect(await screen.findByText('Registrations and active users')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('noPermissionsWhenSignedInThenNoSeriousViolation', async () => {
    window.history.pushState(null, '', '/admin/');
    const server = fakeServer(signedIn(NOBODY));
    render(<Dashboard baseUrl="http://localhost:3000" fetch={server.fetch} />);
    expect(await screen.findByRole('heading', { name: 'This account has no admin permissions' })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
