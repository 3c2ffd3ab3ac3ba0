-- Issue 4: client apps (tenants), the admin's view of them. Events of one app share its Kafka key (the app id),
-- so they arrive in order, ClientAppRegistered first.

-- Read model ClientAppRow: one registered app (GET /api/admin/apps) with its current settings.
create table client_app_row (
    app_id        text        primary key,
    name          text        not null,
    -- the public identifier the SDK sends; not a secret
    client_id     text        not null,
    registered_by text        not null,
    registered_at timestamptz not null,
    -- AppSettings of the latest AppSettingsChanged, replaced whole by each one; null until the first.
    login_methods          text[],
    require_verified_email boolean,
    access_token_minutes   integer,
    refresh_token_days     integer,
    password_min_length    integer,
    cors_origins           text[],
    link_base_url          text,
    sender_name            text,
    settings_changed_by    text,
    settings_changed_at    timestamptz,
    -- the time of the latest event about the app or one of its keys
    updated_at    timestamptz not null
);

-- The listing: newest app first.
create index client_app_row_registered on client_app_row (registered_at desc, app_id);

-- Read model ApiKeyRow: the API keys of an app. Never the key or its hash (ApiKeyIssued.keyHash): only the
-- recognizable prefix.
create table api_key_row (
    app_id      text        not null,
    key_id      text        not null,
    prefix      text        not null,
    issued_by   text        not null,
    issued_at   timestamptz not null,
    -- active after ApiKeyIssued, retiring after ApiKeyRetired (works until valid_until), revoked after
    -- ApiKeyRevoked. "expired" (retiring past valid_until) is derived when read, as no event marks it.
    status      text        not null default 'active' check (status in ('active', 'retiring', 'revoked')),
    valid_until timestamptz,
    retired_by  text,
    retired_at  timestamptz,
    revoked_by  text,
    revoked_at  timestamptz,
    primary key (app_id, key_id)
);

create index api_key_row_app_issued on api_key_row (app_id, issued_at desc, key_id);
