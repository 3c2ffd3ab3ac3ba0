// The whole integration: a client, a listener, and a handler per button. Settings come from the query
// string so the page works against any stack: ?api=http://localhost:8080&client_id=...&storage=local
import { createClient, localStorageAdapter, memoryStorage, WatchwordError } from '@watchword/client';

const params = new URLSearchParams(location.search);
const storage = params.get('storage') ?? 'cookie';
const watchword = createClient({
  baseUrl: params.get('api') ?? 'http://localhost:8080',
  ...(params.get('client_id') ? { clientId: params.get('client_id') } : {}),
  // cookie (the default in browsers): the refresh token in an HttpOnly cookie, the access token in memory, and
  // a reload stays signed in. memory: both in memory, gone on reload. local: both in localStorage.
  ...(storage === 'cookie' ? { refreshTokenIn: 'cookie' }
    : { storage: storage === 'local' ? localStorageAdapter() : memoryStorage() }),
});

const $ = (id) => document.getElementById(id);

function say(text) {
  $('status').textContent = text;
}

function fail(error) {
  const text = error instanceof WatchwordError ? error.message : 'Something went wrong. Please try again.';
  $('error').textContent = text;
  $('error').hidden = false;
}

async function show(session) {
  $('error').hidden = true;
  $('signed-in').hidden = !session;
  $('signed-out').hidden = Boolean(session);
  if (!session) {
    say('Signed out.');
    return;
  }
  say('Signed in.');
  try {
    const user = await watchword.getUser();
    $('profile-email').textContent = user.email;
    $('profile-verified').textContent = user.emailVerified ? 'yes' : 'no';
    $('profile-roles').textContent = user.roles.join(', ');
    const list = $('sessions');
    list.replaceChildren(...(await watchword.listSessions()).map((row) => {
      const item = document.createElement('li');
      item.textContent = `${row.device ?? 'unknown device'}${row.current ? ' (this one)' : ''}`;
      return item;
    }));
  } catch (error) {
    fail(error);
  }
}

watchword.onAuthStateChange((_event, session) => void show(session));

$('credentials').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  $('error').hidden = true;
  try {
    if (event.submitter?.value === 'sign-up') {
      await watchword.signUp({ email, password });
      say('Check your inbox: open the confirmation link, then sign in.');
    } else {
      await watchword.signInWithPassword({ email, password });
    }
  } catch (error) {
    fail(error);
  }
});

$('refresh').addEventListener('click', () => watchword.refreshSession().catch(fail));
$('sign-out').addEventListener('click', () => watchword.signOut().catch(fail));
$('sign-out-everywhere').addEventListener('click', () => watchword.signOutEverywhere().catch(fail));

watchword.getSession().then(show, fail);
