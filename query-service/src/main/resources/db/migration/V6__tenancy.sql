-- Issue 4: client apps as tenants. Users belong to the app of their UserRegistered (appId, null = 'default'); every
-- admin read is scoped to the caller's app, and an app's API key authenticates its backend.
--
-- The backfills below read the audit trail (V5), which holds every event's payload as published: a query-service
-- that consumed events of other apps before this version had recorded them all under 'default'.

-- Which app each user belongs to, from their UserRegistered. Events of a user always come after it (one Kafka key
-- per user), so the projections of those events look the app up here; a user missing here is in 'default'.
create table user_app (
    user_id text primary key,
    app_id  text not null
);

insert into user_app (user_id, app_id)
select aggregate_id, coalesce(nullif(payload ->> 'appId', ''), 'default')
from audit_entry
where type = 'UserRegistered' and aggregate_id is not null
on conflict (user_id) do nothing;

update admin_user_row row set app_id = user_app.app_id
from user_app where user_app.user_id = row.user_id and row.app_id <> user_app.app_id;

update login_activity activity set app_id = user_app.app_id
from user_app where user_app.user_id = activity.user_id and activity.app_id <> user_app.app_id;

-- A user event's entry belongs to the user's app (client-app events already carry theirs).
update audit_entry entry set app_id = user_app.app_id
from user_app where user_app.user_id = entry.aggregate_id and entry.app_id <> user_app.app_id;

-- The scoped reads of the login history and of the admin's user list.
create index login_activity_app_user_occurred on login_activity (app_id, user_id, occurred_at desc, event_id);

-- daily_activity and daily_active_user are keyed by (app_id, day) since V3; counts made before this version stay
-- under 'default', where every user was.

-- ApiKeyRow keeps the key's SHA-256 (ApiKeyIssued.keyHash) so that this service can authenticate an app's backend
-- (admin API, token introspection). Still never shown: no response carries it.
alter table api_key_row add column key_hash text;

update api_key_row key set key_hash = entry.payload ->> 'keyHash'
from audit_entry entry
where entry.type = 'ApiKeyIssued' and entry.payload ->> 'appId' = key.app_id
  and entry.payload ->> 'keyId' = key.key_id and key.key_hash is null;

-- One lookup per request that presents a key.
create unique index api_key_row_key_hash on api_key_row (key_hash) where key_hash is not null;

-- The client id of an app, for introspection by app key (client_id:api_key).
create index client_app_row_client_id on client_app_row (client_id);

-- Read model AppRole: the custom roles of each app (RoleDefined), immutable once defined. The built-in roles
-- (user, admin) are not stored: they are the same for every app but for apps:write.
create table app_role (
    app_id      text        not null,
    role        text        not null,
    permissions text[]      not null,
    defined_by  text        not null,
    defined_at  timestamptz not null,
    primary key (app_id, role)
);
