/** The admin API's answers, as the server writes them (snake_case, instants as ISO-8601 strings). */

/** A page of a `page`/`size` listing: `total` counts every page together. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export type UserStatus = 'active' | 'disabled' | 'erased';

export interface AdminUser {
  id: string;
  app_id: string;
  email: string | null;
  status: UserStatus;
  email_verified: boolean;
  roles: string[];
  created_at: string;
  last_login_at: string | null;
}

export interface AdminSession {
  id: string;
  device: string | null;
  ip_address: string | null;
  login_method: string | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string;
}

export interface LoginActivity {
  occurred_at: string;
  type: string;
  ip_address: string | null;
  user_agent: string | null;
  method: string | null;
  reason: string | null;
}

export interface AdminUserDetail extends AdminUser {
  sessions: AdminSession[];
  recent_activity: LoginActivity[];
}

export interface UserFilter {
  q?: string | undefined;
  status?: UserStatus | '' | undefined;
  role?: string | undefined;
  /**
   * Only accounts whose address is verified (`true`) or not yet verified (`false`), filtered by the server.
   * The default (`undefined`) lists both.
   */
  verified?: boolean | undefined;
  app?: string | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

export interface DailyActivity {
  day: string;
  registrations: number;
  logins: number;
  failed_logins: number;
  lockouts: number;
  active_users: number;
}

export interface DailyActivityPage {
  app: string | null;
  from: string;
  to: string;
  items: DailyActivity[];
}

export interface MonthlyActiveUsers {
  app: string | null;
  month: string;
  active_users: number;
}

export type LoginMethodName = 'password' | 'magic_link' | 'email_otp';

export interface AppSettings {
  login_methods: LoginMethodName[];
  require_verified_email: boolean;
  access_token_minutes: number;
  refresh_token_days: number;
  password_min_length: number;
  cors_origins: string[];
  link_base_url: string;
  sender_name: string;
}

export interface ClientApp {
  id: string;
  name: string;
  client_id: string;
  registered_by: string;
  registered_at: string;
  updated_at: string | null;
}

export interface ApiKey {
  id: string;
  prefix: string;
  status: 'active' | 'retiring' | 'expired' | 'revoked';
  issued_by: string;
  issued_at: string;
  valid_until: string | null;
  revoked_at: string | null;
}

export interface ClientAppDetail extends ClientApp {
  settings: AppSettings | null;
  settings_changed_by: string | null;
  settings_changed_at: string | null;
  api_keys: ApiKey[];
}

export interface RegisteredApp {
  id: string;
  name: string;
  client_id: string;
  key_id: string;
  api_key: string;
  settings: AppSettings;
}

export interface IssuedKey {
  key_id: string;
  api_key: string;
  previous_valid_until?: string | null;
}

export interface AppRole {
  role: string;
  permissions: string[];
  built_in: boolean;
  defined_by: string | null;
  defined_at: string | null;
}

export interface AuditEntry {
  position: number;
  event_id: string;
  type: string;
  aggregate_id: string;
  sequence: number;
  occurred_at: string;
  app_id: string | null;
  actor: string | null;
  ip_address: string | null;
  payload: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  next_after: number | null;
}

export interface AuditFilter {
  aggregate?: string | undefined;
  type?: string | undefined;
  actor?: string | undefined;
  app?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface UserAsOf {
  id: string;
  as_of: string;
  exists: boolean;
  email: string | null;
  status: string | null;
  email_verified: boolean;
  roles: string[];
  sessions: Array<{ id: string; started_at: string; ip_address: string | null; device: string | null }>;
  events_applied: number;
}

export interface RoleChange {
  change: 'assigned' | 'revoked';
  by: string | null;
  at: string;
  position: number;
}

export interface ChainVerification {
  verified: number;
  intact: boolean;
  first_broken_position: number | null;
  first_broken_event_id: string | null;
  reason: string | null;
  unchained: number;
}

export type ReplayStatus = 'building' | 'caught_up' | 'switched' | 'abandoned' | 'failed';

export interface Replay {
  id: string;
  projection: string;
  status: ReplayStatus;
  position: number;
  target_position: number;
  head_position: number;
  lag: number;
  events_applied: number;
  events_per_second: number;
  eta_seconds: number | null;
  requested: string | null;
  started_by: string;
  started_at: string;
  updated_at: string | null;
  caught_up_at: string | null;
  finished_at: string | null;
  pause_millis: number | null;
  stale: boolean;
  error: string | null;
}

export interface ReplayableProjection {
  name: string;
  tables: string[];
  replayable: boolean;
  reason: string | null;
}
