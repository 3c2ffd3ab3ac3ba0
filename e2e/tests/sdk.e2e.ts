// The SDK in a real browser against the whole stack, through the public origin, from another origin (the
// example site), as a client app's website uses it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, linkFromInbox, newEmail } from '../support.js';

const PASSWORD = 'lantern orbit pickle saga 42';
const { api, inbox, site } = inject('stack');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
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

function examplePage(storage: 'memory' | 'local'): string {
  return `${site}/examples/web/index.html?api=${encodeURIComponent(api)}&storage=${storage}`;
}

async function registerAndVerify(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(examplePage('memory'));
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
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
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.locator('#profile-email').textContent()).toBe(email);
}

/** A verified account signed in in one tab, and a second tab of the same browser that picked the session up. */
async function twoSignedInTabs(context: BrowserContext, email: string): Promise<[Page, Page]> {
  await (await registerAndVerify(context, email)).close();
  const first = await context.newPage();
  await first.goto(examplePage('local'));
  await signIn(first, email);
  const second = await context.newPage();
  await second.goto(examplePage('local'));
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

  it('refreshWhenTwoTabsRefreshAtOnceThenBothStaySignedIn', async () => {
    const context = await browser.newContext();
    const email = newEmail('tabs');
    const [first, second] = await twoSignedInTabs(context, email);

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
    const [first, second] = await twoSignedInTabs(context, email);

    await first.getByRole('button', { name: 'Sign out', exact: true }).click();

    await expect.poll(() => status(second)).toBe('Signed out.');
    await second.reload();
    await expect.poll(() => status(second)).toBe('Signed out.');
    await context.close();
  });
});
