import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createClient } from '@watchword/client';
import { WatchwordProvider } from '@watchword/react';
import { AdminProvider } from '../api/ApiContext.js';
import { accessOf } from '../auth/access.js';
import { AppScopeProvider } from '../shell/AppScope.js';
import { accessToken, fakeServer, type Route as FakeRoute } from './fakeServer.js';

/**
 * One page, as a signed-in admin with these claims sees it, against a fake Watchword. `path` is the URL below
 * /admin, `pattern` the route that page is mounted at.
 */
export function renderPage(element: ReactElement, options: {
  claims: Record<string, unknown>; routes: Record<string, FakeRoute>; path?: string; pattern?: string;
}) {
  const server = fakeServer({ 'GET /api/admin/apps/': { status: 200, body: { items: [], page: 1, size: 100, total: 0 } },
    ...options.routes });
  const client = createClient({ baseUrl: 'http://localhost:3000', fetch: server.fetch, crossTab: false });
  const access = accessOf(accessToken(options.claims));
  const view = render(
    <WatchwordProvider client={client}>
      <AdminProvider access={access}>
        <AppScopeProvider>
          <MemoryRouter initialEntries={[options.path ?? '/']}>
            <Routes>
              <Route path={options.pattern ?? '*'} element={element} />
              <Route path="*" element={<p>Elsewhere</p>} />
            </Routes>
          </MemoryRouter>
        </AppScopeProvider>
      </AdminProvider>
    </WatchwordProvider>,
  );
  return { ...view, server };
}
