// The admin dashboard at /admin in a real browser, through the public origin, as an operator and as an app's
// admin use it. Each page's screenshot goes to e2e/target/screenshots (the README shows two of them).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  OPERATOR_PASSWORD, call, createApp, launchChromium, newEmail, operatorToken, violations,
} from '../support.js';

const stack = inject('stack');
const SHOTS = resolve(import.meta.dirname, '..', 'target', 'screenshots');
const PASSWORD = 'lantern orbit pickle saga 42';
let browser: Browser;
let operator: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  operator = await operatorToken(stack);
});

afterAll(async () => {
  await browser?.close();
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, timezoneId: 'UTC' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.api });
  return context;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).first().textContent();
}

/** Opens a page from the navigation, waits for it, and checks it with axe-core; saves its screenshot. */
async function visit(page: Page, link: string, shot: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await expect.poll(() => heading(page)).toBe(link);
  await expect.poll(() => page.locator('[aria-busy="true"], .loading').count()).toBe(0);
  expect(await violations(page), `${link}: serious or critical accessibility violations`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
}

/** A user of the default app with two live sessions, to be found and managed. */
async function managedUser(): Promise<{ email: string; id: string }> {
  const email = newEmail('managed');
  expect((await call(stack.api, 'POST', '/api/auth/register/', { email, password: PASSWORD })).status).toBe(202);
  const login = await call(stack.api, 'POST', '/api/auth/login/', { email, password: PASSWORD });
  expect(login.status).toBe(200);
  expect((await call(stack.api, 'POST', '/api/auth/login/', { email, password: PASSWORD })).status).toBe(200);
  const claims = JSON.parse(Buffer.from(String(login.json['access']).split('.')[1] ?? '', 'base64url').toString());
  return { email, id: String(claims.sub) };
}

describe('the admin dashboard', () => {
  it('operatorWhenManagingAppsAndUsersThenEveryStepWorksFromTheConsole', async () => {
    const user = await managedUser();
    const context = await newContext();
    const page = await context.newPage();

    // Sign in with the SDK's own form; the console opens on the overview, whose numbers include today's logins.
    await page.goto(`${stack.api}/admin/`);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'sign-in.png'), fullPage: true });
    await signIn(page, stack.operator, OPERATOR_PASSWORD);
    await expect.poll(() => heading(page)).toBe('Overview');
    // The chart's table, row of today (UTC): the operator's login and the managed user's at least.
    await page.getByText('Logins, failed logins and lockouts as a table').click();
    const today = new Date().toISOString().slice(0, 10);
    const row = page.getByRole('row', { name: new RegExp(today) });
    await expect.poll(async () => Number((await row.getByRole('cell').first().textContent()) ?? '0'))
      .toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toMatch(/eyJ/);
    await visit(page, 'Overview', 'overview');

    // Register an app: the client id, and the API key once, copied with the button.
    await visit(page, 'Apps', 'apps');
    await page.getByLabel('App name').fill('Dashboard shop');
    await page.getByRole('button', { name: 'Register app' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Dashboard shop is registered' }).count()).toBe(1);
    const key = await page.getByLabel('API key', { exact: true }).inputValue();
    expect(key).toMatch(/^wwk_/);
    await page.getByRole('button', { name: 'Copy API key' }).click();
    await expect.poll(() => page.getByText('Copied to the clipboard.').count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByLabel('API key', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    // Its settings: a link base URL with a path is refused, and the reason shows at the field.
    // The list is a read model: the new app shows once its event reached it.
    await expect.poll(async () => {
      const listed = await page.getByRole('link', { name: 'Dashboard shop', exact: true }).count();
      if (!listed) await page.reload();
      return listed;
    }, { interval: 1_000 }).toBe(1);
    await page.getByRole('link', { name: 'Dashboard shop', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Dashboard shop');
    const linkBase = page.getByLabel('Link base URL');
    await linkBase.fill('https://shop.example.com/account');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => linkBase.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await linkBase.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(describedBy.split(' ').map((id) => `#${id}`).join(', ')).allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/origin/i)]));
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'app-settings.png'), fullPage: true });

    // A user: found by address, given a role, signed out everywhere, erased after typing the address.
    await visit(page, 'Users', 'users');
    await page.getByLabel('Email address contains').fill(user.email);
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      return page.getByRole('link', { name: user.email }).count();
    }, { interval: 1_000 }).toBe(1);
    await page.getByRole('link', { name: user.email }).click();
    await expect.poll(() => heading(page)).toBe(user.email);
    await expect.poll(() => page.getByRole('button', { name: 'End every session' }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'user.png'), fullPage: true });

    await page.getByLabel('Role to grant').selectOption({ index: 1 });
    const granted = (await page.getByLabel('Role to grant').inputValue());
    await page.getByRole('button', { name: 'Grant role' }).click();
    await expect.poll(async () => (await call(stack.api, 'GET', `/api/admin/users/${user.id}/`, undefined, operator))
      .json['roles']).toEqual(expect.arrayContaining([granted]));

    const sessionsOf = async () => ((await call(stack.api, 'GET', `/api/admin/users/${user.id}/`, undefined,
      operator)).json['sessions'] as unknown[] | undefined)?.length;
    await expect.poll(sessionsOf).toBe(2);
    await page.getByRole('button', { name: /^End session on / }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'End session', exact: true }).click();
    await expect.poll(sessionsOf).toBe(1);

    await page.getByRole('button', { name: 'End every session' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End every session' }).click();
    await expect.poll(sessionsOf).toBe(0);

    await page.getByRole('button', { name: 'Erase account' }).click();
    const dialog = page.getByRole('dialog');
    const erase = dialog.getByRole('button', { name: 'Erase account' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill(user.email);
    await erase.click();
    await expect.poll(() => heading(page)).toBe('Users');
    // An erased user stays listed, without its address.
    await expect.poll(async () => (await call(stack.api, 'GET', `/api/admin/users/${user.id}/`, undefined, operator))
      .json).toMatchObject({ status: 'erased', email: null });

    for (const [link, shot] of [['Roles', 'roles'], ['Audit', 'audit'], ['Replays', 'replays']] as const) {
      await visit(page, link, shot);
    }
    await context.close();
  });

  it('appAdminWhenSignedInThenOnlyItsAppIsShown', async () => {
    const { appId, clientId } = await createApp(stack.api, operator, 'Admin shop',
      { login_methods: ['password'], cors_origins: [] });
    const email = newEmail('app-admin');
    expect((await call(stack.api, 'POST', '/api/auth/register/', { email, password: PASSWORD, client_id: clientId }))
      .status).toBe(202);
    // The users list is a read model: the new account shows once its event reached it.
    let id: string | undefined;
    await expect.poll(async () => {
      const users = await call(stack.api, 'GET', `/api/admin/users/?q=${encodeURIComponent(email)}&app=${appId}`,
        undefined, operator);
      id = (users.json['items'] as Array<Record<string, unknown>> | undefined)?.[0]?.['id'] as string | undefined;
      return id;
    }).toBeDefined();
    expect((await call(stack.api, 'POST', `/api/admin/users/${id}/roles/`, { role: 'admin' }, operator)).status)
      .toBe(204);
    const context = await newContext();
    const page = await context.newPage();

    await page.goto(`${stack.api}/admin/`);
    await page.getByLabel('App client id').fill(clientId);
    await page.getByRole('button', { name: "Open the app's console" }).click();
    await signIn(page, email, PASSWORD);

    await expect.poll(() => heading(page)).toBe('Overview');
    const navigation = page.getByRole('navigation');
    expect(await navigation.getByRole('link', { name: 'Replays' }).count()).toBe(0);
    expect(await page.getByLabel('App', { exact: true }).count()).toBe(0);
    await visit(page, 'Apps', 'app-admin-apps');
    expect(await page.getByRole('button', { name: 'Register app' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Admin shop' }).count()).toBe(1);
    await context.close();
  });

  it('auditAndReplaysWhenUsedFromTheKeyboardThenAsOfAnswersChainVerifiesAndReplaySwitches', async () => {
    const user = await managedUser();
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${stack.api}/admin/`);
    await signIn(page, stack.operator, OPERATOR_PASSWORD);
    await expect.poll(() => heading(page)).toBe('Overview');

    // From the keyboard only: a link is followed with Enter, a button pressed with Enter or Space.
    await page.getByRole('navigation').getByRole('link', { name: 'Audit', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Audit');

    // The user as of now, computed from the log.
    const asOf = page.getByRole('region', { name: 'A user as of a moment' });
    await asOf.getByLabel('User id').fill(user.id);
    await asOf.getByLabel('As of').fill(new Date(Date.now() + 60_000).toISOString().slice(0, 19));
    await asOf.getByRole('button', { name: 'Show' }).focus();
    await page.keyboard.press('Enter');
    const answer = page.getByRole('definition').filter({ hasText: user.email });
    await expect.poll(() => answer.count(), { message: 'the user as of now' }).toBe(1);

    // The hash chain of the whole log.
    await page.getByRole('button', { name: 'Verify the chain' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByText('The log is intact.').count(),
      { timeout: 60_000, message: 'the chain verified' }).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'audit-as-of.png'), fullPage: true });

    // A replay of a read model runs to the switch.
    await page.getByRole('navigation').getByRole('link', { name: 'Replays', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Replays');
    const model = page.getByLabel('Read model');
    await expect.poll(() => model.isEnabled()).toBe(true);
    await model.selectOption('admin_user_row');
    await page.getByRole('button', { name: 'Start replay' }).focus();
    await page.keyboard.press('Enter');
    const switchButton = page.getByRole('button', { name: 'Switch', exact: true });
    await expect.poll(() => switchButton.isEnabled(),
      { timeout: 90_000, interval: 500, message: 'the replay caught up' }).toBe(true);
    expect(await page.locator('progress').first().getAttribute('value')).not.toBeNull();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'replay.png'), fullPage: true });
    await switchButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Switched: the rebuilt read model is live', { exact: false }).count(),
      { timeout: 60_000, message: 'the replay switched' }).toBeGreaterThanOrEqual(1);
    // The switched read model still answers.
    expect((await call(stack.api, 'GET', `/api/admin/users/${user.id}/`, undefined, operator)).json)
      .toMatchObject({ email: user.email });
    await context.close();
  }, 300_000);
});
