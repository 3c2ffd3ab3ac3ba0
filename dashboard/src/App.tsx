import { useMemo, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createClient, type Fetch, type WatchwordClient } from '@watchword/client';
import { WatchwordProvider, useSession } from '@watchword/react';
import { AdminProvider, useAccess } from './api/ApiContext.js';
import { PAGES, accessOf, pagesFor, type PageName } from './auth/access.js';
import { readConsoleChoice, writeConsoleChoice } from './auth/consoleChoice.js';
import { NoAdminAccess } from './auth/NoAdminAccess.js';
import { SignInScreen } from './auth/SignInScreen.js';
import { AppScopeProvider } from './shell/AppScope.js';
import { Shell } from './shell/Shell.js';
import { Loading } from './ui/States.js';
import { OverviewPage } from './overview/OverviewPage.js';
import { AppsPage } from './apps/AppsPage.js';
import { AppDetailPage } from './apps/AppDetailPage.js';
import { UsersPage } from './users/UsersPage.js';
import { UserDetailPage } from './users/UserDetailPage.js';
import { RolesPage } from './roles/RolesPage.js';
import { AuditPage } from './audit/AuditPage.js';
import { ReplaysPage } from './replays/ReplaysPage.js';

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  /** Watchword's public origin; the dashboard is served from it, so this is `location.origin`. */
  baseUrl: string;
  /** The `fetch` the SDK uses. The default is the browser's. */
  fetch?: Fetch;
}

/**
 * The admin dashboard. The SDK runs in its browser default, cookie mode: the refresh token in Watchword's
 * HttpOnly cookie, the access token in memory, nothing in localStorage.
 */
export function Dashboard({ baseUrl, fetch }: DashboardProps) {
  const make = (clientId: string | undefined): WatchwordClient =>
    createClient({ baseUrl, ...(clientId ? { clientId } : {}), ...(fetch ? { fetch } : {}) });
  const [current, setCurrent] = useState(() => {
    const clientId = readConsoleChoice();
    return { clientId, client: make(clientId) };
  });
  const choose = (clientId: string | undefined) => {
    writeConsoleChoice(clientId);
    current.client.dispose();
    setCurrent({ clientId, client: make(clientId) });
  };
  return (
    <WatchwordProvider client={current.client} key={current.clientId ?? 'default'}>
      <BrowserRouter basename="/admin">
        <Gate clientId={current.clientId} onChoose={choose} />
      </BrowserRouter>
    </WatchwordProvider>
  );
}

function Gate({ clientId, onChoose }: { clientId: string | undefined; onChoose: (id: string | undefined) => void }) {
  const { session, isLoading } = useSession();
  const token = session?.accessToken;
  const access = useMemo(() => (token ? accessOf(token) : null), [token]);
  if (isLoading) return <main className="signin-page" id="main"><Loading what="your session" /></main>;
  if (!access) return <SignInScreen clientId={clientId} onChoose={onChoose} />;
  if (pagesFor(access).length === 0) return <NoAdminAccess />;
  return (
    <AdminProvider access={access}>
      <AppScopeProvider>
        <Routes>
          <Route element={<Shell />}>
            <Route index element={<Landing />} />
            <Route path="apps" element={<Allowed page="apps"><AppsPage /></Allowed>} />
            <Route path="apps/:appId" element={<Allowed page="apps"><AppDetailPage /></Allowed>} />
            <Route path="users" element={<Allowed page="users"><UsersPage /></Allowed>} />
            <Route path="users/:userId" element={<Allowed page="users"><UserDetailPage /></Allowed>} />
            <Route path="roles" element={<Allowed page="roles"><RolesPage /></Allowed>} />
            <Route path="audit" element={<Allowed page="audit"><AuditPage /></Allowed>} />
            <Route path="replays" element={<Allowed page="replays"><ReplaysPage /></Allowed>} />
            <Route path="replays/:replayId" element={<Allowed page="replays"><ReplaysPage /></Allowed>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </AppScopeProvider>
    </AdminProvider>
  );
}

/** The overview for those who may read activity, else the first page they may open. */
function Landing() {
  const access = useAccess();
  if (PAGES.overview.allowed(access)) return <OverviewPage />;
  const first = pagesFor(access)[0];
  return first ? <Navigate to={PAGES[first].path} replace /> : null;
}

/** A page the navigation did not offer: the API would refuse it anyway, so say so instead of failing. */
function Allowed({ page, children }: { page: PageName; children: ReactNode }) {
  const access = useAccess();
  if (PAGES[page].allowed(access)) return <>{children}</>;
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{PAGES[page].label}</h1>
      <p role="alert">Your permissions do not include this page.</p>
    </section>
  );
}

function NotFound() {
  return (
    <section aria-labelledby="missing-title">
      <h1 id="missing-title">Page not found</h1>
      <p>There is no such page in the dashboard.</p>
    </section>
  );
}
