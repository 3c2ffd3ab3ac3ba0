import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OPERATOR, ok, page, problem } from '../testing/fakeServer.js';
import { renderPage } from '../testing/renderPage.js';
import { AppsPage } from './AppsPage.js';

const KEY = 'wwk_k1_s3cr3tvalue';

describe('AppsPage', () => {
  it('registerWhenAcceptedThenClientIdAndKeyShownOnceWithCopy', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { server } = renderPage(<AppsPage />, {
      claims: OPERATOR,
      routes: {
        'POST /api/admin/apps/': ok({ id: 'app-9', name: 'Acme shop', client_id: 'client-9', key_id: 'k1',
          api_key: KEY, settings: {} }, 201),
      },
    });
    expect(await screen.findByText(/No app is registered yet/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('App name'), { target: { value: 'Acme shop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register app' }));

    const panel = await screen.findByRole('region', { name: 'Acme shop is registered' });
    expect(within(panel).getByText('client-9')).toBeTruthy();
    expect((within(panel).getByLabelText('API key') as HTMLInputElement).value).toBe(KEY);
    expect(within(panel).getByText('Copy it now: it will not be shown again.')).toBeTruthy();
    expect(server.calls('POST /api/admin/apps/')[0]?.body).toEqual({ name: 'Acme shop' });

    fireEvent.click(within(panel).getByRole('button', { name: 'Copy API key' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(KEY));
    expect(await within(panel).findByText('Copied to the clipboard.')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByDisplayValue(KEY)).toBeNull();
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('registerWhenNameRejectedThenProblemShownAtTheName', async () => {
    renderPage(<AppsPage />, {
      claims: OPERATOR,
      routes: { 'POST /api/admin/apps/': problem(400, 'APP_NAME_INVALID', 'The app name must have 1 to 100 characters.') },
    });
    fireEvent.change(await screen.findByLabelText('App name'), { target: { value: 'x\u0007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register app' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app name must have 1 to 100 characters.');
    expect(alert.textContent).toContain('APP_NAME_INVALID');
    expect(screen.getByLabelText('App name').getAttribute('aria-invalid')).toBe('true');
  });

  it('listWhenAppsExistThenTableLinksEachApp', async () => {
    renderPage(<AppsPage />, {
      claims: OPERATOR,
      routes: { 'GET /api/admin/apps/': page([{ id: 'app-1', name: 'Acme shop', client_id: 'client-1',
        registered_by: 'admin-1', registered_at: '2026-01-01T00:00:00Z', updated_at: null }]) },
    });
    const link = await screen.findByRole('link', { name: 'Acme shop' });
    expect(link.getAttribute('href')).toBe('/apps/app-1');
    expect(screen.getByRole('rowheader', { name: 'Acme shop' })).toBeTruthy();
  });
});
