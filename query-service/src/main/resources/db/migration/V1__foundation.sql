-- Tables are unqualified: Flyway and Hikari put the service's schema (query, it_query in tests) first on the
-- search_path, so the same script serves every schema.

-- One row per event this service has applied. Inserted in the same transaction as the read-model change, so a
-- redelivered event (Kafka is at-least-once) finds its row and changes nothing (contract: "Every consumer
-- dedupes on EventEnvelope.eventId in the same database transaction as its effect").
create table processed_event (
    event_id     text        primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);

-- Read model UserProfile, what GET /api/users/me answers.
create table user_profile (
    user_id        text        primary key,
    email          text        not null,
    email_verified boolean     not null default false,
    -- Roles arrive with a later issue (RoleAssigned); until then every account is a plain user.
    roles          text[]      not null default array['user'],
    created_at     timestamptz not null,
    last_login_at  timestamptz,
    login_count    bigint      not null default 0
);

-- Sessions whose access tokens must be refused until expires_at (SessionRevoked.accessTokensExpireBy).
-- Loaded into memory at startup; requests never read this table.
create table revoked_session (
    session_id text        primary key,
    user_id    text        not null,
    revoked_at timestamptz not null,
    expires_at timestamptz not null
);

create index revoked_session_expires_at on revoked_session (expires_at);
