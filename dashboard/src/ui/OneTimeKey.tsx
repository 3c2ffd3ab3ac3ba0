import { useId, useState } from 'react';

/**
 * A secret shown this once (an API key): Watchword keeps only its hash, so the page says so and offers a copy
 * button. Nothing keeps it after the panel is dismissed.
 */
export function OneTimeKey({ apiKey, keyId, onDismiss, note }: {
  apiKey: string; keyId: string; onDismiss: () => void; note?: string | undefined;
}) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="one-time-key" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>New API key {keyId}</h3>
      <p className="warning"><strong>Copy it now: it will not be shown again.</strong> Watchword keeps only its hash.</p>
      {note ? <p>{note}</p> : null}
      <p className="field">
        <label htmlFor={`${id}-key`}>API key</label>
        <input id={`${id}-key`} className="mono" readOnly value={apiKey} onFocus={(event) => event.target.select()} />
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void copy()}>Copy API key</button>
        <button type="button" onClick={onDismiss}>I have stored it</button>
      </div>
      <p role="status" className="outcome">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed'
          ? 'The browser refused the clipboard: select the key and copy it by hand.' : ''}
      </p>
    </section>
  );
}
