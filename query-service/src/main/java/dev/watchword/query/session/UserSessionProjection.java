package dev.watchword.query.session;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@link UserSession} from the session events. command-service applies {@code LoginSucceeded} before
 * {@code SessionStarted}, so every statement is an upsert on the session id; each is also written to be
 * harmless when applied twice or out of order.
 * <p>
 * {@code UserErased} blanks the address and device of every session of the user; the sessions
 * themselves (ids, times, how they ended) are no personal data and stay.
 */
@Component
@ReadModel(tables = "user_session")
class UserSessionProjection implements Projection {

    private final JdbcClient jdbc;

    UserSessionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        switch (event) {
            case SessionStarted started -> on(started);
            case LoginSucceeded login -> on(login);
            case RefreshTokenRotated rotated -> on(rotated);
            case SessionRevoked revoked -> on(revoked);
            case UserErased erased -> on(erased);
            default -> {}
        }
    }

    private void on(SessionStarted event) {
        jdbc.sql("""
                        insert into user_session (session_id, user_id, device, ip_address, created_at, last_used_at,
                                                  expires_at)
                        values (:sessionId, :userId, :device, :ipAddress, :startedAt, :startedAt, :expiresAt)
                        on conflict (session_id) do update
                            set device = excluded.device,
                                ip_address = excluded.ip_address,
                                created_at = excluded.created_at,
                                last_used_at = greatest(user_session.last_used_at, excluded.last_used_at),
                                expires_at = coalesce(user_session.expires_at, excluded.expires_at)
                        where user_session.user_id = excluded.user_id""")
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("device", event.userAgent())
                .param("ipAddress", event.ipAddress())
                .param("startedAt", Timestamp.from(event.startedAt()))
                .param("expiresAt", Timestamp.from(event.expiresAt()))
                .update();
    }

    /** Only the method: the login's address and user agent are the session's, and SessionStarted has them. */
    private void on(LoginSucceeded event) {
        if (event.sessionId() == null) {
            return;
        }
        jdbc.sql("""
                        insert into user_session (session_id, user_id, login_method) values (:sessionId, :userId, :method)
                        on conflict (session_id) do update set login_method = excluded.login_method
                        where user_session.user_id = excluded.user_id""")
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("method", event.methodOrDefault().name())
                .update();
    }

    /** The session was used; the expiry is the event's in case a later policy makes it slide. */
    private void on(RefreshTokenRotated event) {
        jdbc.sql("""
                        insert into user_session (session_id, user_id, last_used_at, expires_at)
                        values (:sessionId, :userId, :rotatedAt, :expiresAt)
                        on conflict (session_id) do update
                            set last_used_at = greatest(user_session.last_used_at, excluded.last_used_at),
                                expires_at = excluded.expires_at
                        where user_session.user_id = excluded.user_id""")
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("rotatedAt", Timestamp.from(event.rotatedAt()))
                .param("expiresAt", Timestamp.from(event.expiresAt()))
                .update();
    }

    /** The first revocation is the one that ended the session; a later one changes nothing. */
    private void on(SessionRevoked event) {
        jdbc.sql("""
                        insert into user_session (session_id, user_id, revoked_at, revocation_reason)
                        values (:sessionId, :userId, :revokedAt, :reason)
                        on conflict (session_id) do update
                            set revoked_at = excluded.revoked_at, revocation_reason = excluded.revocation_reason
                        where user_session.user_id = excluded.user_id and user_session.revoked_at is null""")
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("revokedAt", Timestamp.from(event.revokedAt()))
                .param("reason", event.reason() == null ? null : event.reason().name())
                .update();
    }

    private void on(UserErased event) {
        jdbc.sql("update user_session set device = null, ip_address = null where user_id = :userId")
                .param("userId", event.userId())
                .update();
    }
}
