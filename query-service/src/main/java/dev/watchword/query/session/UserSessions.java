package dev.watchword.query.session;

import dev.watchword.events.user.LoginMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_session} table. */
@Repository
public class UserSessions {

    private final JdbcClient jdbc;
    private final Duration idleTimeout;

    /**
     * @param idleTimeout command-service's session idle timeout ({@code WATCHWORD_SESSIONS_IDLE_TIMEOUT}, the same
     *                    variable both services read); the default is 12 hours. No event marks a session idle, so
     *                    the list applies the rule itself.
     */
    UserSessions(JdbcClient jdbc, @Value("${watchword.sessions.idle-timeout:12h}") Duration idleTimeout) {
        this.jdbc = jdbc;
        this.idleTimeout = idleTimeout;
    }

    /**
     * The user's sessions that are live at {@code now} (started, not revoked, not expired, not idle for longer
     * than the idle timeout, so no longer refreshable), newest first. Always filtered by user: nobody lists
     * another user's sessions.
     */
    public List<UserSession> findLiveUserSessions(String userId, Instant now) {
        return jdbc.sql("""
                        select session_id, user_id, device, ip_address, login_method, created_at, last_used_at,
                               expires_at, revoked_at
                        from user_session
                        where user_id = :userId and created_at is not null and revoked_at is null
                          and expires_at > :now and last_used_at > :idleSince
                        order by created_at desc, session_id""")
                .param("userId", userId)
                .param("now", Timestamp.from(now))
                .param("idleSince", Timestamp.from(now.minus(idleTimeout)))
                .query(UserSessions::map)
                .list();
    }

    /** Any state, for tests and support; {@code null} fields for what has not arrived yet. */
    public Optional<UserSession> getUserSessionById(String sessionId) {
        return jdbc.sql("""
                        select session_id, user_id, device, ip_address, login_method, created_at, last_used_at,
                               expires_at, revoked_at
                        from user_session where session_id = :sessionId""")
                .param("sessionId", sessionId)
                .query(UserSessions::map)
                .optional();
    }

    /** Whether the session's row is projected, without reading it: the first read of a new session asks this. */
    public boolean isProjected(String sessionId) {
        return jdbc.sql("select exists (select 1 from user_session where session_id = :sessionId)")
                .param("sessionId", sessionId)
                .query(Boolean.class)
                .single();
    }

    private static UserSession map(ResultSet row, int rowNumber) throws SQLException {
        String method = row.getString("login_method");
        return new UserSession(
                row.getString("session_id"),
                row.getString("user_id"),
                row.getString("device"),
                row.getString("ip_address"),
                method == null ? null : LoginMethod.valueOf(method),
                instantOrNull(row.getTimestamp("created_at")),
                instantOrNull(row.getTimestamp("last_used_at")),
                instantOrNull(row.getTimestamp("expires_at")),
                instantOrNull(row.getTimestamp("revoked_at")));
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
