// The React bindings' <SignIn> in a real browser: the form offers exactly the app's login methods.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codeFromInbox, createApp, launchChromium, newEmail, operatorToken, registerIn } from '../support.js';

const stack = inject('stack');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let operator: string;

beforeAll(async () => {
  browser = await launchChromium();
  operator = await operatorToken(stack);
});

afterAll(async () => {
  await browser?.close();
});

/** Serious and critical accessibility violations on the page, as axe-core finds them. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    const result = await axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

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
