const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant for people, in their time zone; a dash for none. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

/** A duration in seconds as "1 h 2 min", "3 min 4 s" or "5 s". */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${s} s`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString();
}

/** `YYYY-MM-DD` of a date, in UTC (the activity figures are per UTC day). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO instant of a `datetime-local` input's value (the browser's zone), or `undefined` when empty. */
export function instantOfLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
