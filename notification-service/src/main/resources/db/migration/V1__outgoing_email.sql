-- The mail outbox. One row per event that deserves an email, keyed by the event id so that a redelivered
-- event finds its row and adds nothing (contract.md: "Every consumer dedupes on eventId").
-- The row keeps the event payload, never a rendered body: the verification token inside it is still sealed
-- (SealedSecret) and is opened only in memory at send time (OWASP ASVS 5.0 V11.3, V14.2).
create table outgoing_email (
    event_id        text        primary key,
    event_type      text        not null,
    recipient       text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default now(),
    -- after this instant the email is pointless (an expired link) and is marked EXPIRED instead of sent
    expires_at      timestamptz,
    status          text        not null default 'PENDING'
                                check (status in ('PENDING', 'SENT', 'EXPIRED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);

-- The sender's claim query scans only pending rows, oldest due first.
create index outgoing_email_due on outgoing_email (next_attempt_at) where status = 'PENDING';
