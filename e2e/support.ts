import { chromium, type Browser } from 'playwright-core';

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

/** Waits for the newest email to `to` whose subject matches, and returns the first link in it. */
export async function linkFromInbox(inbox: string, to: string, subject: RegExp): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${inbox}/api/messages?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as InboxMessage[];
    const message = messages.reverse().find((candidate) => subject.test(candidate.subject));
    const link = message && /https?:\/\/\S+#token=[A-Za-z0-9_\-]+/.exec(message.text)?.[0];
    if (link) return link;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`no email to ${to} matching ${subject} within 60 s`);
}
