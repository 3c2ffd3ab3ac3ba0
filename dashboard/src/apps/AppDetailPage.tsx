import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useAccess, useAdminApi } from '../api/ApiContext.js';
import { useLoad } from '../api/useLoad.js';
import type { AppSettings, ClientAppDetail } from '../api/types.js';
import { ErrorNotice, Loading } from '../ui/States.js';
import { formatInstant } from '../ui/format.js';
import { ApiKeys } from './ApiKeys.js';
import { SettingsForm } from './SettingsForm.js';

/** One app: what identifies it, its API keys and every setting. */
export function AppDetailPage() {
  const { appId = '' } = useParams();
  const api = useAdminApi();
  const access = useAccess();
  const id = useId();
  const app = useLoad(() => api.getApp(appId), [api, appId]);

  if (app.state === 'error' && !app.data) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <p className="crumbs"><Link to="/apps">Apps</Link></p>
        <h1 id={`${id}-title`}>App</h1>
        <ErrorNotice error={app.error} onRetry={app.reload} what="the app" />
      </section>
    );
  }
  if (!app.data) return <Loading what="the app" />;
  const detail = app.data;
  return (
    <section aria-labelledby={`${id}-title`}>
      <p className="crumbs"><Link to="/apps">Apps</Link></p>
      <h1 id={`${id}-title`}>{detail.name}</h1>
      <dl className="facts">
        <div><dt>Client id</dt><dd><code>{detail.client_id}</code></dd></div>
        <div><dt>App id</dt><dd><code>{detail.id}</code></dd></div>
        <div><dt>Registered</dt><dd>{formatInstant(detail.registered_at)}</dd></div>
        <div><dt>Settings changed</dt><dd>{formatInstant(detail.settings_changed_at)}</dd></div>
      </dl>
      {access.can('keys:write') ? <ApiKeys appId={detail.id} keys={detail.api_keys} onChanged={app.reload} /> : null}
      {access.can('settings:write') ? (
        <section className="panel">
          {detail.settings ? null : (
            <p role="status">No settings were recorded for this app yet; the form shows a new app's defaults.</p>
          )}
          <SettingsForm key={detail.id} appId={detail.id}
            settings={detail.settings ?? defaultsOf(detail)} onSaved={() => app.reload()} />
        </section>
      ) : null}
    </section>
  );
}

/** A new app's settings (command-service `AppSettingsPolicy.defaults`): every method, 5 min, 1 day, 8. */
function defaultsOf(app: ClientAppDetail): AppSettings {
  return {
    login_methods: ['password', 'magic_link', 'email_otp'], require_verified_email: false, access_token_minutes: 5,
    refresh_token_days: 1, password_min_length: 8, cors_origins: [], link_base_url: window.location.origin,
    sender_name: app.name,
  };
}
