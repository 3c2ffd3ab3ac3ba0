import type { ReactNode } from 'react';
import { codeOf, describe } from '../api/problems.js';

/** A list or panel being loaded, announced politely. */
export function Loading({ what }: { what: string }) {
  return <p className="state state-loading" role="status">Loading {what}…</p>;
}

/** What went wrong, in words, with the problem code and a way to try again. */
export function ErrorNotice({ error, onRetry, what }: { error: unknown; onRetry?: () => void; what?: string }) {
  const code = codeOf(error);
  return (
    <div className="state state-error" role="alert">
      <p>
        {what ? <strong>Could not load {what}. </strong> : null}
        {describe(error)}
        {code ? <> <code className="problem-code">{code}</code></> : null}
      </p>
      {onRetry ? <button type="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}

/** An empty list: says so, and what would fill it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty" role="status">{children}</div>;
}

/** A one-line result of an action, announced: success politely, failure assertively. */
export function Outcome({ outcome }: { outcome: { ok: boolean; text: string; code?: string | undefined } | null }) {
  if (!outcome) return <p className="outcome" role="status" aria-live="polite" />;
  return outcome.ok
    ? <p className="outcome outcome-ok" role="status">{outcome.text}</p>
    : (
      <p className="outcome outcome-error" role="alert">
        {outcome.text}{outcome.code ? <> <code className="problem-code">{outcome.code}</code></> : null}
      </p>
    );
}
