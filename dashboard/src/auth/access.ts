/**
 * What the signed-in admin may do, read from the access token's claims. The claims are read, not verified: they
 * only decide what the navigation offers. Every request is still checked by the API, which is what enforces.
 */

/** The admin API's permissions (docs/api.md, "Admin API"). */
export type Permission =
  | 'users:read'
  | 'users:write'
  | 'roles:write'
  | 'settings:write'
  | 'keys:write'
  | 'audit:read'
  | 'apps:write';

/** The permissions a custom role may carry: an app admin's, never `apps:write`. */
export const GRANTABLE_PERMISSIONS: readonly Permission[] = [
  'users:read', 'users:write', 'roles:write', 'settings:write', 'keys:write', 'audit:read',
];

/** The id the API uses for the installation's default app (`tenant` claim, `?app=`, roles path). */
export const DEFAULT_APP_ID = 'default';

export interface Access {
  permissions: ReadonlySet<string>;
  /** A platform operator (`apps:write`): every app, the app picker, replays, new apps. */
  operator: boolean;
  /** The app the token belongs to (`tenant`), `default` for the default app. */
  appId: string;
  /** The token's `client_id`, when it has one. */
  clientId: string | undefined;
  /** Whether the token holds a permission. */
  can(permission: Permission): boolean;
}

/** The pages of the dashboard and what each needs; the navigation shows those the token allows. */
export const PAGES = {
  overview: { path: '/', label: 'Overview', allowed: (a: Access) => a.can('audit:read') },
  apps: {
    path: '/apps', label: 'Apps',
    allowed: (a: Access) => a.can('apps:write') || a.can('settings:write') || a.can('keys:write'),
  },
  users: { path: '/users', label: 'Users', allowed: (a: Access) => a.can('users:read') },
  roles: { path: '/roles', label: 'Roles', allowed: (a: Access) => a.can('roles:write') || a.can('users:read') },
  audit: { path: '/audit', label: 'Audit', allowed: (a: Access) => a.can('audit:read') },
  replays: { path: '/replays', label: 'Replays', allowed: (a: Access) => a.can('apps:write') },
} as const;

export type PageName = keyof typeof PAGES;

/** The pages this admin may open, in navigation order. */
export function pagesFor(access: Access): PageName[] {
  return (Object.keys(PAGES) as PageName[]).filter((name) => PAGES[name].allowed(access));
}

/** The access an access token grants, from its payload (RFC 9068 claims plus Watchword's `permissions`). */
export function accessOf(accessToken: string): Access {
  const claims = decodePayload(accessToken);
  const raw = claims['permissions'];
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/\s+/) : [];
  const permissions = new Set(list.filter(Boolean));
  const tenant = typeof claims['tenant'] === 'string' && claims['tenant'] ? claims['tenant'] : DEFAULT_APP_ID;
  const clientId = typeof claims['client_id'] === 'string' ? claims['client_id'] : undefined;
  return {
    permissions,
    // apps:write counts only for an actor of the default app, as on the server.
    operator: permissions.has('apps:write') && tenant === DEFAULT_APP_ID,
    appId: tenant,
    clientId,
    can: (permission) => permissions.has(permission),
  };
}

function decodePayload(jwt: string): Record<string, unknown> {
  try {
    const part = jwt.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
