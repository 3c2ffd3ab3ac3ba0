import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { APP_ADMIN, ok, problem, type Route } from '../testing/fakeServer.js';
import { renderPage } from '../testing/renderPage.js';
import { AppDetailPage } from './AppDetailPage.js';

const SETTINGS = {
  login_methods: ['password'], require_verified_email: false, access_token_minutes: 5, refresh_token_days: 1,
  password_min_length: 8, cors_origins: ['https://shop.example.com'], link_base_url: 'https://shop.example.com',
  sender_name: 'Acme shop',
};
const APP = ok({ id: 'app-1', name: 'Acme shop', client_id: 'client-1', registered_by: 'admin-1',
  registered_at: '2026-01-01T00:00:00Z', updated_at: null, settings: SETTINGS, settings_changed_by: null,
  settings_changed_at: null, api_keys: [] });

function openSettings(put: Route) {
  return renderPage(<AppDetailPage />, {
    claims: APP_ADMIN, path: '/apps/app-1', pattern: 'apps/:appId',
    routes: { 'GET /api/admin/apps/app-1/': APP, 'PUT /api/admin/apps/app-1/settings/': put },
  });
}

const descriptionOf = (element: HTMLElement) => (element.getAttribute('aria-describedby') ?? '').split(' ')
  .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

describe('SettingsForm', () => {
  it('saveWhenLinkBaseUrlRejectedThenCodeShownAtLinkBaseUrl', async () => {
    openSettings(problem(400, 'LINK_BASE_URL_INVALID', 'The link base URL must be an origin.'));
    const field = await screen.findByLabelText('Link base URL');
    fireEvent.change(field, { target: { value: 'https://shop.example.com/path' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field)).toContain('LINK_BASE_URL_INVALID');
    expect(descriptionOf(field)).toContain('must be an origin');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getByLabelText('Sender name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('see the marked field');
  });

  it('saveWhenCorsOriginRejectedThenCodeShownAtCorsOrigins', async () => {
    const { server } = openSettings(problem(400, 'CORS_ORIGIN_INVALID', 'Each CORS origin must be exact.'));
    const field = await screen.findByLabelText('CORS origins');
    fireEvent.change(field, { target: { value: 'https://a.example.com\nhttps://b.example.com/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field)).toContain('CORS_ORIGIN_INVALID');
    expect((server.calls('PUT /api/admin/apps/app-1/settings/')[0]?.body as typeof SETTINGS).cors_origins)
      .toEqual(['https://a.example.com', 'https://b.example.com/']);
  });

  it('saveWhenFreshLoginRequiredThenSaidAtLinkBaseUrl', async () => {
    openSettings(problem(403, 'FRESH_LOGIN_REQUIRED', 'Sign in again.'));
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    const field = screen.getByLabelText('Link base URL');
    await waitFor(() => expect(descriptionOf(field)).toContain('FRESH_LOGIN_REQUIRED'));
  });

  it('saveWhenFieldMissingThenValidationErrorShownAtThatField', async () => {
    openSettings(problem(400, 'VALIDATION_FAILED', 'The request has missing or invalid fields.',
      { errors: [{ field: 'senderName', code: 'NotNull' }] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    const field = screen.getByLabelText('Sender name');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field)).toContain('NotNull');
  });

  it('saveWhenAcceptedThenSaidAndSentAsAWhole', async () => {
    const { server } = openSettings(ok({ ...SETTINGS, access_token_minutes: 15 }));
    fireEvent.change(await screen.findByLabelText('Access token lifetime (minutes)'), { target: { value: '15' } });
    fireEvent.click(screen.getByLabelText('Emailed one-time code'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(server.calls('PUT /api/admin/apps/app-1/settings/')[0]?.body).toEqual({
      ...SETTINGS, access_token_minutes: 15, login_methods: ['password', 'email_otp'],
    });
  });
});
