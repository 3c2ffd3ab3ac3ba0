import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import { useLoad } from '../api/useLoad.js';
import { Empty, ErrorNotice, Loading, Outcome } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';
import { ReplayProgress } from './ReplayProgress.js';

/** Rebuild a read model into a shadow copy, watch it catch up, switch it in or abandon it. */
export function ReplaysPage({ pollMillis = 1000 }: { pollMillis?: number }) {
  const api = useAdminApi();
  const { replayId } = useParams();
  const navigate = useNavigate();
  const id = useId();
  const projections = useLoad(() => api.findProjections(), [api]);
  const replays = useLoad(() => api.findReplays(), [api, replayId]);
  const [projection, setProjection] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string | undefined } | null>(null);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!projection) return setOutcome({ ok: false, text: 'Choose a read model to rebuild.' });
    setBusy(true);
    setOutcome(null);
    try {
      const replay = await api.startReplay(projection);
      navigate(`/replays/${encodeURIComponent(replay.id)}`);
    } catch (failure) {
      setOutcome({ ok: false, text: describe(failure), code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Replays</h1>
      {replayId ? <ReplayProgress key={replayId} replayId={replayId} pollMillis={pollMillis} onFinished={replays.reload} />
        : null}
      <form className="panel inline-form" onSubmit={(event) => void start(event)} noValidate aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>Start a replay</h2>
        <p>The read model is rebuilt from position zero into a shadow copy while the live one keeps serving.</p>
        {projections.state === 'error' ? <ErrorNotice error={projections.error} onRetry={projections.reload}
          what="the read models" /> : (
          <p className="field">
            <label htmlFor={`${id}-projection`}>Read model</label>
            <select id={`${id}-projection`} value={projection} onChange={(event) => setProjection(event.target.value)}
              disabled={!projections.data}>
              <option value="">{projections.data ? 'Choose a read model' : 'Loading read models…'}</option>
              {(projections.data ?? []).map((p) => (
                <option key={p.name} value={p.name} disabled={!p.replayable}>
                  {p.name}{p.replayable ? '' : ` (not replayable: ${p.reason ?? 'no reason given'})`}
                </option>
              ))}
            </select>
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !projections.data}>
          {busy ? 'Starting…' : 'Start replay'}</button>
        <Outcome outcome={outcome} />
      </form>
      <section className="panel" aria-labelledby={`${id}-recent`}>
        <h2 id={`${id}-recent`}>Recent replays</h2>
        {replays.state === 'error' ? <ErrorNotice error={replays.error} onRetry={replays.reload} what="the replays" />
          : !replays.data ? <Loading what="the replays" />
          : replays.data.length === 0 ? <Empty><p>No replay has run yet.</p></Empty>
          : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">The latest 50 replays, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Read model</th><th scope="col">Status</th><th scope="col">Started</th>
                    <th scope="col">Finished</th><th scope="col">Events applied</th>
                  </tr>
                </thead>
                <tbody>
                  {replays.data.map((replay) => (
                    <tr key={replay.id}>
                      <th scope="row">
                        <Link to={`/replays/${encodeURIComponent(replay.id)}`}
                          aria-current={replay.id === replayId ? 'page' : undefined}>{replay.projection}</Link>
                      </th>
                      <td><span className={`pill pill-${replay.status}`}>{replay.status.replace('_', ' ')}</span>
                        {replay.stale ? ' (stale)' : ''}</td>
                      <td>{formatInstant(replay.started_at)}</td>
                      <td>{formatInstant(replay.finished_at)}</td>
                      <td className="num">{replay.events_applied.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      </section>
    </section>
  );
}
