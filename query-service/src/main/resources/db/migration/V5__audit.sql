-- Issue 5: the audit trail. Read model AuditEntry: one row per event received, whatever its type (types this
-- version does not know too, with their payload as published), served by GET /api/admin/audit and its export.
--
-- Keyed by the event id and inserted with "on conflict do nothing", in the listener's transaction: a redelivery
-- adds nothing. Unlike the other read models it does not rely on processed_event for that, so a replay of the
-- log (the devstack republishes it at every start) also fills in the events consumed before this table existed.
create table audit_entry (
    event_id        text        primary key,
    -- EventEnvelope.globalIndex, the event's position in the whole store; the order of the trail and the key
    -- of its pagination
    position        bigint      not null,
    type            text        not null,
    aggregate_id    text,
    sequence_number bigint      not null,
    occurred_at     timestamptz not null,
    -- the client app the event belongs to: its appId for client-app events, else 'default'
    app_id          text        not null default 'default',
    -- who did it: the event's assignedBy, revokedBy, disabledBy, enabledBy, requestedBy, registeredBy, issuedBy,
    -- retiredBy or changedBy; else the user for a user's own events; else 'system'
    actor           text        not null,
    -- personal data
    ip_address      text,
    -- the payload as published: no secrets, but hashes and sealed tokens, which responses redact. Personal data.
    payload         jsonb       not null,
    recorded_at     timestamptz not null default now()
);

-- The unfiltered trail, then one index per filter, each ending with the position so that a filtered page is
-- read in order without a sort.
create index audit_entry_position on audit_entry (position);
create index audit_entry_aggregate_position on audit_entry (aggregate_id, position);
create index audit_entry_type_position on audit_entry (type, position);
create index audit_entry_actor_position on audit_entry (actor, position);
create index audit_entry_app_position on audit_entry (app_id, position);
create index audit_entry_occurred_at on audit_entry (occurred_at);
