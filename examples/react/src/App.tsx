import { useEffect, useState, type FormEvent } from 'react';
import type { SessionInfo } from '@watchword/client';
import { SignIn, SignedIn, SignedOut, messageFor, useUser, useWatchword } from '@watchword/react';

export function App() {
  return (
    <main>
      <h1>Watchword example (React)</h1>
      <SignedOut>
        <SignIn />
        <SignUp />
      </SignedOut>
      <SignedIn>
        <Account />
      </SignedIn>
    </main>
  );
}

function SignUp() {
  const watchword = useWatchword();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await watchword.signUp({ email, ...(password ? { password } : {}) });
      setMessage({ text: 'Check your inbox: open the confirmation link, then sign in.', error: false });
    } catch (error) {
      setMessage({ text: messageFor(error), error: true });
    }
  };

  return (
    <form className="ww-signin" aria-labelledby="signup-title" onSubmit={(event) => void submit(event)}>
      <h2 id="signup-title">Create an account</h2>
      <label htmlFor="signup-email">Email address</label>
      <input id="signup-email" type="email" autoComplete="email" value={email}
        onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor="signup-password">New password</label>
      <input id="signup-password" type="password" autoComplete="new-password" value={password}
        onChange={(event) => setPassword(event.target.value)} />
      {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <button type="submit">Create account</button>
    </form>
  );
}

function Account() {
  const watchword = useWatchword();
  const { user, isLoading, error } = useUser();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);

  useEffect(() => {
    watchword.listSessions().then(setSessions, () => setSessions([]));
  }, [watchword]);

  if (isLoading) return <p role="status">Loading your profile…</p>;
  if (error) return <p role="alert">{messageFor(error)}</p>;
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">Signed in as {user?.email}</h2>
      <p>Email verified: {user?.emailVerified ? 'yes' : 'no'}</p>
      <h3>Sessions</h3>
      {sessions === null ? <p role="status">Loading sessions…</p> : (
        <ul>{sessions.map((row) => <li key={row.id}>{row.device ?? 'unknown device'}{row.current ? ' (this one)' : ''}</li>)}</ul>
      )}
      <button type="button" onClick={() => void watchword.signOut()}>Sign out</button>
    </section>
  );
}
