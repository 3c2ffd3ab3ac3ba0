-- Issue 5: rebuilding a read model from the log into a shadow copy while the live one keeps serving
-- (dev.watchword.query.replay). One row per replay an operator started; the shadow tables themselves live in a
-- schema of their own (shadow_schema), created at the start and dropped at the switch-over or when abandoned.
create table replay (
    replay_id        text        primary key,
    -- the read model rebuilt, e.g. admin_user_row
    projection       text        not null,
    -- building: reading the log; caught_up: at the head, following it until the switch-over; switched: the shadow
    -- replaced the live tables; abandoned; failed (error says why)
    status           text        not null check (status in ('building', 'caught_up', 'switched', 'abandoned',
                                                            'failed')),
    shadow_schema    text        not null,
    -- the highest audit_entry position applied to the shadow
    position         bigint      not null default 0,
    -- the head of the log (highest audit_entry position) when the replay started, and at the latest progress
    target_position  bigint      not null,
    head_position    bigint      not null,
    events_applied   bigint      not null default 0,
    events_per_second double precision not null default 0,
    -- set by any instance, acted on by the one running the replay (the one that started it)
    requested        text        check (requested in ('switch', 'abandon')),
    started_by       text        not null,
    started_at       timestamptz not null,
    -- the running instance writes progress at least every few seconds; a stale heartbeat means it is gone
    heartbeat_at     timestamptz not null,
    caught_up_at     timestamptz,
    finished_at      timestamptz,
    -- how long the live listener was paused for the switch-over, in milliseconds
    pause_millis     bigint,
    error            text
);

-- At most one unfinished replay per read model: two shadows of one table could not both be switched in.
create unique index replay_one_active_per_projection on replay (projection)
    where status in ('building', 'caught_up');
create index replay_started_at on replay (started_at desc);
