import { WatchwordError } from '@watchword/client';
import type { AppSettings } from '../api/types.js';

export type SettingField = keyof AppSettings;

/** Where each of the server's setting codes belongs (command-service `AppSettingRejected`, `LinkBaseChangeRefused`). */
const FIELD_OF_CODE: Readonly<Record<string, SettingField>> = {
  LOGIN_METHODS_INVALID: 'login_methods',
  ACCESS_TOKEN_MINUTES_OUT_OF_RANGE: 'access_token_minutes',
  REFRESH_TOKEN_DAYS_OUT_OF_RANGE: 'refresh_token_days',
  PASSWORD_MIN_LENGTH_OUT_OF_RANGE: 'password_min_length',
  CORS_ORIGIN_INVALID: 'cors_origins',
  LINK_BASE_URL_INVALID: 'link_base_url',
  FRESH_LOGIN_REQUIRED: 'link_base_url',
  LINK_BASE_URL_CHANGE_NOT_PERMITTED: 'link_base_url',
  SENDER_NAME_INVALID: 'sender_name',
};

const MESSAGE_OF_CODE: Readonly<Record<string, string>> = {
  LOGIN_METHODS_INVALID: 'Choose at least one login method.',
  ACCESS_TOKEN_MINUTES_OUT_OF_RANGE: 'The access token lifetime must be 1 to 60 minutes.',
  REFRESH_TOKEN_DAYS_OUT_OF_RANGE: 'The refresh token lifetime must be 1 to 90 days.',
  PASSWORD_MIN_LENGTH_OUT_OF_RANGE: 'The minimum password length must be 8 to 64.',
  CORS_ORIGIN_INVALID: 'Each origin must be exactly scheme://host[:port] in lower case: http or https, no path, '
    + 'no default port, at most 20 origins.',
  LINK_BASE_URL_INVALID: 'The link base URL must be an origin, exactly https://host[:port] in lower case, without '
    + 'a path (http only for localhost).',
  FRESH_LOGIN_REQUIRED: 'Changing the link base URL needs a sign-in of the last few minutes: sign out, sign in '
    + 'again, then save.',
  LINK_BASE_URL_CHANGE_NOT_PERMITTED: "Only the platform operator or an admin of the app holding every app "
    + 'permission may change the link base URL.',
  SENDER_NAME_INVALID: 'The sender name must have 1 to 100 characters and no line breaks.',
};

/** Bean Validation names the record's Java components; the wire uses snake_case. */
const FIELD_OF_JAVA_NAME: Readonly<Record<string, SettingField>> = {
  loginMethods: 'login_methods',
  requireVerifiedEmail: 'require_verified_email',
  accessTokenMinutes: 'access_token_minutes',
  refreshTokenDays: 'refresh_token_days',
  passwordMinLength: 'password_min_length',
  corsOrigins: 'cors_origins',
  linkBaseUrl: 'link_base_url',
  senderName: 'sender_name',
};

export interface FieldError {
  code: string;
  text: string;
}

/** The server's rejection of a settings change, spread over the fields it concerns. */
export function settingErrorsOf(error: unknown): Partial<Record<SettingField, FieldError>> {
  if (!(error instanceof WatchwordError)) return {};
  const field = FIELD_OF_CODE[error.code];
  if (field) {
    return { [field]: { code: error.code, text: MESSAGE_OF_CODE[error.code] ?? error.problem.detail ?? error.code } };
  }
  const errors = error.problem['errors'];
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(errors)) return {};
  const result: Partial<Record<SettingField, FieldError>> = {};
  for (const entry of errors as Array<Record<string, unknown>>) {
    const name = String(entry['field'] ?? '').split(/[.[]/)[0] ?? '';
    const target = FIELD_OF_JAVA_NAME[name] ?? (name in MESSAGE_OF_FIELD ? (name as SettingField) : undefined);
    if (target && !result[target]) {
      result[target] = { code: String(entry['code'] ?? 'VALIDATION_FAILED'), text: MESSAGE_OF_FIELD[target] };
    }
  }
  return result;
}

const MESSAGE_OF_FIELD: Readonly<Record<SettingField, string>> = {
  login_methods: 'Choose the login methods.',
  require_verified_email: 'Say whether a verified email is required.',
  access_token_minutes: 'Give the access token lifetime in minutes.',
  refresh_token_days: 'Give the refresh token lifetime in days.',
  password_min_length: 'Give the minimum password length.',
  cors_origins: 'Give the CORS origins, one a line (or none).',
  link_base_url: 'Give the link base URL.',
  sender_name: 'Give the sender name.',
};
