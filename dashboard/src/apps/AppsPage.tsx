import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import { useLoad } from '../api/useLoad.js';
import type { RegisteredApp } from '../api/types.js';
import { OneTimeKey } from '../ui/OneTimeKey.js';
import { Pager } from '../ui/Pager.js';
import { Empty, ErrorNotice, Loading } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';

const SIZE = 20;

/** The client apps: every one for a platform operator (who may register more), the own app for an app's admin. */
export function AppsPage() {
  const api = useAdminApi();
  const access = useAccess();
  const id = useId();
  const [page, setPage] = useState(1);
  const apps = useLoad(() => api.findApps(page, SIZE), [api, page]);
  const [registered, setRegistered] = useState<RegisteredApp | null>(null);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Apps</h1>
      {access.operator ? (
        <RegisterApp onRegistered={(app) => { setRegistered(app); setPage(1); apps.reload(); }} />
      ) : null}
      {registered ? (
        <section className="panel" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`}>{registered.name} is registered</h2>
          <dl className="facts">
            <div><dt>Client id</dt><dd><code>{registered.client_id}</code></dd></div>
            <div><dt>App id</dt><dd><code>{registered.id}</code></dd></div>
          </dl>
          <OneTimeKey apiKey={registered.api_key} keyId={registered.key_id} onDismiss={() => setRegistered(null)} />
          <p><Link to={`/apps/${encodeURIComponent(registered.id)}`}>Open {registered.name}'s settings</Link></p>
        </section>
      ) : null}
      <h2>{access.operator ? 'Registered apps' : 'Your app'}</h2>
      {apps.state === 'error' ? <ErrorNotice error={apps.error} onRetry={apps.reload} what="the apps" />
        : !apps.data ? <Loading what="the apps" />
        : apps.data.items.length === 0 ? (
          <Empty>
            <p>{access.operator ? 'No app is registered yet. Register one above: its users, settings and keys are '
              + 'its own.' : 'Your account belongs to the default app, which has no app record to manage.'}</p>
          </Empty>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Apps</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th><th scope="col">Client id</th><th scope="col">Registered</th>
                    <th scope="col">Last change</th>
                  </tr>
                </thead>
                <tbody>
                  {apps.data.items.map((app) => (
                    <tr key={app.id}>
                      <th scope="row"><Link to={`/apps/${encodeURIComponent(app.id)}`}>{app.name}</Link></th>
                      <td><code>{app.client_id}</code></td>
                      <td>{formatInstant(app.registered_at)}</td>
                      <td>{formatInstant(app.updated_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={apps.data.page} size={apps.data.size} total={apps.data.total} onPage={setPage} label="Apps" />
          </>
        )}
    </section>
  );
}

function RegisterApp({ onRegistered }: { onRegistered: (app: RegisteredApp) => void }) {
  const api = useAdminApi();
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; code?: string | undefined } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError({ text: 'Give the app a name.' });
    setBusy(true);
    setError(null);
    try {
      const app = await api.registerApp(name.trim());
      setName('');
      onRegistered(app);
    } catch (failure) {
      setError({ text: describe(failure), code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel inline-form" onSubmit={(event) => void submit(event)} noValidate
      aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Register an app</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>App name</label>
        <input id={`${id}-name`} value={name} maxLength={100} onChange={(event) => setName(event.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      </div>
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Registering…' : 'Register app'}</button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error.text}{error.code ? <> <code className="problem-code">{error.code}</code></> : null}
        </p>
      ) : null}
    </form>
  );
}
