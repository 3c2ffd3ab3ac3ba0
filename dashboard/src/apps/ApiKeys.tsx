import { useId, useState } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import type { ApiKey, IssuedKey } from '../api/types.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { OneTimeKey } from '../ui/OneTimeKey.js';
import { Empty, Outcome } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';

const STATUS: Record<ApiKey['status'], string> = {
  active: 'Active', retiring: 'Retiring (still works until its end)', expired: 'Expired', revoked: 'Revoked',
};

/** An app's API keys by prefix: issue, rotate (the old key works for a grace period), revoke (at once). */
export function ApiKeys({ appId, keys, onChanged }: { appId: string; keys: ApiKey[]; onChanged: () => void }) {
  const api = useAdminApi();
  const id = useId();
  const [shown, setShown] = useState<(IssuedKey & { note?: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string | undefined } | null>(null);

  const run = async (task: () => Promise<IssuedKey>, note: (key: IssuedKey) => string | undefined) => {
    setBusy(true);
    setOutcome(null);
    try {
      const key = await task();
      const text = note(key);
      setShown({ ...key, ...(text ? { note: text } : {}) });
      onChanged();
    } catch (failure) {
      setOutcome({ ok: false, text: describe(failure), code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>API keys</h2>
      <p>An app's backend calls Watchword with a key: it introspects its tokens and may use the admin API for its
        own app.</p>
      {shown ? <OneTimeKey apiKey={shown.api_key} keyId={shown.key_id} note={shown.note}
        onDismiss={() => setShown(null)} /> : null}
      <button type="button" disabled={busy} onClick={() => void run(() => api.issueKey(appId), () => undefined)}>
        Issue a new key
      </button>
      <Outcome outcome={outcome} />
      {keys.length === 0 ? (
        <Empty><p>This app has no API keys. Issue one for its backend.</p></Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">API keys</caption>
            <thead>
              <tr>
                <th scope="col">Key</th><th scope="col">Status</th><th scope="col">Issued</th>
                <th scope="col">Valid until</th><th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row"><code>{key.prefix}</code></th>
                  <td><span className={`pill pill-${key.status}`}>{STATUS[key.status] ?? key.status}</span></td>
                  <td>{formatInstant(key.issued_at)}</td>
                  <td>{key.status === 'revoked' ? `Revoked ${formatInstant(key.revoked_at)}`
                    : formatInstant(key.valid_until)}</td>
                  <td className="row-actions">
                    {key.status === 'active' ? (
                      <>
                        <button type="button" disabled={busy} aria-label={`Rotate key ${key.prefix}`}
                          onClick={() => void run(() => api.rotateKey(appId, key.id), (issued) =>
                            issued.previous_valid_until
                              ? `The old key ${key.prefix} keeps working until ${formatInstant(issued.previous_valid_until)}.`
                              : undefined)}>
                          Rotate
                        </button>
                        <button type="button" className="danger" disabled={busy}
                          aria-label={`Revoke key ${key.prefix}`} onClick={() => setRevoking(key)}>Revoke</button>
                      </>
                    ) : key.status === 'retiring' ? (
                      <button type="button" className="danger" disabled={busy}
                        aria-label={`Revoke key ${key.prefix}`} onClick={() => setRevoking(key)}>Revoke</button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking ? (
        <ConfirmDialog title={`Revoke key ${revoking.prefix}?`} confirmLabel="Revoke key"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await api.revokeKey(appId, revoking.id);
            setOutcome({ ok: true, text: `Key ${revoking.prefix} is revoked.` });
            onChanged();
          }}>
          <p>The key stops working at once. Every backend still using it is refused until it has a new key.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
