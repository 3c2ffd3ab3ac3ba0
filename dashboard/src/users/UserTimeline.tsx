import { useId, useState } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import { useLoad } from '../api/useLoad.js';
import type { AuditEntry } from '../api/types.js';
import { AuditEntryList } from '../audit/AuditEntryList.js';
import { Empty, ErrorNotice, Loading } from '../ui/States.js';

const LIMIT = 100;

/** Everything the log holds about the user, oldest first (the audit trail filtered by the user's id). */
export function UserTimeline({ userId }: { userId: string }) {
  const api = useAdminApi();
  const id = useId();
  const [pages, setPages] = useState<Array<number | undefined>>([undefined]);
  const after = pages[pages.length - 1];
  const [earlier, setEarlier] = useState<AuditEntry[]>([]);
  const page = useLoad(() => api.findAuditEntries({ aggregate: userId }, after, LIMIT), [api, userId, after]);
  const entries = [...earlier, ...(page.state === 'ready' ? page.data.items : [])];
  const more = page.state === 'ready' && page.data.items.length === LIMIT && page.data.next_after !== null;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Activity</h2>
      {page.state === 'error' ? <ErrorNotice error={page.error} onRetry={page.reload} what="the activity" />
        : page.state === 'loading' && entries.length === 0 ? <Loading what="the activity" />
        : entries.length === 0 ? <Empty><p>The audit log holds nothing about this user.</p></Empty>
        : <AuditEntryList entries={entries} label="Activity of the user, oldest first" />}
      {page.state === 'loading' && entries.length > 0 ? <Loading what="later entries" /> : null}
      {more ? (
        <button type="button" onClick={() => {
          setEarlier(entries);
          if (page.state === 'ready' && page.data.next_after !== null) setPages([...pages, page.data.next_after]);
        }}>Load later entries</button>
      ) : null}
    </section>
  );
}
