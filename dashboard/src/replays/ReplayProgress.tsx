import { useEffect, useId, useRef, useState } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import type { Replay } from '../api/types.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { ErrorNotice, Loading, Outcome } from '../ui/States.js';
import { formatInstant, formatNumber, formatSeconds } from '../ui/format.js';

const FINISHED = new Set(['switched', 'abandoned', 'failed']);
const STATUS: Record<string, string> = {
  building: 'Building: reading the log', caught_up: 'Caught up: following the log, ready to switch',
  switched: 'Switched: the rebuilt read model is live', abandoned: 'Abandoned: the shadow was dropped',
  failed: 'Failed: the shadow was dropped',
};

/**
 * One replay, polled every `pollMillis` while it runs: a progress bar of the log applied, its speed, lag and
 * estimated time left; then switch it in, or abandon it (asked again).
 */
export function ReplayProgress({ replayId, pollMillis, onFinished }: {
  replayId: string; pollMillis: number; onFinished: () => void;
}) {
  const api = useAdminApi();
  const id = useId();
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [abandoning, setAbandoning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string | undefined } | null>(null);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.getReplay(replayId);
        if (!live) return;
        setReplay(next);
        setError(null);
        if (FINISHED.has(next.status)) finishedRef.current();
        else timer = setTimeout(() => void poll(), pollMillis);
      } catch (failure) {
        if (!live) return;
        setError(failure);
        // A passing failure (the service restarting) should not stop the watch: keep asking, more slowly.
        timer = setTimeout(() => void poll(), pollMillis * 5);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, replayId, pollMillis, generation]);

  const switchOver = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api.switchReplay(replayId);
      setReplay(result);
      setOutcome({ ok: true, text: result.status === 'switched' ? 'Switched: the rebuilt read model is live.'
        : 'The switch-over is under way.' });
      setGeneration((n) => n + 1);
    } catch (failure) {
      setOutcome({ ok: false, text: describe(failure), code: codeOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  if (!replay) {
    return (
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Replay</h2>
        {error ? <ErrorNotice error={error} what="the replay" /> : <Loading what="the replay" />}
      </section>
    );
  }
  const running = !FINISHED.has(replay.status);
  const max = Math.max(replay.head_position, replay.position, 1);
  const percent = Math.min(100, Math.floor((replay.position / max) * 100));
  return (
    <section className="panel replay" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Replay of {replay.projection}</h2>
      <p className={`pill pill-${replay.status}`}>{STATUS[replay.status] ?? replay.status}</p>
      <div className="field">
        <label htmlFor={`${id}-bar`}>Log applied</label>
        <progress id={`${id}-bar`} max={max} value={replay.position}
          aria-valuetext={`${percent}%: position ${replay.position} of ${replay.head_position}`}>{percent}%</progress>
        <span className="hint">{percent}% · position {formatNumber(replay.position)} of {formatNumber(replay.head_position)}</span>
      </div>
      <dl className="facts">
        <div><dt>Events per second</dt><dd>{formatNumber(replay.events_per_second)}</dd></div>
        <div><dt>Lag</dt><dd>{formatNumber(replay.lag)} events</dd></div>
        <div><dt>Time left</dt><dd>{replay.status === 'building' ? formatSeconds(replay.eta_seconds) : '—'}</dd></div>
        <div><dt>Events applied</dt><dd>{formatNumber(replay.events_applied)}</dd></div>
        <div><dt>Started</dt><dd>{formatInstant(replay.started_at)} by <code>{replay.started_by}</code></dd></div>
        {replay.caught_up_at ? <div><dt>Caught up</dt><dd>{formatInstant(replay.caught_up_at)}</dd></div> : null}
        {replay.finished_at ? <div><dt>Finished</dt><dd>{formatInstant(replay.finished_at)}</dd></div> : null}
        {replay.pause_millis !== null ? <div><dt>Live stream paused</dt><dd>{replay.pause_millis} ms</dd></div> : null}
      </dl>
      {replay.stale ? (
        <p role="alert" className="outcome outcome-error">The instance running this replay stopped reporting. Abandon it
          and start again.</p>
      ) : null}
      {replay.error ? <p role="alert" className="outcome outcome-error">{replay.error}</p> : null}
      {error ? <ErrorNotice error={error} what="the latest progress" /> : null}
      {running ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy || replay.status !== 'caught_up' || replay.stale}
            onClick={() => void switchOver()} aria-describedby={`${id}-switch-hint`}>Switch</button>
          <button type="button" className="danger" disabled={busy} onClick={() => setAbandoning(true)}>Abandon</button>
          <span className="hint" id={`${id}-switch-hint`}>
            {replay.status === 'caught_up' ? 'Switching moves the rebuilt tables in, pausing the live stream briefly.'
              : 'Switch becomes available once the replay has caught up.'}
          </span>
        </div>
      ) : null}
      <Outcome outcome={outcome} />
      {abandoning ? (
        <ConfirmDialog title={`Abandon the replay of ${replay.projection}?`} confirmLabel="Abandon replay"
          onClose={() => setAbandoning(false)}
          onConfirm={async () => {
            const result = await api.abandonReplay(replayId);
            setReplay(result);
            setOutcome({ ok: true, text: 'The replay is abandoned; the live read model is untouched.' });
            setGeneration((n) => n + 1);
          }}>
          <p>The shadow copy is dropped and its progress lost. The live read model stays as it is.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
