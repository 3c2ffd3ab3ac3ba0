import { useId, useState, type FormEvent } from 'react';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import { useLoad } from '../api/useLoad.js';
import type { AuditEntry, AuditFilter } from '../api/types.js';
import { useAppScope } from '../shell/AppScope.js';
import { Empty, ErrorNotice, Loading, Outcome } from '../ui/States.js';
import { instantOfLocal } from '../ui/format.js';
import { AuditEntryList } from './AuditEntryList.js';
import { IntegrityPanel } from './IntegrityPanel.js';
import { RoleHistoryPanel } from './RoleHistoryPanel.js';
import { UserAsOfPanel } from './UserAsOfPanel.js';

const LIMIT = 100;
const EMPTY = { type: '', actor: '', aggregate: '', from: '', to: '' };

/** The audit trail in log order, with filters and an export; point-in-time answers; the chain's verification. */
export function AuditPage() {
  const access = useAccess();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Audit</h1>
      <AuditLog />
      <div className="columns">
        <UserAsOfPanel />
        <RoleHistoryPanel />
      </div>
      {access.can('apps:write') ? <IntegrityPanel /> : null}
    </section>
  );
}

function AuditLog() {
  const api = useAdminApi();
  const { appId, nameOf } = useAppScope();
  const id = useId();
  const [draft, setDraft] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const [after, setAfter] = useState<number | undefined>(undefined);
  const [earlier, setEarlier] = useState<AuditEntry[]>([]);
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string | undefined } | null>(null);

  const filter: AuditFilter = {
    type: applied.type.replace(/\s+/g, ''), actor: applied.actor.trim(), aggregate: applied.aggregate.trim(),
    ...(applied.from ? { from: instantOfLocal(applied.from) } : {}),
    ...(applied.to ? { to: instantOfLocal(applied.to) } : {}),
    ...(appId ? { app: appId } : {}),
  };
  const page = useLoad(() => api.findAuditEntries(filter, after, LIMIT), [api, applied, appId, after]);
  const entries = [...earlier, ...(page.state === 'ready' ? page.data.items : [])];
  const more = page.state === 'ready' && page.data.items.length === LIMIT && page.data.next_after !== null;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setEarlier([]);
    setAfter(undefined);
    setApplied(draft);
  };

  const download = async () => {
    setExporting(true);
    setOutcome(null);
    try {
      const blob = await api.exportAudit(filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'watchword-audit.jsonl';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setOutcome({ ok: true, text: 'The export is downloaded (watchword-audit.jsonl, one entry a line).' });
    } catch (failure) {
      setOutcome({ ok: false, text: describe(failure), code: codeOf(failure) });
    } finally {
      setExporting(false);
    }
  };

  const input = (name: keyof typeof EMPTY, label: string, props: Record<string, unknown> = {}) => (
    <p className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        {...props} />
    </p>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Log of {nameOf(appId)}</h2>
      <form className="filters" onSubmit={apply} noValidate aria-label="Audit filters">
        {input('type', 'Event types', { placeholder: 'RoleAssigned,RoleRevoked', spellCheck: false })}
        {input('actor', 'Actor id', { spellCheck: false })}
        {input('aggregate', 'User or app id', { spellCheck: false })}
        {input('from', 'From', { type: 'datetime-local' })}
        {input('to', 'Before', { type: 'datetime-local' })}
        <button type="submit">Filter</button>
        <button type="button" onClick={() => void download()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export as JSON Lines'}</button>
      </form>
      <Outcome outcome={outcome} />
      {page.state === 'error' ? <ErrorNotice error={page.error} onRetry={page.reload} what="the audit log" />
        : page.state === 'loading' && entries.length === 0 ? <Loading what="the audit log" />
        : entries.length === 0 ? <Empty><p>No entry matches these filters.</p></Empty>
        : <AuditEntryList entries={entries} label="Audit entries, oldest first" />}
      {page.state === 'loading' && entries.length > 0 ? <Loading what="more entries" /> : null}
      {more ? (
        <button type="button" onClick={() => {
          if (page.state !== 'ready' || page.data.next_after === null) return;
          setEarlier(entries);
          setAfter(page.data.next_after);
        }}>Load later entries</button>
      ) : null}
    </section>
  );
}
