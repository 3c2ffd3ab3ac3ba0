import { useId, useState, type FormEvent } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import type { UserAsOf } from '../api/types.js';
import { ErrorNotice, Loading } from '../ui/States.js';
import { formatInstant, instantOfLocal } from '../ui/format.js';

/** What a user looked like at a chosen moment, computed from the log. */
export function UserAsOfPanel() {
  const api = useAdminApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [at, setAt] = useState('');
  const [state, setState] = useState<{ loading: boolean; result: UserAsOf | null; error: unknown; missing?: string }>(
    { loading: false, result: null, error: null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = instantOfLocal(at);
    if (!userId.trim() || !instant) {
      return setState({ loading: false, result: null, error: null, missing: 'Give a user id and a moment.' });
    }
    setState({ loading: true, result: null, error: null });
    try {
      setState({ loading: false, result: await api.getUserAsOf(userId.trim(), instant), error: null });
    } catch (error) {
      setState({ loading: false, result: null, error });
    }
  };

  const result = state.result;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>A user as of a moment</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="field">
          <label htmlFor={`${id}-user`}>User id</label>
          <input id={`${id}-user`} value={userId} spellCheck={false} onChange={(event) => setUserId(event.target.value)} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-at`}>As of</label>
          <input id={`${id}-at`} type="datetime-local" step={1} value={at} onChange={(event) => setAt(event.target.value)} />
        </p>
        <button type="submit">Show</button>
      </form>
      {state.missing ? <p role="alert" className="field-error">{state.missing}</p> : null}
      {state.loading ? <Loading what="the user's past" /> : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {result ? (
        result.exists ? (
          <dl className="facts" aria-label={`The user as of ${formatInstant(result.as_of)}`}>
            <div><dt>Email</dt><dd>{result.email ?? '(erased)'}</dd></div>
            <div><dt>Status</dt><dd>{result.status ?? '—'}</dd></div>
            <div><dt>Verified</dt><dd>{result.email_verified ? 'Yes' : 'No'}</dd></div>
            <div><dt>Roles</dt><dd>{result.roles.join(', ') || '—'}</dd></div>
            <div><dt>Live sessions</dt><dd>{result.sessions.length}</dd></div>
            <div><dt>Events applied</dt><dd>{result.events_applied}</dd></div>
          </dl>
        ) : <p role="status">The user had not registered by {formatInstant(result.as_of)}.</p>
      ) : null}
    </section>
  );
}
