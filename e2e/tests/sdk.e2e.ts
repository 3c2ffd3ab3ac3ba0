// The SDK in a real browser against the whole stack, through the public origin, from another origin (the
// example site), as a client app's website uses it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, launchChromium, linkFromInbox, newEmail, operatorToken } from '../support.js';

const PASSWORD = 'lantern orbit pickle saga 42';
const stack = inject('stack');
const { api, inbox, site } = stack;
let browser: Browser;
let operator: string;

beforeAll(async () => {
  browser = await launchChromium();
  operator = await operatorToken(stack);
});

afterAll(async () => {
  await browser?.close();
});

/** The page's status line and, when shown, its error: a failed step says why. */
async function status(page: Page): Promise<string> {
  const alert = page.getByRole('alert');
  const error = (await alert.isVisible()) ? ` | error: ${await alert.textContent()}` : '';
  return `${await page.getByRole('status').textContent()}${error}`;
}

type Storage = 'cookie' | 'memory' | 'local';

function examplePage(storage: Storage, clientId?: string): string {
  return `${site}/examples/web/index.html?api=${encodeURIComponent(api)}&storage=${storage}`
    + (clientId ? `&client_id=${clientId}` : '');
}

/** A client app whose emailed links open the example site, which signs in by password or emailed link. */
async function siteApp(name: string): Promise<string> {
  const { clientId } = await createApp(api, operator, name,
    { login_methods: ['password', 'magic_link'], cors_origins: [site], link_base_url: site });
  return clientId;
}

/** A new account on the site of an app whose emailed links open that site; the page it was created on. */
async function signUpOnSite(context: BrowserContext, appName: string, label: string) {
  const clientId = await siteApp(appName);
  const email = newEmail(label);
  const page = await context.newPage();
  await page.goto(examplePage('cookie', clientId));
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => status(page)).toContain('Check your inbox');
  return { email, page };
}

async function registerAndVerify(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(examplePage('memory'));
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => status(page)).toContain('Check your inbox');

  const link = await linkFromInbox(inbox, email, /confirm/i);
  const verification = await context.newPage();
  await verification.goto(link);
  // Confirming clears a password chosen before (a pre-account takeover defence): the owner sets it here.
  await verification.getByLabel('Your password (optional)').fill(PASSWORD);
  await verification.getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => verification.locator('body').textContent()).toContain('Your email address is confirmed');
  await verification.close();
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.locator('#profile-email').textContent()).toBe(email);
}

/** A verified account signed in in one tab, and a second tab of the same browser that picked the session up. */
async function twoSignedInTabs(context: BrowserContext, email: string, storage: Storage): Promise<[Page, Page]> {
  await (await registerAndVerify(context, email)).close();
  const first = await context.newPage();
  await first.goto(examplePage(storage));
  await signIn(first, email);
  const second = await context.newPage();
  await second.goto(examplePage(storage));
  await expect.poll(() => second.locator('#profile-email').textContent()).toBe(email);
  return [first, second];
}

