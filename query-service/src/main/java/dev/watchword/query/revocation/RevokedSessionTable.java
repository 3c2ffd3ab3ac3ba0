package dev.watchword.query.revocation;

import dev.watchword.events.user.SessionRevoked;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code revoked_session} table, the durable copy of {@link RevokedSessions}. */
@Repository
class RevokedSessionTable {

    private final JdbcClient jdbc;

    RevokedSessionTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SessionRevoked event) {
        jdbc.sql("""
                        insert into revoked_session (session_id, user_id, revoked_at, expires_at)
                        values (:sessionId, :userId, :revokedAt, :expiresAt)
                        on conflict (session_id) do update
                            set expires_at = greatest(revoked_session.expires_at, excluded.expires_at)""")
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("revokedAt", Timestamp.from(event.revokedAt()))
                .param("expiresAt", Timestamp.from(event.accessTokensExpireBy()))
                .update();
    }

    List<Entry> findExpiringAfter(Instant instant) {
        return jdbc.sql("select session_id, expires_at from revoked_session where expires_at > :instant")
                .param("instant", Timestamp.from(instant))
                .query((row, n) -> new Entry(
                        row.getString("session_id"),
                        row.getTimestamp("expires_at").toInstant()))
                .list();
    }

    int deleteExpiredBefore(Instant instant) {
        return jdbc.sql("delete from revoked_session where expires_at <= :instant")
                .param("instant", Timestamp.from(instant))
                .update();
    }

    record Entry(String sessionId, Instant expiresAt) {}
}
