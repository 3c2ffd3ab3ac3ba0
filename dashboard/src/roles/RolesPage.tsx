import { useId, useState, type FormEvent } from 'react';
import { WatchwordError } from '@watchword/client';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe, messageForCode } from '../api/problems.js';
import { useLoad } from '../api/useLoad.js';
import { GRANTABLE_PERMISSIONS } from '../auth/access.js';
import { useAppScope } from '../shell/AppScope.js';
import { Empty, ErrorNotice, Loading } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';

const NAME = /^[a-z][a-z0-9_-]{1,31}$/;

/** The app's roles and what each may do; custom roles are defined once and never redefined. */
export function RolesPage() {
  const api = useAdminApi();
  const access = useAccess();
  const { appId, nameOf } = useAppScope();
  const id = useId();
  const roles = useLoad(() => (appId ? api.findRoles(appId) : Promise.resolve([])), [api, appId]);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Roles</h1>
      {!appId ? (
        <Empty><p>Roles belong to one app. Choose an app in the app picker at the top of the page.</p></Empty>
      ) : (
        <>
          <p className="lede">Roles of <strong>{nameOf(appId)}</strong>.</p>
          {roles.state === 'error' ? <ErrorNotice error={roles.error} onRetry={roles.reload} what="the roles" />
            : !roles.data ? <Loading what="the roles" />
            : roles.data.length === 0 ? <Empty><p>This app has no roles.</p></Empty>
            : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Roles and their permissions</caption>
                  <thead>
                    <tr>
                      <th scope="col">Role</th><th scope="col">Permissions</th><th scope="col">Kind</th>
                      <th scope="col">Defined</th>
                    </tr>
                  </thead>
                  <tbody>
                    {roles.data.map((role) => (
                      <tr key={role.role}>
                        <th scope="row">{role.role}</th>
                        <td>{role.permissions.length ? role.permissions.map((p) => <code key={p} className="perm">{p}</code>)
                          : 'none'}</td>
                        <td>{role.built_in ? 'Built in' : 'Custom'}</td>
                        <td>{role.built_in ? '—' : `${formatInstant(role.defined_at)} by ${role.defined_by ?? 'unknown'}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          {access.can('roles:write') ? <DefineRole appId={appId} onDefined={roles.reload} /> : null}
        </>
      )}
    </section>
  );
}

function DefineRole({ appId, onDefined }: { appId: string; onDefined: () => void }) {
  const api = useAdminApi();
  const access = useAccess();
  const id = useId();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [error, setError] = useState<{ field: 'name' | 'permissions' | null; text: string; code?: string | undefined }
    | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offered = GRANTABLE_PERMISSIONS.filter((permission) => access.can(permission));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!NAME.test(name)) {
      return setError({ field: 'name', text: 'A role name is 2 to 32 of a-z, 0-9, _ and -, starting with a letter.' });
    }
    if (name === 'user' || name === 'admin') return setError({ field: 'name', text: 'user and admin are built in.' });
    if (permissions.length === 0) return setError({ field: 'permissions', text: 'Choose at least one permission.' });
    setBusy(true);
    setError(null);
    try {
      await api.defineRole(appId, name, permissions);
      setDone(`The role ${name} is defined.`);
      setName('');
      setPermissions([]);
      onDefined();
    } catch (failure) {
      const code = codeOf(failure);
      const field = code === 'ROLE_EXISTS' || code === 'VALIDATION_FAILED' ? 'name'
        : code === 'ROLE_INVALID' || (failure instanceof WatchwordError && failure.status === 403) ? 'permissions'
        : null;
      setError({ field, text: (code && messageForCode(code)) ?? describe(failure), code });
    } finally {
      setBusy(false);
    }
  };

  const errorLine = (field: 'name' | 'permissions' | null) => (error && error.field === field ? (
    <p id={`${id}-${field ?? 'form'}-error`} role="alert" className="field-error">
      {error.text}{error.code ? <> <code className="problem-code">{error.code}</code></> : null}
    </p>
  ) : null);

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Define a custom role</h2>
      <p>A role carries only permissions you hold yourself; it can never be changed once defined.</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Role name</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value.toLowerCase())}
          autoComplete="off" spellCheck={false} aria-invalid={error?.field === 'name' || undefined}
          aria-describedby={error?.field === 'name' ? `${id}-name-error ${id}-name-hint` : `${id}-name-hint`} />
        <span className="hint" id={`${id}-name-hint`}>like support or billing_viewer</span>
        {errorLine('name')}
      </div>
      <fieldset aria-describedby={error?.field === 'permissions' ? `${id}-permissions-error` : undefined}>
        <legend>Permissions</legend>
        {offered.map((permission) => (
          <p className="check" key={permission}>
            <input type="checkbox" id={`${id}-${permission}`} checked={permissions.includes(permission)}
              onChange={(event) => setPermissions(event.target.checked ? [...permissions, permission]
                : permissions.filter((p) => p !== permission))} />
            <label htmlFor={`${id}-${permission}`}><code>{permission}</code></label>
          </p>
        ))}
        {errorLine('permissions')}
      </fieldset>
      {errorLine(null)}
      {done ? <p role="status" className="outcome outcome-ok">{done}</p> : null}
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Defining…' : 'Define role'}</button>
    </form>
  );
}
