package dev.watchword.notification.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outgoing_email} table: the mail outbox. */
@Repository
class OutgoingEmailRepository {

    private final JdbcClient jdbc;

    OutgoingEmailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a row for this event exists already, i.e. the event was redelivered */
    boolean insertIfAbsent(
            String eventId, String eventType, String userId, String recipient, String payload, Instant expiresAt) {
        return jdbc.sql("""
                        insert into outgoing_email (event_id, event_type, user_id, recipient, payload, expires_at)
                        values (:eventId, :eventType, :userId, :recipient, cast(:payload as jsonb), :expiresAt)
                        on conflict (event_id) do nothing
                        """)
                        .param("eventId", eventId)
                        .param("eventType", eventType)
                        .param("userId", userId)
                        .param("recipient", recipient)
                        .param("payload", payload)
                        .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    /**
     * Locks the oldest due pending row until the caller's transaction ends. SKIP LOCKED lets several
     * instances drain the same table without sending one row twice or waiting on each other.
     */
    Optional<OutgoingEmail> claimNextDue() {
        return jdbc.sql("""
                        select event_id, event_type, recipient, payload::text as payload, expires_at, attempts
                          from outgoing_email
                         where status = 'PENDING' and next_attempt_at <= now()
                         order by next_attempt_at
                         limit 1
                           for update skip locked
                        """)
                .query((rs, row) -> {
                    Timestamp expiresAt = rs.getTimestamp("expires_at");
                    return new OutgoingEmail(
                            rs.getString("event_id"),
                            rs.getString("event_type"),
                            rs.getString("recipient"),
                            rs.getString("payload"),
                            expiresAt == null ? null : expiresAt.toInstant(),
                            rs.getInt("attempts"));
                })
                .optional();
    }

    void markSent(String eventId) {
        jdbc.sql("update outgoing_email set status = 'SENT', sent_at = now(), last_error = null where event_id = ?")
                .param(eventId)
                .update();
    }

    void markExpired(String eventId) {
        jdbc.sql("update outgoing_email set status = 'EXPIRED' where event_id = ?")
                .param(eventId)
                .update();
    }

    void markFailed(String eventId, int attempts, Duration retryAfter, String error) {
        jdbc.sql("""
                        update outgoing_email
                           set attempts = :attempts,
                               next_attempt_at = now() + :retryAfterMillis * interval '1 millisecond',
                               last_error = :error
                         where event_id = :eventId
                        """)
                .param("attempts", attempts)
                .param("retryAfterMillis", retryAfter.toMillis())
                .param("error", error)
                .param("eventId", eventId)
                .update();
    }

    /**
     * Cancels the user's pending emails and blanks every row of the user: address, payload (with any sealed
     * secret) and last error (an SMTP refusal may quote the address). Event id, type, status and times stay, for
     * the dedupe and the counts. A row the sender holds (being sent right now) is waited for, then blanked.
     *
     * @return how many pending emails were cancelled
     */
    int forgetUser(String userId) {
        int cancelled = jdbc.sql("""
                        update outgoing_email set status = 'CANCELLED'
                         where user_id = :userId and status = 'PENDING'
                        """).param("userId", userId).update();
        jdbc.sql("""
                        update outgoing_email
                           set recipient = null, payload = '{}'::jsonb, last_error = null
                         where user_id = :userId
                        """).param("userId", userId).update();
        return cancelled;
    }

    OutboxStatus status() {
        return jdbc.sql("""
                        select count(*) filter (where status = 'PENDING')                  as pending,
                               count(*) filter (where status = 'PENDING' and attempts > 0) as failing,
                               count(*) filter (where status = 'SENT')                     as sent,
                               count(*) filter (where status = 'EXPIRED')                  as expired,
                               count(*) filter (where status = 'CANCELLED')                as cancelled,
                               min(created_at) filter (where status = 'PENDING')           as oldest_pending
                          from outgoing_email
                        """)
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest_pending");
                    return new OutboxStatus(
                            rs.getLong("pending"),
                            rs.getLong("failing"),
                            rs.getLong("sent"),
                            rs.getLong("expired"),
                            rs.getLong("cancelled"),
                            oldest == null ? null : oldest.toInstant());
                })
                .single();
    }
}
