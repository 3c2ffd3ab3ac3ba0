import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { codeOf, describe } from '../api/problems.js';

export interface ConfirmDialogProps {
  /** The question, e.g. "Revoke this API key?". */
  title: string;
  /** What will happen, in words. */
  children?: ReactNode;
  /** The label of the confirming button, e.g. "Revoke key". */
  confirmLabel: string;
  /** When set, the confirming button stays disabled until this exact text is typed (erasure). */
  typeToConfirm?: string;
  /** Called on confirmation; the dialog stays open with the error shown if it rejects. */
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
  /** A destructive action gets a red button. The default is `true`. */
  destructive?: boolean;
}

/**
 * Asks again before a destructive action, in a modal `<dialog>`: focus moves into it (the safe choice first),
 * Escape cancels, focus returns to what opened it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, typeToConfirm, onConfirm, onClose, destructive = true } = props;
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    first.current?.focus();
    return () => { opener?.focus?.(); };
  }, []);

  const matches = typeToConfirm === undefined || typed.trim() === typeToConfirm;
  const confirm = async () => {
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}
      onCancel={(event) => { event.preventDefault(); if (!busy) onClose(); }}
      onKeyDown={(event) => { if (event.key === 'Escape' && !busy) { event.preventDefault(); onClose(); } }}>
      <form method="dialog" onSubmit={(event) => { event.preventDefault(); void confirm(); }}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>{children}</div>
        {typeToConfirm !== undefined ? (
          <p className="field">
            <label htmlFor={`${id}-typed`}>Type <strong className="typed-word">{typeToConfirm}</strong> to confirm</label>
            <input id={`${id}-typed`} ref={first} value={typed} autoComplete="off" spellCheck={false}
              onChange={(event) => setTyped(event.target.value)} />
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="outcome outcome-error">
            {describe(error)}{codeOf(error) ? <> <code className="problem-code">{codeOf(error)}</code></> : null}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" ref={typeToConfirm === undefined ? first : undefined} onClick={onClose}
            disabled={busy}>Cancel</button>
          <button type="submit" className={destructive ? 'danger' : 'primary'} disabled={!matches || busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
