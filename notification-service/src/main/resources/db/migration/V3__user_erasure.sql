-- Erasure (issue 5, crypto-shredding): on UserErased, nothing more is sent to the user and the addresses this
-- service holds about the user are blanked. See WhenUserErasedThenForgetUser.

-- Whose email each row is, so that erasure finds the user's rows without reading every payload. Every email is
-- about one user today (a UserEvent); null would be one that is not.
alter table outgoing_email add column user_id text;
update outgoing_email set user_id = payload ->> 'userId';
create index outgoing_email_user on outgoing_email (user_id);

-- An erased user's rows keep their event id (a redelivered event still finds its row and adds nothing) and
-- their status (the counts), but no address and no payload: the payload held the addresses, IP address, user
-- agent and, for a pending email, the sealed link token or code.
alter table outgoing_email alter column recipient drop not null;
-- CANCELLED: an email still pending when its user was erased; never sent.
alter table outgoing_email drop constraint outgoing_email_status_check;
alter table outgoing_email add constraint outgoing_email_status_check
    check (status in ('PENDING', 'SENT', 'EXPIRED', 'CANCELLED'));
-- The sender claims only pending rows, and each of them must still know where it goes.
alter table outgoing_email add constraint outgoing_email_pending_has_recipient
    check (status <> 'PENDING' or recipient is not null);

-- Users erased, from UserErased: every later event of theirs (a redelivery, a republished log whose personal
-- fields read as null) is skipped. The user id is the log's pseudonymous key, not personal data of its own.
create table erased_user (
    user_id   text        primary key,
    -- the UserErased that wrote the row; a redelivery of it finds the row and changes nothing
    event_id  text        not null unique,
    erased_at timestamptz
);
