import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { APP_ADMIN, page, problem } from '../testing/fakeServer.js';
import { renderPage } from '../testing/renderPage.js';
import { UsersPage } from './UsersPage.js';

const ADA = { id: 'u-1', app_id: 'app-1', email: 'ada@example.com', status: 'active', email_verified: true,
  roles: ['user'], created_at: '2026-01-02T00:00:00Z', last_login_at: null };
const BOB = { ...ADA, id: 'u-2', email: 'bob@example.com', email_verified: false };
const CY = { ...BOB, id: 'u-3', email: 'cy@example.com' };

describe('UsersPage', () => {
  it('listWhenAppHasNoUsersThenEmptyStateSaysSo', async () => {
    renderPage(<UsersPage />, { claims: APP_ADMIN, path: '/users', routes: { 'GET /api/admin/users/': page([]) } });
    expect(await screen.findByText(/This app has no users yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('listWhenServerFailsThenProblemDetailAndRetry', async () => {
    let fail = true;
    const { server } = renderPage(<UsersPage />, {
      claims: APP_ADMIN, path: '/users',
      routes: {
        'GET /api/admin/users/': () => (fail ? problem(503, 'SERVICE_UNAVAILABLE', 'query-service is unavailable.')
          : page([ADA])),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the users.');
    expect(alert.textContent).toContain('query-service is unavailable.');
    expect(alert.textContent).toContain('SERVICE_UNAVAILABLE');

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'ada@example.com' })).toBeTruthy();
    expect(server.calls('GET /api/admin/users/')).toHaveLength(2);
  });

  it('listWhenLoadingThenSaysSo', async () => {
    renderPage(<UsersPage />, {
      claims: APP_ADMIN, path: '/users',
      routes: { 'GET /api/admin/users/': () => new Promise(() => undefined) },
    });
    expect((await screen.findByRole('status')).textContent).toContain('Loading the users');
  });

  it('searchWhenFiltersGivenThenSentToTheServerAndFilterWithNoMatchSaysSo', async () => {
    const { server } = renderPage(<UsersPage />, {
      claims: APP_ADMIN, path: '/users',
      routes: { 'GET /api/admin/users/': (request) => (request.query.get('q') ? page([]) : page([ADA, BOB])) },
    });
    await screen.findByRole('link', { name: 'bob@example.com' });

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'disabled' } });
    fireEvent.change(screen.getByLabelText('Email address contains'), { target: { value: 'zed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('No user matches these filters.')).toBeTruthy();
    await waitFor(() => {
      const last = server.calls('GET /api/admin/users/').at(-1)!;
      expect([last.query.get('q'), last.query.get('status'), last.query.get('page')]).toEqual(['zed', 'disabled', '1']);
    });
  });

  it('emailFilterWhenChosenThenVerifiedSentToTheServerFromPageOneAndItsAnswerShownAsIs', async () => {
    // The server answers what it is asked; the page must show its rows, not filter them again.
    const { server } = renderPage(<UsersPage />, {
      claims: APP_ADMIN, path: '/users?page=3',
      routes: {
        'GET /api/admin/users/': (request) => {
          const verified = request.query.get('verified');
          return verified === 'true' ? page([ADA]) : verified === 'false' ? page([BOB, CY]) : page([ADA, BOB]);
        },
      },
    });
    await screen.findByRole('link', { name: 'bob@example.com' });
    expect(server.calls('GET /api/admin/users/')[0]!.query.has('verified')).toBe(false);

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'false' } });

    expect(await screen.findByRole('link', { name: 'cy@example.com' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'bob@example.com' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'ada@example.com' })).toBeNull();
    const last = server.calls('GET /api/admin/users/').at(-1)!;
    expect([last.query.get('verified'), last.query.get('page')]).toEqual(['false', '1']);
    expect(screen.queryByText(/on this page/)).toBeNull();

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'true' } });
    expect(await screen.findByRole('link', { name: 'ada@example.com' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'bob@example.com' })).toBeNull();
    expect(server.calls('GET /api/admin/users/').at(-1)!.query.get('verified')).toBe('true');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: '' } });
    expect(await screen.findByRole('link', { name: 'bob@example.com' })).toBeTruthy();
    expect(server.calls('GET /api/admin/users/').at(-1)!.query.has('verified')).toBe(false);
  });
});
