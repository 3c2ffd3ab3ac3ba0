import { useId, useState, type FormEvent } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import type { RoleChange } from '../api/types.js';
import { Empty, ErrorNotice, Loading } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';

/** Who granted and who revoked a role of a user, and when. */
export function RoleHistoryPanel() {
  const api = useAdminApi();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('admin');
  const [state, setState] = useState<{ loading: boolean; changes: RoleChange[] | null; error: unknown;
    missing?: string }>({ loading: false, changes: null, error: null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId.trim() || !role.trim()) {
      return setState({ loading: false, changes: null, error: null, missing: 'Give a user id and a role.' });
    }
    setState({ loading: true, changes: null, error: null });
    try {
      setState({ loading: false, changes: await api.findRoleChanges(userId.trim(), role.trim()), error: null });
    } catch (error) {
      setState({ loading: false, changes: null, error });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Role history</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <p className="field">
          <label htmlFor={`${id}-user`}>User id</label>
          <input id={`${id}-user`} value={userId} spellCheck={false} onChange={(event) => setUserId(event.target.value)} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <input id={`${id}-role`} value={role} spellCheck={false} onChange={(event) => setRole(event.target.value)} />
        </p>
        <button type="submit">Show history</button>
      </form>
      {state.missing ? <p role="alert" className="field-error">{state.missing}</p> : null}
      {state.loading ? <Loading what="the role history" /> : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {state.changes ? (state.changes.length === 0 ? <Empty><p>The role was never granted to this user.</p></Empty> : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Grants and revocations</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">By</th><th scope="col">Position</th></tr></thead>
            <tbody>
              {state.changes.map((change) => (
                <tr key={change.position}>
                  <th scope="row">{formatInstant(change.at)}</th>
                  <td>{change.change === 'assigned' ? 'Granted' : 'Revoked'}</td>
                  <td><code>{change.by ?? 'system'}</code></td>
                  <td className="num">{change.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )) : null}
    </section>
  );
}
