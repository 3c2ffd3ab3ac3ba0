// The React bindings' <SignIn> in a real browser: the form offers exactly the app's login methods.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  codeFromInbox, createApp, launchChromium, newEmail, operatorToken, registerIn, violations,
} from '../support.js';

const stack = inject('stack');
let browser: Browser;
let operator: string;

beforeAll(async () => {
  browser = await launchChromium();
  operator = await operatorToken(stack);
});

afterAll(async () => {
  await browser?.close();
});

describe('<SignIn>', () => {
  it('signInWhenAppAllowsOnlyEmailCodesThenFormOffersCodesAndSignsIn', async () => {
    const { clientId } = await createApp(stack.api, operator, 'Codes only shop',
      { login_methods: ['email_otp'], cors_origins: [stack.site] });
    const email = newEmail('codes');
    await registerIn(stack.api, clientId, email);
    const page = await browser.newPage();

    await page.goto(`${stack.site}/examples/react/dist/index.html?api=${encodeURIComponent(stack.api)}`
      + `&client_id=${clientId}`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email address').fill(email);

    expect(await form.getByLabel('Password').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Email me a sign-in link' }).count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByRole('textbox', { name: 'Code' }).fill(await codeFromInbox(stack.inbox, email, /code/i));
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe(`Signed in as ${email}`);
    await page.close();
  });
});
