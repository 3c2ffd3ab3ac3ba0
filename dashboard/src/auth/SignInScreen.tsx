import { useId, useState, type FormEvent } from 'react';
import { SignIn } from '@watchword/react';

const MESSAGES = {
  ORIGIN_NOT_ALLOWED: "This app does not allow sign-in from this website: add this origin to the app's CORS "
    + 'origins (or to WATCHWORD_CORS_ALLOWEDORIGINS).',
  UNKNOWN_CLIENT: 'There is no app with this client id. Check it, or use the platform console.',
};

/**
 * Signed out: Watchword's own sign-in form (dogfooding @watchword/react). Accounts belong to one app, so the
 * platform operators sign in with the default app's account, and an app's admins with their app's: they name it
 * by its client id.
 */
export function SignInScreen({ clientId, onChoose }: {
  clientId: string | undefined; onChoose: (clientId: string | undefined) => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [missing, setMissing] = useState(false);
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (!typed.trim()) {
      setMissing(true);
      return;
    }
    onChoose(typed.trim());
  };
  return (
    <main className="signin-page" id="main">
      <h1>Watchword admin</h1>
      {clientId ? (
        <p>Signing in to the console of the app with client id <code>{clientId}</code>.</p>
      ) : (
        <p>Platform operators sign in with their account of the default app.</p>
      )}
      <SignIn key={clientId ?? 'default'} title={clientId ? "Sign in to your app's console" : 'Sign in'}
        messages={MESSAGES} />
      {clientId ? (
        <p><button type="button" className="link" onClick={() => onChoose(undefined)}>
          Use the platform console instead</button></p>
      ) : (
        <form className="console-choice" onSubmit={open} noValidate aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>Sign in to an app's console</h2>
          <p>An app's admins have their account in that app: give its client id.</p>
          <p className="field">
            <label htmlFor={`${id}-client`}>App client id</label>
            <input id={`${id}-client`} value={typed} autoComplete="off" spellCheck={false}
              aria-invalid={missing || undefined} aria-describedby={missing ? `${id}-error` : undefined}
              onChange={(event) => { setTyped(event.target.value); setMissing(false); }} />
          </p>
          {missing ? <p id={`${id}-error`} role="alert" className="field-error">Enter the app's client id.</p> : null}
          <button type="submit">Open the app's console</button>
        </form>
      )}
    </main>
  );
}
