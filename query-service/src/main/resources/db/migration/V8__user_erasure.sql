-- Issue 5: erasure by crypto-shredding. command-service destroys the user's data key and records UserErased; every
-- later publication of the user's earlier events carries null personal fields. Here each read model forgets what it
-- holds of the user on UserErased (see the projections), and this table remembers who was erased, so that an event
-- of theirs arriving later (a redelivered record published before the erasure, a replay) has its personal fields
-- nulled before any read model sees it (EventStreamListener).
-- Numbered 8, not 7: V7 is taken by the replay feature merged separately.
create table erased_user (
    user_id   text        primary key,
    erased_by text        not null,
    erased_at timestamptz not null
);

-- An erased account stays in the admin's list (the count of accounts stays true) with status 'erased' and no
-- address. A republished UserRegistered of an erased user has no address either.
alter table admin_user_row alter column email drop not null;
alter table admin_user_row drop constraint admin_user_row_status_check;
alter table admin_user_row add constraint admin_user_row_status_check
    check (status in ('active', 'disabled', 'erased'));

-- A version before this one recorded UserErased in the audit trail only (it did not know the type, so it did not
-- mark it processed either): apply those erasures now, as the projections do.
insert into erased_user (user_id, erased_by, erased_at)
select aggregate_id, coalesce(payload ->> 'erasedBy', actor), coalesce((payload ->> 'erasedAt')::timestamptz, occurred_at)
from audit_entry
where type = 'UserErased' and aggregate_id is not null
on conflict (user_id) do nothing;

delete from user_profile where user_id in (select user_id from erased_user);

update admin_user_row set email = null, status = 'erased' where user_id in (select user_id from erased_user);

update user_session set device = null, ip_address = null where user_id in (select user_id from erased_user);

update login_activity set ip_address = null, user_agent = null where user_id in (select user_id from erased_user);

-- The personal fields of dev.watchword.events.user.UserEvent.PERSONAL_FIELDS; payloads are flat records.
update audit_entry set ip_address = null,
    payload = payload || (select coalesce(jsonb_object_agg(field, 'null'::jsonb), '{}'::jsonb)
                          from jsonb_object_keys(payload) field
                          where field in ('email', 'newEmail', 'previousEmail', 'ipAddress', 'userAgent',
                                          'passwordHash'))
where aggregate_id in (select user_id from erased_user) and jsonb_typeof(payload) = 'object';
