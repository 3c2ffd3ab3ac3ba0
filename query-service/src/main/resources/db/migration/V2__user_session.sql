-- Read model UserSession, what GET /api/auth/sessions answers (issue 3).
-- LoginSucceeded is applied before SessionStarted of the same session, so any of the session's events may
-- create the row: only session_id and user_id are known from each of them. A row without created_at has not
-- seen its SessionStarted yet and is not listed.
create table user_session (
    session_id   text        primary key,
    user_id      text        not null,
    -- SessionStarted.userAgent, shown as the device; personal data.
    device       text,
    -- SessionStarted.ipAddress; personal data.
    ip_address   text,
    -- LoginMethod of LoginSucceeded (PASSWORD, MAGIC_LINK, EMAIL_OTP), when it arrived.
    login_method text,
    created_at   timestamptz,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    -- SessionRevocationReason of SessionRevoked.
    revocation_reason text
);

-- The listing: one user's live sessions, newest first.
create index user_session_user_id_created_at on user_session (user_id, created_at desc);
