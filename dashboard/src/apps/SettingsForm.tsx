import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useAdminApi } from '../api/ApiContext.js';
import { codeOf, describe } from '../api/problems.js';
import type { AppSettings, LoginMethodName } from '../api/types.js';
import { settingErrorsOf, type FieldError, type SettingField } from './settingErrors.js';

const METHODS: Array<{ value: LoginMethodName; label: string }> = [
  { value: 'password', label: 'Password' },
  { value: 'magic_link', label: 'Emailed sign-in link' },
  { value: 'email_otp', label: 'Emailed one-time code' },
];

interface Draft {
  login_methods: LoginMethodName[];
  require_verified_email: boolean;
  access_token_minutes: string;
  refresh_token_days: string;
  password_min_length: string;
  cors_origins: string;
  link_base_url: string;
  sender_name: string;
}

function draftOf(settings: AppSettings): Draft {
  return {
    ...settings,
    access_token_minutes: String(settings.access_token_minutes),
    refresh_token_days: String(settings.refresh_token_days),
    password_min_length: String(settings.password_min_length),
    cors_origins: settings.cors_origins.join('\n'),
  };
}

function settingsOf(draft: Draft): AppSettings {
  return {
    ...draft,
    access_token_minutes: Number(draft.access_token_minutes),
    refresh_token_days: Number(draft.refresh_token_days),
    password_min_length: Number(draft.password_min_length),
    cors_origins: draft.cors_origins.split(/[\s,]+/).map((origin) => origin.trim()).filter(Boolean),
  };
}

/**
 * Every setting of an app. A PUT replaces them all; the server checks every rule and its code is shown at the
 * field it concerns (focus moves there), with the rule in words.
 */
