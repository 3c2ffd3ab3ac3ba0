import { NetworkError, errorFromProblem, type Problem, type WatchwordClient } from '@watchword/client';
import type {
  AdminUser, AdminUserDetail, AppRole, AppSettings, AuditFilter, AuditPage, ChainVerification, ClientApp,
  ClientAppDetail, DailyActivityPage, IssuedKey, LoginActivity, MonthlyActiveUsers, Page, RegisteredApp, Replay,
  ReplayableProjection, RoleChange, UserAsOf, UserFilter,
} from './types.js';

type Query = Record<string, string | number | boolean | undefined | null>;

interface Request {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
}

const segment = encodeURIComponent;

/**
 * The admin API over the SDK's {@link WatchwordClient.fetch}, which adds the bearer and retries once after a
 * refresh. A problem+json answer becomes the SDK's typed error of its `code` (a `WatchwordError`, with the whole
 * problem, `detail` and `errors` included); no answer at all becomes a `NetworkError`.
 */
export class AdminApi {
  constructor(private readonly client: WatchwordClient) {}

  // --- users -----------------------------------------------------------------------------------------

  findUsers(filter: UserFilter): Promise<Page<AdminUser>> {
    return this.json('/api/admin/users/', { query: { ...filter } });
  }

  getUser(id: string): Promise<AdminUserDetail> {
    return this.json(`/api/admin/users/${segment(id)}/`);
  }

  findLogins(id: string, page: number, size = 20): Promise<Page<LoginActivity>> {
    return this.json(`/api/admin/users/${segment(id)}/logins/`, { query: { page, size } });
  }

  disableUser(id: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/disable/`, { method: 'POST' });
  }

  enableUser(id: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/enable/`, { method: 'POST' });
  }

  /** Ends every session of the user. */
  logoutUser(id: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/logout/`, { method: 'POST' });
  }

  /**
   * Ends one session of the user, the others going on. A session that has ended meanwhile (or never existed)
   * rejects with `SESSION_NOT_FOUND`.
   */
  endSession(userId: string, sessionId: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(userId)}/sessions/${segment(sessionId)}/`, { method: 'DELETE' });
  }

  requestPasswordReset(id: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/password-reset/`, { method: 'POST' });
  }

  /** Deletes the account and erases its personal data (crypto-shredding). */
  eraseUser(id: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/`, { method: 'DELETE' });
  }

  assignRole(id: string, role: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/roles/`, { method: 'POST', body: { role } });
  }

  revokeRole(id: string, role: string): Promise<void> {
    return this.json(`/api/admin/users/${segment(id)}/roles/${segment(role)}/`, { method: 'DELETE' });
  }

  getUserAsOf(id: string, at: string): Promise<UserAsOf> {
    return this.json(`/api/admin/users/${segment(id)}/as-of/`, { query: { at } });
  }

  findRoleChanges(id: string, role: string): Promise<RoleChange[]> {
    return this.json(`/api/admin/users/${segment(id)}/roles/${segment(role)}/history/`);
  }

  // --- activity --------------------------------------------------------------------------------------

  findDailyActivity(from: string, to: string, app?: string): Promise<DailyActivityPage> {
    return this.json('/api/admin/activity/daily/', { query: { from, to, app } });
  }

  countMonthlyActiveUsers(month: string, app?: string): Promise<MonthlyActiveUsers> {
    return this.json('/api/admin/activity/monthly/', { query: { month, app } });
  }

  // --- apps, keys, settings, roles -------------------------------------------------------------------

  findApps(page = 1, size = 20): Promise<Page<ClientApp>> {
    return this.json('/api/admin/apps/', { query: { page, size } });
  }

  getApp(id: string): Promise<ClientAppDetail> {
    return this.json(`/api/admin/apps/${segment(id)}/`);
  }

  registerApp(name: string): Promise<RegisteredApp> {
    return this.json('/api/admin/apps/', { method: 'POST', body: { name } });
  }

  issueKey(appId: string): Promise<IssuedKey> {
    return this.json(`/api/admin/apps/${segment(appId)}/keys/`, { method: 'POST' });
  }

  rotateKey(appId: string, keyId: string): Promise<IssuedKey> {
    return this.json(`/api/admin/apps/${segment(appId)}/keys/${segment(keyId)}/rotate/`, { method: 'POST' });
  }

  revokeKey(appId: string, keyId: string): Promise<void> {
    return this.json(`/api/admin/apps/${segment(appId)}/keys/${segment(keyId)}/`, { method: 'DELETE' });
  }

  changeSettings(appId: string, settings: AppSettings): Promise<AppSettings> {
    return this.json(`/api/admin/apps/${segment(appId)}/settings/`, { method: 'PUT', body: settings });
  }

  findRoles(appId: string): Promise<AppRole[]> {
    return this.json(`/api/admin/apps/${segment(appId)}/roles/`);
  }

  defineRole(appId: string, name: string, permissions: string[]): Promise<{ name: string; permissions: string[] }> {
    return this.json(`/api/admin/apps/${segment(appId)}/roles/`, { method: 'POST', body: { name, permissions } });
  }

  // --- audit and integrity ---------------------------------------------------------------------------

  findAuditEntries(filter: AuditFilter, after?: number, limit = 100): Promise<AuditPage> {
    return this.json('/api/admin/audit/', { query: { ...filter, after, limit } });
  }

  /** The whole filtered trail as JSON Lines. */
  async exportAudit(filter: AuditFilter): Promise<Blob> {
    const response = await this.send('/api/admin/audit/export/', { query: { ...filter } }, 'application/x-ndjson');
    return response.blob();
  }

  verifyIntegrity(): Promise<ChainVerification> {
    return this.json('/api/admin/integrity/verify/');
  }

  // --- replays ---------------------------------------------------------------------------------------

  findProjections(): Promise<ReplayableProjection[]> {
    return this.json('/api/admin/replays/projections/');
  }

  findReplays(): Promise<Replay[]> {
    return this.json('/api/admin/replays/');
  }

  getReplay(id: string): Promise<Replay> {
    return this.json(`/api/admin/replays/${segment(id)}/`);
  }

  startReplay(projection: string): Promise<Replay> {
    return this.json('/api/admin/replays/', { method: 'POST', body: { projection } });
  }

  switchReplay(id: string): Promise<Replay> {
    return this.json(`/api/admin/replays/${segment(id)}/switch/`, { method: 'POST' });
  }

  abandonReplay(id: string): Promise<Replay> {
    return this.json(`/api/admin/replays/${segment(id)}/`, { method: 'DELETE' });
  }

  // --- plumbing --------------------------------------------------------------------------------------

  private async json<T>(path: string, request: Request = {}): Promise<T> {
    const response = await this.send(path, request, 'application/json');
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(path: string, request: Request, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.client.fetch(path + queryString(request.query), {
        method: request.method ?? 'GET',
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
    } catch (cause) {
      throw new NetworkError(cause);
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let problem: Problem = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      if (parsed && typeof parsed === 'object') problem = parsed as Problem;
    } catch {
      // Not JSON (a proxy's page): the status alone decides the error.
    }
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw errorFromProblem(response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0
      ? retryAfter : undefined);
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
