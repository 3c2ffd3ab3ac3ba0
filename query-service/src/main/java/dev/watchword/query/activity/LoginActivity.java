package dev.watchword.query.activity;

import java.time.Instant;

/**
 * Read model: one entry of a user's login history, from a {@code LoginSucceeded}, {@code LoginFailed},
 * {@code LoginLocked} or {@code RefreshTokenReuseDetected}.
 *
 * @param type      one of the constants below
 * @param ipAddress the client address; personal data
 * @param userAgent the client's user agent, when the event has one; personal data
 * @param method    the {@code LoginMethod} of a successful login, else {@code null}
 * @param reason    the {@code LoginFailureReason} of a failed login, else {@code null}
 * @param sessionId the session of a successful login or of a reused refresh token, else {@code null}
 */
public record LoginActivity(
        String eventId,
        String userId,
        String type,
        Instant occurredAt,
        String ipAddress,
        String userAgent,
        String method,
        String reason,
        String sessionId) {

    public static final String LOGIN_SUCCEEDED = "login_succeeded";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGIN_LOCKED = "login_locked";
    public static final String REFRESH_TOKEN_REUSE_DETECTED = "refresh_token_reuse_detected";
}
