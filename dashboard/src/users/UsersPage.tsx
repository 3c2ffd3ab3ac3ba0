import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAdminApi } from '../api/ApiContext.js';
import { useLoad } from '../api/useLoad.js';
import type { UserStatus } from '../api/types.js';
import { useAppScope } from '../shell/AppScope.js';
import { Pager } from '../ui/Pager.js';
import { Empty, ErrorNotice, Loading } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';

const SIZE = 20;
const STATUSES: Array<{ value: '' | UserStatus; label: string }> = [
  { value: '', label: 'Any status' }, { value: 'active', label: 'Active' }, { value: 'disabled', label: 'Disabled' },
  { value: 'erased', label: 'Erased' },
];

/** `verified` of the URL as the API takes it; anything but `true` or `false` is no filter. */
function verifiedOf(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * The accounts of the app in scope, newest first: search by address, filter by status, role and a verified
 * address, all on the server. The filters live in the URL.
 */
export function UsersPage() {
  const api = useAdminApi();
  const { appId, nameOf } = useAppScope();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as '' | UserStatus;
  const role = params.get('role') ?? '';
  const verified = verifiedOf(params.get('verified'));
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [draft, setDraft] = useState({ q, role });
  useEffect(() => setDraft({ q, role }), [q, role]);

  const users = useLoad(() => api.findUsers({ q, status, role, verified, app: appId, page, size: SIZE }),
    [api, q, status, role, verified, appId, page]);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.q.trim(), role: draft.role.trim() });
  };

  const rows = users.data?.items ?? [];
  const filtered = q || status || role || verified !== undefined;

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Users</h1>
      <p className="lede">Accounts of <strong>{nameOf(appId)}</strong>.</p>
      <form className="filters" role="search" aria-label="Users" onSubmit={search} noValidate>
        <p className="field">
          <label htmlFor={`${id}-q`}>Email address contains</label>
          <input id={`${id}-q`} type="search" value={draft.q} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <input id={`${id}-role`} value={draft.role} placeholder="any"
            onChange={(event) => setDraft({ ...draft, role: event.target.value })} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(event) => update({ status: event.target.value })}>
            {STATUSES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </p>
        <p className="field">
          <label htmlFor={`${id}-verified`}>Email</label>
          <select id={`${id}-verified`} value={verified === undefined ? '' : String(verified)}
            onChange={(event) => update({ verified: event.target.value })}>
            <option value="">Verified or not</option>
            <option value="true">Verified</option>
            <option value="false">Not verified</option>
          </select>
        </p>
        <button type="submit">Search</button>
        {filtered ? <button type="button" onClick={() => { setDraft({ q: '', role: '' }); setParams(new URLSearchParams()); }}>
          Clear filters</button> : null}
      </form>
      {users.state === 'error' ? <ErrorNotice error={users.error} onRetry={users.reload} what="the users" />
        : !users.data ? <Loading what="the users" />
        : rows.length === 0 ? (
          <Empty>
            <p>{filtered ? 'No user matches these filters.' : 'This app has no users yet. They appear here once they '
              + 'register.'}</p>
          </Empty>
        ) : (
          <div className="table-wrap" aria-busy={users.state === 'loading'}>
            <table>
              <caption className="visually-hidden">Users, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th><th scope="col">Status</th><th scope="col">Verified</th>
                  <th scope="col">Roles</th><th scope="col">Registered</th><th scope="col">Last login</th>
                  {appId ? null : <th scope="col">App</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">
                      <Link to={`/users/${encodeURIComponent(user.id)}`}>{user.email ?? `Erased user ${user.id}`}</Link>
                    </th>
                    <td><span className={`pill pill-${user.status}`}>{user.status}</span></td>
                    <td>{user.email_verified ? 'Yes' : 'No'}</td>
                    <td>{user.roles.join(', ') || '—'}</td>
                    <td>{formatInstant(user.created_at)}</td>
                    <td>{formatInstant(user.last_login_at)}</td>
                    {appId ? null : <td>{nameOf(user.app_id)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {users.data ? <Pager page={users.data.page} size={users.data.size} total={users.data.total}
        onPage={(next) => update({ page: String(next) })} label="Users" /> : null}
    </section>
  );
}