export function SettingsForm({ appId, settings, onSaved }: {
  appId: string; settings: AppSettings; onSaved: (settings: AppSettings) => void;
}) {
  const api = useAdminApi();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<SettingField, FieldError>>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }, [errors]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setOutcome(null);
    try {
      const saved = await api.changeSettings(appId, settingsOf(draft));
      setDraft(draftOf(saved));
      setOutcome({ ok: true, text: 'Settings saved.' });
      onSaved(saved);
    } catch (failure) {
      const byField = settingErrorsOf(failure);
      setErrors(byField);
      setOutcome({
        ok: false,
        text: Object.keys(byField).length ? 'The settings were not saved: see the marked field.'
          : `The settings were not saved. ${describe(failure)}`,
        code: Object.keys(byField).length ? undefined : codeOf(failure),
      });
    } finally {
      setBusy(false);
    }
  };

  const fieldId = (field: SettingField) => `${id}-${field}`;
  /** `aria-invalid` and `aria-describedby` (the error, then the hint) of a field. */
  const invalid = (field: SettingField, hint = false) => {
    const ids = [errors[field] ? `${fieldId(field)}-error` : null, hint ? `${fieldId(field)}-hint` : null]
      .filter(Boolean).join(' ');
    return { ...(errors[field] ? { 'aria-invalid': true as const } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
  };
  const errorAt = (field: SettingField): ReactNode => {
    const error = errors[field];
    return error ? (
      <p id={`${fieldId(field)}-error`} className="field-error">
        {error.text} <code className="problem-code">{error.code}</code>
      </p>
    ) : null;
  };

  return (
    <form ref={form} className="settings" onSubmit={(event) => void submit(event)} noValidate
      aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>Settings</h2>
      <fieldset aria-describedby={errors.login_methods ? `${fieldId('login_methods')}-error` : undefined}>
        <legend>Login methods</legend>
        {METHODS.map((method, index) => (
          <p className="check" key={method.value}>
            <input type="checkbox" id={`${fieldId('login_methods')}-${method.value}`}
              data-field={index === 0 ? 'login_methods' : undefined}
              checked={draft.login_methods.includes(method.value)}
              onChange={(event) => set('login_methods', event.target.checked
                ? [...draft.login_methods, method.value]
                : draft.login_methods.filter((m) => m !== method.value))} />
            <label htmlFor={`${fieldId('login_methods')}-${method.value}`}>{method.label}</label>
          </p>
        ))}
        {errorAt('login_methods')}
      </fieldset>
      <p className="check">
        <input type="checkbox" id={fieldId('require_verified_email')} data-field="require_verified_email"
          checked={draft.require_verified_email} {...invalid('require_verified_email')}
          onChange={(event) => set('require_verified_email', event.target.checked)} />
        <label htmlFor={fieldId('require_verified_email')}>Require a verified email to sign in with a password</label>
      </p>
      {errorAt('require_verified_email')}
      <div className="grid">
        <NumberField id={fieldId('access_token_minutes')} field="access_token_minutes"
          label="Access token lifetime (minutes)" hint="1 to 60" min={1} max={60} value={draft.access_token_minutes}
          onChange={(value) => set('access_token_minutes', value)} invalid={invalid('access_token_minutes', true)}
          error={errorAt('access_token_minutes')} />
        <NumberField id={fieldId('refresh_token_days')} field="refresh_token_days"
          label="Refresh token lifetime (days)" hint="1 to 90" min={1} max={90} value={draft.refresh_token_days}
          onChange={(value) => set('refresh_token_days', value)} invalid={invalid('refresh_token_days', true)}
          error={errorAt('refresh_token_days')} />
        <NumberField id={fieldId('password_min_length')} field="password_min_length"
          label="Minimum password length" hint="8 to 64" min={8} max={64} value={draft.password_min_length}
          onChange={(value) => set('password_min_length', value)} invalid={invalid('password_min_length', true)}
          error={errorAt('password_min_length')} />
      </div>
      <div className="field">
        <label htmlFor={fieldId('cors_origins')}>CORS origins</label>
        <p className="hint" id={`${fieldId('cors_origins')}-hint`}>One origin a line, like https://shop.example.com; browsers on
          other origins cannot call Watchword for this app.</p>
        <textarea id={fieldId('cors_origins')} data-field="cors_origins" rows={4} value={draft.cors_origins}
          spellCheck={false} className="mono" onChange={(event) => set('cors_origins', event.target.value)}
          {...invalid('cors_origins', true)} />
        {errorAt('cors_origins')}
      </div>
      <div className="field">
        <label htmlFor={fieldId('link_base_url')}>Link base URL</label>
        <p className="hint" id={`${fieldId('link_base_url')}-hint`}>Every emailed link starts here: exactly
          https://host[:port]. Changing it needs a recent sign-in.</p>
        <input id={fieldId('link_base_url')} data-field="link_base_url" type="url" className="mono"
          value={draft.link_base_url} onChange={(event) => set('link_base_url', event.target.value)}
          {...invalid('link_base_url', true)} />
        {errorAt('link_base_url')}
      </div>
      <div className="field">
        <label htmlFor={fieldId('sender_name')}>Sender name</label>
        <input id={fieldId('sender_name')} data-field="sender_name" value={draft.sender_name}
          onChange={(event) => set('sender_name', event.target.value)} {...invalid('sender_name')} />
        {errorAt('sender_name')}
      </div>
      {outcome ? (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'outcome outcome-ok' : 'outcome outcome-error'}>
          {outcome.text}{outcome.code ? <> <code className="problem-code">{outcome.code}</code></> : null}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save settings'}</button>
    </form>
  );
}

function NumberField(props: {
  id: string; field: SettingField; label: string; hint: string; min: number; max: number; value: string;
  onChange: (value: string) => void; invalid: object; error: ReactNode;
}) {
  const { id, field, label, hint, min, max, value, onChange, invalid, error } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} data-field={field} type="number" inputMode="numeric" min={min} max={max} value={value}
        onChange={(event) => onChange(event.target.value)} {...invalid} />
      <span className="hint" id={`${id}-hint`}>{hint}</span>
      {error}
    </div>
  );
}
