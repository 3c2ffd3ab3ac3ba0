/**
 * Which app's accounts the sign-in form is for. Accounts belong to one app, so an app's admin signs in with that
 * app's client id; platform operators use the default app (no client id). The choice is kept for the tab in
 * sessionStorage (never a token), and a link may carry it as `?client_id=`.
 */

const KEY = 'watchword.admin.client-id';
const PARAM = 'client_id';

/** The chosen client id, `undefined` for the default app (the platform operators' console). */
export function readConsoleChoice(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get(PARAM)?.trim();
  if (fromUrl) {
    writeConsoleChoice(fromUrl);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeConsoleChoice(clientId: string | undefined): void {
  try {
    if (clientId) window.sessionStorage.setItem(KEY, clientId);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be disabled: the choice then lasts until the page is reloaded.
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has(PARAM)) {
    url.searchParams.delete(PARAM);
    window.history.replaceState(window.history.state, '', url);
  }
}
