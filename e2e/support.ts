import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, kept off the network it would otherwise try to reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

let counter = 0;

/** A fresh address for each test. */
export function newEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.com`;
}

interface InboxMessage {
  subject: string;
  text: string;
  to: string[];
}

/** Waits for the newest email to `to` whose subject matches, and returns the first link in it (the inbox lists
 * the newest first). */
export async function linkFromInbox(inbox: string, to: string, subject: RegExp): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${inbox}/api/messages?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as InboxMessage[];
    const message = messages.find((candidate) => subject.test(candidate.subject));
    const link = message && /https?:\/\/\S+#token=[A-Za-z0-9_.\-]+/.exec(message.text)?.[0];
    if (link) return link;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`no email to ${to} matching ${subject} within 60 s`);
}

/** Waits for the newest email to `to` whose subject matches, and returns the first six-digit code in it. */
export async function codeFromInbox(inbox: string, to: string, subject: RegExp): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${inbox}/api/messages?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as InboxMessage[];
    const code = messages.find((candidate) => subject.test(candidate.subject))?.text.match(/\b\d{6,8}\b/)?.[0];
    if (code) return code;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`no code to ${to} matching ${subject} within 60 s`);
}

export async function call(api: string, method: string, path: string, body?: unknown, bearer?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (bearer) headers['Authorization'] = `Bearer ${bearer}`;
  const response = await fetch(`${api}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** The platform operator's password in every browser test. */
export const OPERATOR_PASSWORD = 'lighthouse keeper of the browser tests 7';

/** An access token of the operator once it carries the operator's permission, or null by the deadline. */
async function grantedToken(stack: { api: string; operator: string }, waitMs: number): Promise<string | null> {
  const deadline = Date.now() + waitMs;
  do {
    const login = await call(stack.api, 'POST', '/api/auth/login/',
      { email: stack.operator, password: OPERATOR_PASSWORD });
    const access = String(login.json['access'] ?? '');
    const claims = access ? JSON.parse(Buffer.from(access.split('.')[1] ?? '', 'base64url').toString()) : {};
    if (Array.isArray(claims.permissions) && claims.permissions.includes('apps:write')) return access;
    await new Promise((done) => setTimeout(done, 500));
  } while (Date.now() < deadline);
  return null;
}

/**
 * The platform operator's access token: the first caller registers the bootstrap address and confirms it through
 * its emailed link (with the password, which confirming sets); later callers (other test files) sign in.
 */
export async function operatorToken(stack: { api: string; inbox: string; operator: string }): Promise<string> {
  const existing = await grantedToken(stack, 0);
  if (existing) return existing;
  const password = OPERATOR_PASSWORD;
  const registered = await call(stack.api, 'POST', '/api/auth/register/', { email: stack.operator, password });
  if (registered.status !== 202) throw new Error(`operator registration refused: ${JSON.stringify(registered.json)}`);
  const token = new URLSearchParams(new URL(await linkFromInbox(stack.inbox, stack.operator, /confirm/i)).hash
    .slice(1)).get('token');
  const verified = await call(stack.api, 'POST', '/api/auth/verify-email/', { token, password });
  if (verified.status !== 200) throw new Error(`operator verification refused: ${JSON.stringify(verified.json)}`);
  const granted = await grantedToken(stack, 60_000);
  if (!granted) throw new Error('the bootstrap admin never became a platform operator');
  return granted;
}

/** Registers a client app with the given sign-in settings and waits until Watchword serves them. */
export async function createApp(api: string, operator: string, name: string,
                                settings: { login_methods: string[]; cors_origins: string[]; link_base_url?: string }) {
  const app = await call(api, 'POST', '/api/admin/apps/', { name }, operator);
  if (app.status !== 201 && app.status !== 200) throw new Error(`app not created: ${JSON.stringify(app.json)}`);
  const appId = String(app.json['id']);
  const clientId = String(app.json['client_id']);
  const changed = await call(api, 'PUT', `/api/admin/apps/${appId}/settings/`, {
    require_verified_email: false, access_token_minutes: 5, refresh_token_days: 1, password_min_length: 8,
    link_base_url: api, sender_name: name, ...settings,
  }, operator);
  if (changed.status !== 200) throw new Error(`settings refused: ${JSON.stringify(changed.json)}`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const served = await call(api, 'GET', `/api/auth/app-settings/?client_id=${clientId}`);
    if (JSON.stringify(served.json['login_methods']) === JSON.stringify(settings.login_methods)) {
      return { appId, clientId };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the app settings never applied');
}

/** Registers an address in an app through the API (no password: the app signs in by email). */
export async function registerIn(api: string, clientId: string, email: string): Promise<void> {
  const answer = await call(api, 'POST', '/api/auth/register/', { email, client_id: clientId });
  if (answer.status !== 202) throw new Error(`registration refused: ${JSON.stringify(answer.json)}`);
}

/** Serious and critical accessibility violations on the page, as axe-core finds them. */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the dashboard's content security policy refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    const result = await axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}
