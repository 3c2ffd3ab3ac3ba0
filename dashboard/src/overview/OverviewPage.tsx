import { useId, useMemo, useState, type FormEvent } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import { useLoad } from '../api/useLoad.js';
import { useAppScope } from '../shell/AppScope.js';
import { Empty, ErrorNotice, Loading } from '../ui/States.js';
import { formatNumber, isoDay } from '../ui/format.js';
import { ActivityChart, type ChartSeries } from './ActivityChart.js';
import type { DailyActivity } from '../api/types.js';

const DAY = 86_400_000;
const MAX_DAYS = 366;

/** Per-day activity of the app in scope (or of every app): registrations, logins, failures, lockouts, actives. */
export function OverviewPage() {
  const api = useAdminApi();
  const { appId, nameOf } = useAppScope();
  const id = useId();
  const today = isoDay(new Date());
  const [range, setRange] = useState({ from: isoDay(new Date(Date.now() - 29 * DAY)), to: today });
  const [draft, setDraft] = useState(range);
  const [rangeError, setRangeError] = useState<string | null>(null);

  const activity = useLoad(() => api.findDailyActivity(range.from, range.to, appId), [api, range, appId]);
  const month = range.to.slice(0, 7);
  const monthly = useLoad(() => api.countMonthlyActiveUsers(month, appId), [api, month, appId]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.from || !draft.to) return setRangeError('Choose both days.');
    const span = (Date.parse(draft.to) - Date.parse(draft.from)) / DAY;
    if (span < 0) return setRangeError('The first day must not be after the last.');
    if (span >= MAX_DAYS) return setRangeError(`A range may span at most ${MAX_DAYS} days.`);
    setRangeError(null);
    setRange(draft);
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Overview</h1>
      <p className="lede">Activity of <strong>{nameOf(appId)}</strong> per UTC day.</p>
      <form className="filters" onSubmit={apply} noValidate aria-label="Date range">
        <p className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={draft.from} max={today}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={draft.to} max={today}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </p>
        <button type="submit">Show</button>
        {rangeError ? <p role="alert" className="field-error">{rangeError}</p> : null}
      </form>
      {activity.state === 'error' ? <ErrorNotice error={activity.error} onRetry={activity.reload} what="activity" />
        : activity.state === 'loading' && !activity.data ? <Loading what="activity" />
        : activity.data ? <Figures items={activity.data.items} monthlyActive={monthly.data?.active_users}
          month={month} /> : null}
    </section>
  );
}

function Figures({ items, monthlyActive, month }: { items: DailyActivity[]; monthlyActive: number | undefined;
  month: string }) {
  const days = useMemo(() => items.map((item) => item.day), [items]);
  const sum = (pick: (item: DailyActivity) => number) => items.reduce((total, item) => total + pick(item), 0);
  const people = useMemo<ChartSeries[]>(() => [
    { label: 'Registrations', values: items.map((i) => i.registrations), color: '#0b57d0' },
    { label: 'Active users', values: items.map((i) => i.active_users), color: '#1e8e3e' },
  ], [items]);
  const logins = useMemo<ChartSeries[]>(() => [
    { label: 'Logins', values: items.map((i) => i.logins), color: '#0b57d0' },
    { label: 'Failed logins', values: items.map((i) => i.failed_logins), color: '#e37400' },
    { label: 'Lockouts', values: items.map((i) => i.lockouts), color: '#b3261e' },
  ], [items]);
  const quiet = items.every((i) => !i.registrations && !i.logins && !i.failed_logins && !i.lockouts && !i.active_users);
  return (
    <>
      <dl className="stats">
        <div><dt>Registrations</dt><dd>{formatNumber(sum((i) => i.registrations))}</dd></div>
        <div><dt>Logins</dt><dd>{formatNumber(sum((i) => i.logins))}</dd></div>
        <div><dt>Failed logins</dt><dd>{formatNumber(sum((i) => i.failed_logins))}</dd></div>
        <div><dt>Lockouts</dt><dd>{formatNumber(sum((i) => i.lockouts))}</dd></div>
        <div><dt>Active users in {month}</dt><dd>{monthlyActive === undefined ? '—' : formatNumber(monthlyActive)}</dd></div>
      </dl>
      {items.length === 0 || quiet ? (
        <Empty><p>No activity in this range: nobody registered, signed in or failed to.</p></Empty>
      ) : (
        <div className="charts">
          <ActivityChart title="Registrations and active users" days={days} series={people} />
          <ActivityChart title="Logins, failed logins and lockouts" days={days} series={logins} />
        </div>
      )}
    </>
  );
}
