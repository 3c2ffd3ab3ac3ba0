-- Issue 4: role-based access control, the admin API and activity figures.
-- Every read model carries app_id, 'default' for the one app there is; client apps (tenants) come later and will
-- fill it from the events. Until then nothing but the default ever lands here.

-- The authorization version of each user whose roles or status ever changed: the count of their RoleAssigned,
-- RoleRevoked, UserDisabled and UserEnabled events, and whether the last of those left the account disabled.
-- Loaded into memory at startup (AuthorizationVersions); requests never read this table.
create table authorization_version (
    user_id    text        primary key,
    app_id     text        not null default 'default',
    version    bigint      not null,
    disabled   boolean     not null,
    updated_at timestamptz not null
);

-- Read model AdminUserRow: the admin's list of accounts (GET /api/admin/users).
create table admin_user_row (
    user_id        text        primary key,
    app_id         text        not null default 'default',
    -- personal data
    email          text        not null,
    status         text        not null default 'active' check (status in ('active', 'disabled')),
    email_verified boolean     not null default false,
    -- Every account starts as a plain user (UserRegistered); RoleAssigned and RoleRevoked change the set.
    roles          text[]      not null default array['user'],
    created_at     timestamptz not null,
    last_login_at  timestamptz
);

-- The listing: newest first within an app; the filters narrow it further.
create index admin_user_row_app_created on admin_user_row (app_id, created_at desc, user_id);
create index admin_user_row_roles on admin_user_row using gin (roles);

-- Accounts registered before this migration: no role or status events existed then, so the profile is all
-- there is to know about them.
insert into admin_user_row (user_id, email, email_verified, roles, created_at, last_login_at)
select user_id, email, email_verified, roles, created_at, last_login_at from user_profile
on conflict (user_id) do nothing;

-- Read model LoginActivity: one row per LoginSucceeded, LoginFailed, LoginLocked and RefreshTokenReuseDetected.
-- Keyed by the event id, so the table holds exactly the events that fed it.
create table login_activity (
    event_id    text        primary key,
    app_id      text        not null default 'default',
    user_id     text        not null,
    -- login_succeeded, login_failed, login_locked, refresh_token_reuse_detected
    type        text        not null,
    occurred_at timestamptz not null,
    -- personal data
    ip_address  text,
    -- personal data
    user_agent  text,
    -- LoginMethod of a login_succeeded
    method      text,
    -- LoginFailureReason of a login_failed
    reason      text,
    session_id  text
);

create index login_activity_user_occurred on login_activity (user_id, occurred_at desc, event_id);

-- Read model DailyActivity: counters per app and UTC day, each incremented once per event (the processed_event
-- dedupe makes a redelivery change nothing).
create table daily_activity (
    app_id        text   not null default 'default',
    day           date   not null,
    registrations bigint not null default 0,
    logins        bigint not null default 0,
    failed_logins bigint not null default 0,
    lockouts      bigint not null default 0,
    -- distinct users with a LoginSucceeded that day, kept equal to the daily_active_user rows of the day
    active_users  bigint not null default 0,
    primary key (app_id, day)
);

-- Who logged in on which UTC day: makes active_users distinct and answers monthly active users.
create table daily_active_user (
    app_id  text not null default 'default',
    day     date not null,
    user_id text not null,
    primary key (app_id, day, user_id)
);
