import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import { useLoad } from '../api/useLoad.js';
import type { AdminSession, AdminUserDetail } from '../api/types.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { Empty, ErrorNotice, Loading, Outcome } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';
import { UserRoles } from './UserRoles.js';
import { UserTimeline } from './UserTimeline.js';

type Confirming = 'disable' | 'logout' | 'erase' | { end: AdminSession } | null;
type Result = { ok: boolean; text: string; code?: string | undefined } | null;

const deviceOf = (session: AdminSession) => session.device ?? 'Unknown device';

/**
 * The name of a session's "End session" button: its device, and when it started if another live session has the
 * same device, so that each button says which session it ends.
 */
function endLabel(session: AdminSession, sessions: AdminSession[]): string {
  const label = `End session on ${deviceOf(session)}`;
  const shared = sessions.some((other) => other.id !== session.id && deviceOf(other) === deviceOf(session));
  return shared ? `${label}, started ${formatInstant(session.created_at)}` : label;
}

/** One account: profile, roles, live sessions, what happened to it, and what an admin may do to it. */
export function UserDetailPage() {
  const { userId = '' } = useParams();
  const api = useAdminApi();
  const access = useAccess();
  const navigate = useNavigate();
  const id = useId();
  const user = useLoad(() => api.getUser(userId), [api, userId]);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [outcome, setOutcome] = useState<Result>(null);
  const [busy, setBusy] = useState(false);

  const act = async (task: () => Promise<void>, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await task();
      setOutcome({ ok: true, text: done });
      user.reload();
    } catch (failure) {
      setOutcome({ ok: false, text: describe(failure), code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  if (!user.data) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <p className="crumbs"><Link to="/users">Users</Link></p>
        <h1 id={`${id}-title`}>User</h1>
        {user.state === 'error' ? <ErrorNotice error={user.error} onRetry={user.reload} what="the user" />
          : <Loading what="the user" />}
      </section>
    );
  }
  const detail: AdminUserDetail = user.data;
  const erased = detail.status === 'erased';
  const canWrite = access.can('users:write') && !erased;
  const title = detail.email ?? 'Erased user';

  return (
    <section aria-labelledby={`${id}-title`}>
      <p className="crumbs"><Link to="/users">Users</Link></p>
      <h1 id={`${id}-title`}>{title}</h1>
      <dl className="facts">
        <div><dt>Status</dt><dd><span className={`pill pill-${detail.status}`}>{detail.status}</span></dd></div>
        <div><dt>Email verified</dt><dd>{detail.email_verified ? 'Yes' : 'No'}</dd></div>
        <div><dt>Registered</dt><dd>{formatInstant(detail.created_at)}</dd></div>
        <div><dt>Last login</dt><dd>{formatInstant(detail.last_login_at)}</dd></div>
        <div><dt>User id</dt><dd><code>{detail.id}</code></dd></div>
        <div><dt>App</dt><dd><code>{detail.app_id}</code></dd></div>
      </dl>

      {canWrite ? (
        <div className="actions" role="group" aria-label="Account actions">
          {detail.status === 'disabled' ? (
            <button type="button" disabled={busy}
              onClick={() => void act(() => api.enableUser(detail.id), 'The account is enabled.')}>Enable account</button>
          ) : (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming('disable')}>
              Disable account</button>
          )}
          <button type="button" disabled={busy}
            onClick={() => void act(() => api.requestPasswordReset(detail.id),
              'A password reset link is on its way to the user.')}>Send a password reset link</button>
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming('erase')}>
            Erase account</button>
        </div>
      ) : null}
      <Outcome outcome={outcome} />

      <UserRoles user={detail} onChanged={user.reload} />

      <section className="panel" aria-labelledby={`${id}-sessions`}>
        <h2 id={`${id}-sessions`}>Sessions</h2>
        {detail.sessions.length === 0 ? (
          <Empty><p>No live session: the user is signed out everywhere.</p></Empty>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Live sessions</caption>
                <thead>
                  <tr>
                    <th scope="col">Device</th><th scope="col">IP address</th><th scope="col">Method</th>
                    <th scope="col">Started</th><th scope="col">Last used</th><th scope="col">Expires</th>
                    {canWrite ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
                  </tr>
                </thead>
                <tbody>
                  {detail.sessions.map((session) => (
                    <tr key={session.id}>
                      <th scope="row">{deviceOf(session)}</th>
                      <td>{session.ip_address ?? '—'}</td>
                      <td>{session.login_method?.toLowerCase().replace('_', ' ') ?? '—'}</td>
                      <td>{formatInstant(session.created_at)}</td>
                      <td>{formatInstant(session.last_used_at)}</td>
                      <td>{formatInstant(session.expires_at)}</td>
                      {canWrite ? (
                        <td>
                          <button type="button" className="danger" disabled={busy}
                            aria-label={endLabel(session, detail.sessions)}
                            onClick={() => setConfirming({ end: session })}>End session</button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {canWrite ? (
              <button type="button" className="danger" disabled={busy} onClick={() => setConfirming('logout')}>
                End every session</button>
            ) : null}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby={`${id}-logins`}>
        <h2 id={`${id}-logins`}>Recent logins</h2>
        {detail.recent_activity.length === 0 ? <Empty><p>No login recorded yet.</p></Empty> : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">The 20 latest logins</caption>
              <thead>
                <tr>
                  <th scope="col">When</th><th scope="col">Outcome</th><th scope="col">Method or reason</th>
                  <th scope="col">IP address</th><th scope="col">User agent</th>
                </tr>
              </thead>
              <tbody>
                {detail.recent_activity.map((entry, index) => (
                  <tr key={`${entry.occurred_at}-${index}`}>
                    <th scope="row">{formatInstant(entry.occurred_at)}</th>
                    <td>{entry.type.replace(/_/g, ' ')}</td>
                    <td>{entry.method ?? entry.reason ?? '—'}</td>
                    <td>{entry.ip_address ?? '—'}</td>
                    <td className="truncate">{entry.user_agent ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {access.can('audit:read') ? <UserTimeline userId={detail.id} /> : null}

      {confirming === 'disable' ? (
        <ConfirmDialog title={`Disable ${title}?`} confirmLabel="Disable account" onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await api.disableUser(detail.id);
            setOutcome({ ok: true, text: 'The account is disabled and every session has ended.' });
            user.reload();
          }}>
          <p>Every session ends now, and no login of any kind works until the account is enabled again.</p>
        </ConfirmDialog>
      ) : null}
      {confirming === 'logout' ? (
        <ConfirmDialog title={`End every session of ${title}?`} confirmLabel="End every session"
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await api.logoutUser(detail.id);
            setOutcome({ ok: true, text: 'Every session has ended.' });
            user.reload();
          }}>
          <p>The user is signed out on every device and has to sign in again.</p>
        </ConfirmDialog>
      ) : null}
      {typeof confirming === 'object' && confirming !== null ? (
        <ConfirmDialog title={`End the session on ${deviceOf(confirming.end)}?`} confirmLabel="End session"
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            try {
              await api.endSession(detail.id, confirming.end.id);
            } catch (failure) {
              // Ended meanwhile (the user logged out, it expired): the list is stale, the dialog says why.
              if (codeOf(failure) === 'SESSION_NOT_FOUND') user.reload();
              throw failure;
            }
            setOutcome({ ok: true, text: `The session on ${deviceOf(confirming.end)} has ended.` });
            user.reload();
          }}>
          <p>The user is signed out on that device ({confirming.end.ip_address ?? 'IP address unknown'}, started{' '}
            {formatInstant(confirming.end.created_at)}) and has to sign in there again. Their other sessions go
            on.</p>
        </ConfirmDialog>
      ) : null}
      {confirming === 'erase' ? (
        <ConfirmDialog title={`Erase ${title}?`} confirmLabel="Erase account" typeToConfirm={detail.email ?? detail.id}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await api.eraseUser(detail.id);
            navigate('/users', { replace: true, state: { erased: detail.id } });
          }}>
          <p>The account is deleted and its personal data erased for good: its data key is destroyed, so its address,
            IP addresses and devices can no longer be read anywhere, including in the audit log. This cannot be
            undone.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
