import type { AuditEntry } from '../api/types.js';
import { formatInstant } from '../ui/format.js';

/** Audit entries in log order, each with its JSON behind a disclosure. */
export function AuditEntryList({ entries, label }: { entries: AuditEntry[]; label: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.position}>
          <p className="timeline-head">
            <strong>{entry.type}</strong>
            <span> · {formatInstant(entry.occurred_at)}</span>
            <span> · by <code>{entry.actor ?? 'system'}</code></span>
            {entry.ip_address ? <span> · from {entry.ip_address}</span> : null}
            <span className="hint"> · position {entry.position}</span>
          </p>
          <details>
            <summary>JSON of entry {entry.position}</summary>
            <pre className="json" tabIndex={0}>{JSON.stringify(entry, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
