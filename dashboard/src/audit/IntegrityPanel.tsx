import { useId, useState } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import type { ChainVerification } from '../api/types.js';
import { ErrorNotice, Loading } from '../ui/States.js';
import { formatNumber } from '../ui/format.js';

/** Recomputes the hash chain over the whole event store and says whether it is intact, and where not. */
export function IntegrityPanel() {
  const api = useAdminApi();
  const id = useId();
  const [state, setState] = useState<{ loading: boolean; result: ChainVerification | null; error: unknown }>(
    { loading: false, result: null, error: null });
  const verify = async () => {
    setState({ loading: true, result: null, error: null });
    try {
      setState({ loading: false, result: await api.verifyIntegrity(), error: null });
    } catch (error) {
      setState({ loading: false, result: null, error });
    }
  };
  const result = state.result;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Integrity</h2>
      <p>Every stored event is chained by SHA-256 hashes. Verification recomputes the chain over the whole log (every
        app) and reports the first break.</p>
      <button type="button" onClick={() => void verify()} disabled={state.loading}>Verify the chain</button>
      {state.loading ? <Loading what="the verification (it reads the whole log)" /> : null}
      {state.error ? <ErrorNotice error={state.error} /> : null}
      {result ? (
        <div role={result.intact ? 'status' : 'alert'} className={result.intact ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
          <p><strong>{result.intact ? 'The log is intact.' : 'The log is broken.'}</strong></p>
          <dl className="facts">
            <div><dt>Events verified</dt><dd>{formatNumber(result.verified)}</dd></div>
            <div><dt>Not chained yet</dt><dd>{formatNumber(result.unchained)}</dd></div>
            {result.intact ? null : (
              <>
                <div><dt>First broken position</dt><dd>{result.first_broken_position ?? '—'}</dd></div>
                <div><dt>Event id</dt><dd><code>{result.first_broken_event_id ?? '—'}</code></dd></div>
              </>
            )}
            {result.reason ? <div><dt>Reason</dt><dd>{result.reason}</dd></div> : null}
          </dl>
        </div>
      ) : null}
    </section>
  );
}
