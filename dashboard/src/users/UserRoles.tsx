import { useId, useState, type FormEvent } from 'react';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import { useLoad } from '../api/useLoad.js';
import type { AdminUserDetail } from '../api/types.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { Empty, Outcome } from '../ui/States.js';

/** The user's roles: grant one of the app's roles, revoke one (asked again). */
export function UserRoles({ user, onChanged }: { user: AdminUserDetail; onChanged: () => void }) {
  const api = useAdminApi();
  const access = useAccess();
  const id = useId();
  const roles = useLoad(() => api.findRoles(user.app_id), [api, user.app_id]);
  const [chosen, setChosen] = useState('');
  const [revoking, setRevoking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string | undefined } | null>(null);
  const canChange = access.can('roles:write') && user.status !== 'erased';
  const grantable = (roles.data ?? []).filter((role) => role.role !== 'user' && !user.roles.includes(role.role));

  const grant = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setOutcome({ ok: false, text: 'Choose a role to grant.' });
    setBusy(true);
    setOutcome(null);
    try {
      await api.assignRole(user.id, chosen);
      setOutcome({ ok: true, text: `Granted ${chosen}.` });
      setChosen('');
      onChanged();
    } catch (failure) {
      setOutcome({ ok: false, text: describe(failure), code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Roles</h2>
      {user.roles.length === 0 ? <Empty><p>No roles.</p></Empty> : (
        <ul className="role-list">
          {user.roles.map((role) => (
            <li key={role}>
              <span className="pill">{role}</span>
              {canChange && role !== 'user' ? (
                <button type="button" className="danger small" aria-label={`Revoke role ${role}`}
                  onClick={() => setRevoking(role)}>Revoke</button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canChange ? (
        <form className="inline-form" onSubmit={(event) => void grant(event)} noValidate>
          <p className="field">
            <label htmlFor={`${id}-role`}>Role to grant</label>
            <select id={`${id}-role`} value={chosen} onChange={(event) => setChosen(event.target.value)}
              disabled={!roles.data}>
              <option value="">{roles.state === 'error' ? 'The roles could not be loaded'
                : roles.data ? (grantable.length ? 'Choose a role' : 'No other role to grant') : 'Loading roles…'}</option>
              {grantable.map((role) => (
                <option key={role.role} value={role.role}>{role.role} ({role.permissions.join(', ') || 'no permissions'})</option>
              ))}
            </select>
          </p>
          <button type="submit" disabled={busy || !chosen}>Grant role</button>
        </form>
      ) : null}
      <Outcome outcome={outcome} />
      {revoking ? (
        <ConfirmDialog title={`Revoke the role ${revoking}?`} confirmLabel="Revoke role" onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await api.revokeRole(user.id, revoking);
            setOutcome({ ok: true, text: `Revoked ${revoking}.` });
            onChanged();
          }}>
          <p>The user loses the role's permissions at once: access tokens issued before are refused where they
            matter.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
