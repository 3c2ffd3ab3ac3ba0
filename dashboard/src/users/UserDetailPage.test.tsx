import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { APP_ADMIN, ok, problem, type Route } from '../testing/fakeServer.js';
import { renderPage } from '../testing/renderPage.js';
import { UserDetailPage } from './UserDetailPage.js';

const ADA = {
  id: 'u-1', app_id: 'app-1', email: 'ada@example.com', status: 'active', email_verified: true, roles: ['user'],
  created_at: '2026-01-02T00:00:00Z', last_login_at: '2026-01-03T00:00:00Z',
  sessions: [{ id: 's-1', device: 'Firefox', ip_address: '203.0.113.9', login_method: 'PASSWORD',
    created_at: '2026-01-03T00:00:00Z', last_used_at: null, expires_at: '2026-01-04T00:00:00Z' }],
  recent_activity: [],
};
const SAFARI = { ...ADA.sessions[0]!, id: 's-2', device: 'Safari', ip_address: '198.51.100.4' };

function openAda(routes: Record<string, Route> = {}) {
  return renderPage(<UserDetailPage />, {
    claims: APP_ADMIN, path: '/users/u-1', pattern: 'users/:userId',
    routes: {
      'GET /api/admin/users/u-1/': ok(ADA),
      'GET /api/admin/apps/app-1/roles/': ok([{ role: 'user', permissions: [], built_in: true, defined_by: null,
        defined_at: null }, { role: 'admin', permissions: ['users:read'], built_in: true, defined_by: null, defined_at: null }]),
      'GET /api/admin/audit/': ok({ items: [], next_after: null }),
      ...routes,
    },
  });
}

describe('UserDetailPage', () => {
  it('eraseWhenTypedEmailMatchesThenErasedOnlyThen', async () => {
    const { server } = openAda({ 'DELETE /api/admin/users/u-1/': { status: 204 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Erase account' }));

    const dialog = screen.getByRole('dialog', { name: 'Erase ada@example.com?' });
    const confirm = within(dialog).getByRole('button', { name: 'Erase account' }) as HTMLButtonElement;
    const typed = within(dialog).getByLabelText(/to confirm/);
    expect(document.activeElement).toBe(typed);
    expect(confirm.disabled).toBe(true);

    fireEvent.change(typed, { target: { value: 'ada@example.org' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.submit(confirm.form!);
    expect(server.calls('DELETE /api/admin/users/u-1/')).toHaveLength(0);

    fireEvent.change(typed, { target: { value: 'ada@example.com' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);

    expect(await screen.findByText('Elsewhere')).toBeTruthy();
    expect(server.calls('DELETE /api/admin/users/u-1/')).toHaveLength(1);
  });

  it('eraseWhenCancelledThenNothingSent', async () => {
    const { server } = openAda();
    fireEvent.click(await screen.findByRole('button', { name: 'Erase account' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.seen.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('disableWhenConfirmedThenPostedAndSaid', async () => {
    const { server } = openAda({ 'POST /api/admin/users/u-1/disable/': { status: 204 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Disable account' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable ada@example.com?' });
    expect(server.calls('POST /api/admin/users/u-1/disable/')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable account' }));

    expect(await screen.findByText('The account is disabled and every session has ended.')).toBeTruthy();
    expect(server.calls('POST /api/admin/users/u-1/disable/')).toHaveLength(1);
  });

  it('endSessionWhenConfirmedThenThatSessionDeletedAndTheUserReloaded', async () => {
    let ended = false;
    const { server } = openAda({
      'GET /api/admin/users/u-1/': () => ok({ ...ADA, sessions: ended ? [SAFARI] : [...ADA.sessions, SAFARI] }),
      'DELETE /api/admin/users/u-1/sessions/s-1/': () => { ended = true; return { status: 204 }; },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'End session on Firefox' }));

    const dialog = screen.getByRole('dialog', { name: 'End the session on Firefox?' });
    expect(dialog.textContent).toContain('203.0.113.9');
    expect(server.calls('DELETE /api/admin/users/u-1/sessions/s-1/')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'End session' }));

    expect(await screen.findByText('The session on Firefox has ended.')).toBeTruthy();
    expect(server.calls('DELETE /api/admin/users/u-1/sessions/s-1/')).toHaveLength(1);
    expect(server.seen.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'End session on Firefox' })).toBeNull());
    expect(screen.getByRole('button', { name: 'End session on Safari' })).toBeTruthy();
    expect(server.calls('GET /api/admin/users/u-1/')).toHaveLength(2);
  });

  it('endSessionWhenCancelledThenNothingSent', async () => {
    const { server } = openAda();
    fireEvent.click(await screen.findByRole('button', { name: 'End session on Firefox' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.seen.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('endSessionWhenEndedMeanwhileThenDialogSaysSoWithItsCode', async () => {
    openAda({
      'DELETE /api/admin/users/u-1/sessions/s-1/': problem(404, 'SESSION_NOT_FOUND', 'There is no such live session.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'End session on Firefox' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'End session' }));

    const alert = await within(screen.getByRole('dialog')).findByRole('alert');
    expect(alert.textContent).toContain('There is no such live session.');
    expect(alert.textContent).toContain('SESSION_NOT_FOUND');
  });

  it('endSessionWhenTwoSessionsShareADeviceThenEachButtonSaysWhenItStarted', async () => {
    openAda({ 'GET /api/admin/users/u-1/': ok({ ...ADA, sessions: [...ADA.sessions,
      { ...ADA.sessions[0]!, id: 's-2', created_at: '2026-01-03T06:00:00Z' }] }) });
    const buttons = await screen.findAllByRole('button', { name: /^End session on Firefox, started / });
    expect(new Set(buttons.map((button) => button.getAttribute('aria-label'))).size).toBe(2);
  });

  it('endSessionWhenCallerCannotWriteUsersThenNoButton', async () => {
    renderPage(<UserDetailPage />, {
      claims: { ...APP_ADMIN, permissions: ['users:read'] }, path: '/users/u-1', pattern: 'users/:userId',
      routes: { 'GET /api/admin/users/u-1/': ok(ADA) },
    });
    expect(await screen.findByRole('row', { name: /Firefox/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /End session/ })).toBeNull();
  });

  it('grantWhenRoleChosenThenPostedWithTheRole', async () => {
    const { server } = openAda({ 'POST /api/admin/users/u-1/roles/': { status: 204 } });
    const select = await screen.findByLabelText('Role to grant');
    await waitFor(() => expect(within(select).getByRole('option', { name: /^admin/ })).toBeTruthy());
    fireEvent.change(select, { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Grant role' }));

    expect(await screen.findByText('Granted admin.')).toBeTruthy();
    expect(server.calls('POST /api/admin/users/u-1/roles/')[0]?.body).toEqual({ role: 'admin' });
  });
});