describe('the web example', () => {
  it('registerWhenVerifiedThroughInboxThenSignsInShowsProfileAndSignsOut', async () => {
    const context = await browser.newContext();
    const email = newEmail('web');
    const page = await registerAndVerify(context, email);

    await signIn(page, email);

    expect(await page.locator('#profile-verified').textContent()).toBe('yes');
    // The list is a read model: the new session shows once its event reached it (a refresh reloads the list).
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Refresh tokens' }).click();
      return page.locator('#sessions li').allTextContents();
    }, { interval: 1_000 }).toEqual([expect.stringContaining('(this one)')]);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => status(page)).toBe('Signed out.');
    expect(await page.getByRole('alert').isHidden()).toBe(true);
    await context.close();
  });

  it.each(['cookie', 'local'] as const)('refreshWhenTwoTabsRefreshAtOnceThenBothStaySignedIn (%s)', async (storage) => {
    const context = await browser.newContext();
    const email = newEmail('tabs');
    const [first, second] = await twoSignedInTabs(context, email, storage);

    // The same moment in both tabs: one rotation, shared; no refresh token presented twice.
    await Promise.all([first.getByRole('button', { name: 'Refresh tokens' }).click(),
      second.getByRole('button', { name: 'Refresh tokens' }).click()]);
    await Promise.all([first.getByRole('button', { name: 'Refresh tokens' }).click(),
      second.getByRole('button', { name: 'Refresh tokens' }).click()]);

    // Reuse detection would have ended the session: both tabs still read the profile and list it.
    for (const tab of [first, second]) {
      await tab.reload();
      await expect.poll(() => tab.locator('#profile-email').textContent()).toBe(email);
      expect(await tab.getByRole('alert').isHidden()).toBe(true);
      await expect.poll(() => tab.locator('#sessions li').count()).toBe(1);
    }
    await context.close();
  });

  it('signOutWhenInOneTabThenOtherTabSignedOut', async () => {
    const context = await browser.newContext();
    const email = newEmail('signout');
    const [first, second] = await twoSignedInTabs(context, email, 'cookie');

    await first.getByRole('button', { name: 'Sign out', exact: true }).click();

    await expect.poll(() => status(second)).toBe('Signed out.');
    await second.reload();
    await expect.poll(() => status(second)).toBe('Signed out.');
    await context.close();
  });

  it('reloadWhenCookieModeThenStillSignedInAndNoTokenReadableByThePage', async () => {
    const context = await browser.newContext();
    const email = newEmail('cookie');
    await (await registerAndVerify(context, email)).close();
    const page = await context.newPage();
    await page.goto(examplePage('cookie'));
    await signIn(page, email);

    await page.reload();

    await expect.poll(() => page.locator('#profile-email').textContent()).toBe(email);
    const readable = await page.evaluate(() => JSON.stringify({ local: { ...localStorage },
      session: { ...sessionStorage }, cookies: document.cookie }));
    expect(readable).not.toMatch(/ey[A-Za-z0-9_-]{10,}\.|refresh-|"[A-Za-z0-9_-]{36,}\.[A-Za-z0-9_-]{20,}"/);
    const cookie = (await context.cookies(`${api}/api/auth/token/refresh/`)).find((candidate) => candidate.name.startsWith('__Secure-watchword'));
    expect(cookie).toMatchObject({ name: '__Secure-watchword-refresh-default', path: '/api/auth/token/',
      httpOnly: true, secure: true, sameSite: 'Strict' });
    await context.close();
  });

  it('resetWhenLinkFollowedOnTheAppsSiteThenNewPasswordSignsIn', async () => {
    const context = await browser.newContext();
    const { email, page } = await signUpOnSite(context, 'Reset shop', 'reset');

    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await expect.poll(() => status(page)).toContain('reset link');
    const link = await linkFromInbox(inbox, email, /reset/i);
    expect(link.startsWith(`${site}/reset-password#token=`)).toBe(true);
    const landing = await context.newPage();
    await landing.goto(link);
    await landing.getByLabel('New password', { exact: true }).fill('a brand new passphrase 77');
    await landing.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => status(landing)).toBe('Your password is changed. Sign in with it.');
    expect(landing.url()).not.toContain('token');

    await landing.getByLabel('Email address', { exact: true }).fill(email);
    await landing.getByLabel('Password', { exact: true }).fill('a brand new passphrase 77');
    await landing.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => landing.locator('#profile-email').textContent()).toBe(email);
    await context.close();
  });

  it('magicLinkWhenFollowedOnTheAppsSiteThenSignedIn', async () => {
    const context = await browser.newContext();
    const { email, page } = await signUpOnSite(context, 'Link shop', 'magic');

    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => status(page)).toContain('sign-in link');
    const link = await linkFromInbox(inbox, email, /sign-in link/i);
    expect(link.startsWith(`${site}/magic-link#token=`)).toBe(true);
    const landing = await context.newPage();
    await landing.goto(link);

    await expect.poll(() => landing.locator('#profile-email').textContent()).toBe(email);
    expect(await landing.locator('#profile-verified').textContent()).toBe('yes');
    expect(landing.url()).not.toContain('token');
    await context.close();
  });
});
