import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LoginMethod, Session } from '@watchword/client';
import { useWatchword } from './context.js';
import { messageFor } from './messages.js';

/** Props of {@link SignIn}. */
export interface SignInProps {
  /**
   * The methods to offer. The default is the app's own setting, read from Watchword, so the form offers
   * exactly what the app allows.
   */
  methods?: LoginMethod[];
  /** Called once a session has started. */
  onSignedIn?: (session: Session) => void;
  /** The heading. The default is "Sign in". */
  title?: string;
  /** Sentences to use instead of the defaults, by error code (see `defaultMessages`). */
  messages?: Partial<Record<string, string>>;
}

type Field = 'email' | 'password' | 'code';
type Step = 'start' | 'code' | 'link-sent';

/**
 * A sign-in form for the app's login methods: password, emailed link, emailed code. Every error is a sentence
 * next to the field it concerns, announced to screen readers; styling through CSS variables
 * (`@watchword/react/styles.css`).
 */
export function SignIn({ methods: given, onSignedIn, title = 'Sign in', messages }: SignInProps) {
  const client = useWatchword();
  const id = useId();
  const [methods, setMethods] = useState<LoginMethod[] | null>(given ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('start');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [requestId, setRequestId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field: Field | null } | null>(null);
  const chosen = useRef<LoginMethod>('password');
  const fields = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null) };

  const load = useCallback(() => {
    if (given) return;
    setLoadError(null);
    setMethods(null);
    client.getAppSettings().then(
      (settings) => setMethods(settings.loginMethods),
      (failure: unknown) => setLoadError(messageFor(failure, messages)));
  }, [client, given]);
  useEffect(load, [load]);

  useEffect(() => {
    if (error?.field) fields[error.field].current?.focus();
  }, [error]);

  const fail = (failure: unknown, field: Field | null) => setError({ text: messageFor(failure, messages), field });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (step === 'code') {
      if (!code.trim()) return setError({ text: 'Enter the code from the email.', field: 'code' });
      return run(async () => {
        // Signed in first: an optional call would skip evaluating its argument.
        const session = await client.signInWithEmailCode({ requestId, code: code.trim() });
        onSignedIn?.(session);
      }, 'code');
    }
    if (!email.trim()) return setError({ text: 'Enter your email address.', field: 'email' });
    const method = chosen.current;
    if (method === 'password') {
      if (!password) return setError({ text: 'Enter your password.', field: 'password' });
      return run(async () => {
        const session = await client.signInWithPassword({ email: email.trim(), password });
        onSignedIn?.(session);
      }, 'password');
    }
    if (method === 'magic_link') {
      return run(async () => {
        await client.requestMagicLink(email.trim());
        setStep('link-sent');
      }, 'email');
    }
    return run(async () => {
      setRequestId((await client.requestEmailCode(email.trim())).requestId);
      setCode('');
      setStep('code');
    }, 'email');
  };

  const run = async (task: () => Promise<void>, field: Field) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (failure) {
      fail(failure, field);
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const described = (field: Field) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId }
    : {});

  if (loadError) {
    return (
      <section className="ww-signin" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p role="alert" className="ww-signin-error">{loadError}</p>
        <button type="button" onClick={load}>Try again</button>
      </section>
    );
  }
  if (!methods) {
    return (
      <section className="ww-signin" aria-labelledby={`${id}-title`} aria-busy="true">
        <h2 id={`${id}-title`}>{title}</h2>
        <p role="status">Loading sign-in options…</p>
      </section>
    );
  }
  if (methods.length === 0) {
    return (
      <section className="ww-signin" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p role="status">No way of signing in is enabled for this app.</p>
      </section>
    );
  }

  const errorLine = error ? <p id={errorId} role="alert" className="ww-signin-error">{error.text}</p> : null;

  if (step === 'link-sent') {
    return (
      <section className="ww-signin" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Check your email</h2>
        <p role="status">If {email.trim()} can sign in here, a sign-in link is on its way. It works once, for a few
          minutes.</p>
        <button type="button" onClick={() => setStep('start')}>Use another way</button>
      </section>
    );
  }

  const offers = (method: LoginMethod) => methods.includes(method);
  return (
    <form className="ww-signin" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate
      aria-busy={busy}>
      <h2 id={`${id}-title`}>{step === 'code' ? 'Enter your code' : title}</h2>
      {step === 'code' ? (
        <>
          <p role="status">If {email.trim()} can sign in here, a code is on its way.</p>
          <label htmlFor={`${id}-code`}>Code</label>
          <input id={`${id}-code`} ref={fields.code} name="code" inputMode="numeric" autoComplete="one-time-code"
            value={code} onChange={(event) => setCode(event.target.value)} {...described('code')} />
          {errorLine}
          <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          <button type="button" className="ww-signin-secondary" onClick={() => { setStep('start'); setError(null); }}>
            Use another way
          </button>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-email`}>Email address</label>
          <input id={`${id}-email`} ref={fields.email} name="email" type="email" autoComplete="email"
            value={email} onChange={(event) => setEmail(event.target.value)} {...described('email')} />
          {offers('password') && (
            <>
              <label htmlFor={`${id}-password`}>Password</label>
              <input id={`${id}-password`} ref={fields.password} name="password" type="password"
                autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)}
                {...described('password')} />
            </>
          )}
          {errorLine}
          {offers('password') && (
            <button type="submit" disabled={busy} onClick={() => { chosen.current = 'password'; }}>
              {busy && chosen.current === 'password' ? 'Signing in…' : 'Sign in'}
            </button>
          )}
          {offers('magic_link') && (
            <button type="submit" disabled={busy} className={offers('password') ? 'ww-signin-secondary' : undefined}
              onClick={() => { chosen.current = 'magic_link'; }}>
              Email me a sign-in link
            </button>
          )}
          {offers('email_otp') && (
            <button type="submit" disabled={busy}
              className={offers('password') || offers('magic_link') ? 'ww-signin-secondary' : undefined}
              onClick={() => { chosen.current = 'email_otp'; }}>
              Email me a code
            </button>
          )}
        </>
      )}
    </form>
  );
}
