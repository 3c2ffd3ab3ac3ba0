package dev.watchword.query.activity;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.appscope.UserApps;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One {@code login_activity} row per login event, keyed by the event id, so a redelivery adds nothing. The row
 * belongs to the user's app. {@code UserErased} blanks the address and user agent of the user's rows; the
 * rows stay, so the history and its counts stay complete.
 */
@Component
@ReadModel(
        tables = {"login_activity", "user_app"},
        reads = "user_app")
class LoginActivityProjection implements Projection {

    private final JdbcClient jdbc;
    private final UserApps userApps;

    LoginActivityProjection(JdbcClient jdbc, UserApps userApps) {
        this.jdbc = jdbc;
        this.userApps = userApps;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        if (event instanceof UserErased erased) {
            jdbc.sql("update login_activity set ip_address = null, user_agent = null where user_id = :userId")
                    .param("userId", erased.userId())
                    .update();
            return;
        }
        LoginActivity activity = switch (event) {
            case LoginSucceeded e ->
                new LoginActivity(
                        envelope.eventId(),
                        e.userId(),
                        LoginActivity.LOGIN_SUCCEEDED,
                        e.succeededAt(),
                        e.ipAddress(),
                        e.userAgent(),
                        e.methodOrDefault().name(),
                        null,
                        e.sessionId());
            case LoginFailed e ->
                new LoginActivity(
                        envelope.eventId(),
                        e.userId(),
                        LoginActivity.LOGIN_FAILED,
                        e.failedAt(),
                        e.ipAddress(),
                        e.userAgent(),
                        null,
                        e.reason() == null ? null : e.reason().name(),
                        null);
            case LoginLocked e ->
                new LoginActivity(
                        envelope.eventId(),
                        e.userId(),
                        LoginActivity.LOGIN_LOCKED,
                        e.lockedAt(),
                        e.ipAddress(),
                        null,
                        null,
                        null,
                        null);
            case RefreshTokenReuseDetected e ->
                new LoginActivity(
                        envelope.eventId(),
                        e.userId(),
                        LoginActivity.REFRESH_TOKEN_REUSE_DETECTED,
                        e.detectedAt(),
                        e.ipAddress(),
                        e.userAgent(),
                        null,
                        null,
                        e.sessionId());
            default -> null;
        };
        if (activity == null || activity.userId() == null) {
            return;
        }
        jdbc.sql("""
                        insert into login_activity (event_id, app_id, user_id, type, occurred_at, ip_address,
                                                    user_agent, method, reason, session_id)
                        values (:eventId, :appId, :userId, :type, :occurredAt, :ipAddress, :userAgent, :method, :reason,
                                :sessionId)
                        on conflict (event_id) do nothing""")
                .param("eventId", activity.eventId())
                .param("appId", userApps.appOf(activity.userId()))
                .param("userId", activity.userId())
                .param("type", activity.type())
                .param("occurredAt", Timestamp.from(occurredAt(activity, envelope)))
                .param("ipAddress", activity.ipAddress())
                .param("userAgent", activity.userAgent())
                .param("method", activity.method())
                .param("reason", activity.reason())
                .param("sessionId", activity.sessionId())
                .update();
    }

    private static java.time.Instant occurredAt(LoginActivity activity, EventEnvelope envelope) {
        return activity.occurredAt() != null ? activity.occurredAt() : envelope.occurredAt();
    }
}
