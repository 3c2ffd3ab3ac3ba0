import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { useLoad } from '../api/useLoad.js';
import { DEFAULT_APP_ID } from '../auth/access.js';
import type { ClientApp } from '../api/types.js';

interface AppScopeValue {
  /** The app the pages show; `undefined` means every app (platform operators only). */
  appId: string | undefined;
  /** Platform operators choose; an app's admin is fixed to its own app. */
  choose: ((appId: string | undefined) => void) | null;
  /** The registered apps an operator can choose from (empty until loaded, or for an app admin). */
  apps: ClientApp[];
  appsError: unknown;
  /** A readable name of an app id. */
  nameOf: (appId: string | null | undefined) => string;
}

const AppScopeContext = createContext<AppScopeValue | null>(null);
const KEY = 'watchword.admin.app';

/**
 * Which app the pages are about. An app's admin sees its own app only (the API scopes it anyway); a platform
 * operator picks one app or every app, remembered for the tab.
 */
export function AppScopeProvider({ children }: { children: ReactNode }) {
  const access = useAccess();
  const api = useAdminApi();
  const [chosen, setChosen] = useState<string | undefined>(() => {
    try {
      return window.sessionStorage.getItem(KEY) || undefined;
    } catch {
      return undefined;
    }
  });
  const canListApps = access.can('apps:write') || access.can('settings:write') || access.can('keys:write');
  const apps = useLoad(() => (canListApps ? api.findApps(1, 100).then((page) => page.items)
    : Promise.resolve([])), [api, canListApps]);

  const value = useMemo<AppScopeValue>(() => {
    const list = apps.data ?? [];
    const nameOf = (appId: string | null | undefined) => {
      if (!appId) return 'Every app';
      if (appId === DEFAULT_APP_ID) return 'Default app';
      return list.find((app) => app.id === appId)?.name ?? appId;
    };
    if (!access.operator) {
      return { appId: access.appId, choose: null, apps: list, appsError: apps.error, nameOf };
    }
    return {
      appId: chosen,
      choose: (appId) => {
        setChosen(appId);
        try {
          if (appId) window.sessionStorage.setItem(KEY, appId);
          else window.sessionStorage.removeItem(KEY);
        } catch {
          // Storage may be disabled: the choice lasts until the page is reloaded.
        }
      },
      apps: list,
      appsError: apps.error,
      nameOf,
    };
  }, [access, chosen, apps.data, apps.error]);

  return <AppScopeContext.Provider value={value}>{children}</AppScopeContext.Provider>;
}

export function useAppScope(): AppScopeValue {
  const scope = useContext(AppScopeContext);
  if (!scope) throw new Error('useAppScope needs an <AppScopeProvider> above it');
  return scope;
}

/** The operator's app picker; for an app's admin, the name of its app. */
export function AppPicker() {
  const { appId, choose, apps, appsError, nameOf } = useAppScope();
  if (!choose) {
    return <p className="scope">App: <strong>{nameOf(appId)}</strong></p>;
  }
  return (
    <p className="scope field-inline">
      <label htmlFor="app-picker">App</label>
      <select id="app-picker" value={appId ?? ''} onChange={(event) => choose(event.target.value || undefined)}>
        <option value="">Every app</option>
        <option value={DEFAULT_APP_ID}>Default app</option>
        {appId && appId !== DEFAULT_APP_ID && !apps.some((app) => app.id === appId)
          ? <option value={appId}>{appId}</option> : null}
        {apps.map((app) => <option key={app.id} value={app.id}>{app.name}</option>)}
      </select>
      {appsError ? <span className="hint" role="status">The list of apps could not be loaded.</span> : null}
    </p>
  );
}
