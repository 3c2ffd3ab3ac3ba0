// The whole integration: a client, a listener, and a handler per button. Settings come from the query
// string so the page works against any stack: ?api=http://localhost:8080&client_id=...&storage=local
// The pages Watchword's emailed links open (/verify-email, /reset-password, /magic-link on the app's link base
// URL) are this page too, with ?flow=verify-email and so on; they carry no settings, so the page remembers them.
import { createClient, localStorageAdapter, memoryStorage, tokenFromUrl, WatchwordError } from '@watchword/client';

const params = new URLSearchParams(location.search);
const settings = params.has('api')
  ? { api: params.get('api'), clientId: params.get('client_id'), storage: params.get('storage') ?? 'cookie' }
  : JSON.parse(localStorage.getItem('watchword-example.settings') ?? 'null')
    ?? { api: 'http://localhost:8080', clientId: null, storage: 'cookie' };
localStorage.setItem('watchword-example.settings', JSON.stringify(settings));

const watchword = createClient({
  baseUrl: settings.api,
  ...(settings.clientId ? { clientId: settings.clientId } : {}),
  // cookie (the default in browsers): the refresh token in an HttpOnly cookie, the access token in memory, and
  // a reload stays signed in. memory: both in memory, gone on reload. local: both in localStorage.
  ...(settings.storage === 'cookie' ? { refreshTokenIn: 'cookie' }
    : { storage: settings.storage === 'local' ? localStorageAdapter() : memoryStorage() }),
});

const $ = (id) => document.getElementById(id);
const flow = params.get('flow');
const linkToken = tokenFromUrl();
// While an emailed link's step is open, sign-in state changes do not redraw the page over it.
let linkOpen = Boolean(flow && linkToken);

function say(text) {
  $('status').textContent = text;
}

function fail(error) {
  const text = error instanceof WatchwordError ? error.message : 'Something went wrong. Please try again.';
  $('error').textContent = text;
  $('error').hidden = false;
}

let renders = 0;

async function show(session) {
  if (linkOpen) return;
  // Each sign-in state change redraws; one that a newer change overtook (a sign-out during a refresh) is dropped.
  const render = ++renders;
  $('error').hidden = true;
  $('signed-in').hidden = !session;
  $('signed-out').hidden = Boolean(session);
  if (!session) {
    say('Signed out.');
    return;
  }
  say('Signed in.');
  try {
    const [user, sessions] = await Promise.all([watchword.getUser(), watchword.listSessions()]);
    if (render !== renders) return;
    $('profile-email').textContent = user.email;
    $('profile-verified').textContent = user.emailVerified ? 'yes' : 'no';
    $('profile-roles').textContent = user.roles.join(', ');
    $('sessions').replaceChildren(...sessions.map((row) => {
      const item = document.createElement('li');
      item.textContent = `${row.device ?? 'unknown device'}${row.current ? ' (this one)' : ''}`;
      return item;
    }));
  } catch (error) {
    if (render === renders) fail(error);
  }
}

/** The page an emailed link opened: a new password (reset), an optional one (verification), or nothing. */
async function followLink() {
  // The token leaves the address bar at once: it is a credential until it is used.
  history.replaceState(null, '', location.pathname + location.search);
  if (flow === 'magic-link') {
    say('Signing you in…');
    linkOpen = false;
    try {
      await watchword.signInWithMagicLink(linkToken);
    } catch (error) {
      $('signed-out').hidden = false;
      say('The sign-in link did not work.');
      fail(error);
    }
    return;
  }
  const reset = flow === 'reset-password';
  $('link').hidden = false;
  $('link-title').textContent = reset ? 'Choose a new password' : 'Confirm your email address';
  $('link-password-label').textContent = reset ? 'New password' : 'Your password (optional)';
  $('link-password').required = reset;
  say(reset ? 'Enter the password you will sign in with.' : 'Confirm the address, and set a password if you like.');
  $('link-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('error').hidden = true;
    const password = $('link-password').value;
    try {
      if (reset) await watchword.confirmPasswordReset({ token: linkToken, password });
      else await watchword.verifyEmail(linkToken, password ? { password } : {});
      linkOpen = false;
      $('link').hidden = true;
      $('signed-out').hidden = false;
      say(reset ? 'Your password is changed. Sign in with it.' : 'Your email address is confirmed. Sign in.');
    } catch (error) {
      fail(error);
    }
  });
}

watchword.onAuthStateChange((_event, session) => void show(session));

$('credentials').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  $('error').hidden = true;
  try {
    switch (event.submitter?.value) {
      case 'sign-up':
        await watchword.signUp({ email, password });
        say('Check your inbox: open the confirmation link, then sign in.');
        break;
      case 'magic-link':
        await watchword.requestMagicLink(email);
        say('Check your inbox: the sign-in link works once.');
        break;
      case 'reset':
        await watchword.requestPasswordReset(email);
        say('Check your inbox: the reset link lets you choose a new password.');
        break;
      default:
        await watchword.signInWithPassword({ email, password });
    }
  } catch (error) {
    fail(error);
  }
});

$('refresh').addEventListener('click', () => watchword.refreshSession().catch(fail));
$('sign-out').addEventListener('click', () => watchword.signOut().catch(fail));
$('sign-out-everywhere').addEventListener('click', () => watchword.signOutEverywhere().catch(fail));

if (linkOpen) void followLink();
else watchword.getSession().then(show, fail);
