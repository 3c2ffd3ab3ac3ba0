package dev.watchword.query.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the detail view of one account adds to its {@link AdminUserRow}: its live sessions (the
 * {@code user_session} read model) and its latest login history (the {@code login_activity} read model).
 * Read with SQL of its own rather than through the session and activity use cases, which stay independent.
 */
@Repository
class AdminUserDetails {

    /** How many entries of the login history the detail view shows; the rest is paged at .../logins. */
    static final int RECENT_ACTIVITY = 20;

    private final JdbcClient jdbc;

    AdminUserDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Started, not revoked and not expired at {@code now}, newest first. */
    List<AdminUserDetailResponse.Session> findLiveSessions(String userId, Instant now) {
        return jdbc.sql("""
                        select session_id, device, ip_address, login_method, created_at, last_used_at, expires_at
                        from user_session
                        where user_id = :userId and created_at is not null and revoked_at is null
                          and expires_at > :now
                        order by created_at desc, session_id""")
                .param("userId", userId)
                .param("now", Timestamp.from(now))
                .query((row, n) -> new AdminUserDetailResponse.Session(
                        row.getString("session_id"),
                        row.getString("device"),
                        row.getString("ip_address"),
                        row.getString("login_method"),
                        instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("last_used_at")),
                        instant(row.getTimestamp("expires_at"))))
                .list();
    }

    List<AdminUserDetailResponse.Activity> findRecentActivity(String appId, String userId) {
        return jdbc.sql("""
                        select occurred_at, type, ip_address, user_agent, method, reason
                        from login_activity where app_id = :appId and user_id = :userId
                        order by occurred_at desc, event_id limit :limit""")
                .param("appId", appId)
                .param("userId", userId)
                .param("limit", RECENT_ACTIVITY)
                .query((row, n) -> new AdminUserDetailResponse.Activity(
                        instant(row.getTimestamp("occurred_at")),
                        row.getString("type"),
                        row.getString("ip_address"),
                        row.getString("user_agent"),
                        row.getString("method"),
                        row.getString("reason")))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
