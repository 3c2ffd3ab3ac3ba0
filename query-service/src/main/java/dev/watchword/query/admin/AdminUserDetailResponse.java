package dev.watchword.query.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/admin/users/{id}}: the row's fields plus {@code sessions} and
 * {@code recent_activity}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminUserDetailResponse(
        String id,
        String appId,
        String email,
        String status,
        boolean emailVerified,
        List<String> roles,
        Instant createdAt,
        Instant lastLoginAt,
        List<Session> sessions,
        List<Activity> recentActivity) {

    static AdminUserDetailResponse of(AdminUserRow row, List<Session> sessions, List<Activity> recentActivity) {
        return new AdminUserDetailResponse(
                row.id(),
                row.appId(),
                row.email(),
                row.status(),
                row.emailVerified(),
                row.roles(),
                row.createdAt(),
                row.lastLoginAt(),
                sessions,
                recentActivity);
    }

    /**
     * A live session.
     *
     * @param device      the user agent that started it
     * @param loginMethod {@code PASSWORD}, {@code MAGIC_LINK} or {@code EMAIL_OTP}, when known
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Session(
            String id,
            String device,
            String ipAddress,
            String loginMethod,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt) {}

    /**
     * An entry of the login history.
     *
     * @param type   {@code login_succeeded}, {@code login_failed}, {@code login_locked} or
     *               {@code refresh_token_reuse_detected}
     * @param method how a successful login proved the user, else {@code null}
     * @param reason why a login failed, else {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Activity(
            Instant occurredAt, String type, String ipAddress, String userAgent, String method, String reason) {}
}
