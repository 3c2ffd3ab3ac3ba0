import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useWatchword } from '@watchword/react';
import { AdminApi } from './AdminApi.js';
import type { Access } from '../auth/access.js';

const ApiContext = createContext<AdminApi | null>(null);
const AccessContext = createContext<Access | null>(null);

/** The admin API and the signed-in admin's access, for every page below it. */
export function AdminProvider({ access, children }: { access: Access; children: ReactNode }) {
  const client = useWatchword();
  const api = useMemo(() => new AdminApi(client), [client]);
  return (
    <ApiContext.Provider value={api}>
      <AccessContext.Provider value={access}>{children}</AccessContext.Provider>
    </ApiContext.Provider>
  );
}

export function useAdminApi(): AdminApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useAdminApi needs an <AdminProvider> above it');
  return api;
}

export function useAccess(): Access {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useAccess needs an <AdminProvider> above it');
  return access;
}
