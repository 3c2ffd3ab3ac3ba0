package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * A refresh token was exchanged: {@code previousTokenHash} stops working, {@code refreshTokenHash} replaces
 * it (RFC 9700 section 4.14.2, refresh token rotation).
 *
 * @param ipAddress            the client that rotated; a racing refresh within the grace window is honoured only
 *                             for the same client. {@code null} in events stored before it was recorded
 * @param userAgent            the same client's user agent; {@code null} as above
 * @param accessTokensExpireBy when the access token issued with this rotation expires; {@code null} as above
 */
public record RefreshTokenRotated(
        String userId,
        String sessionId,
        @Secret String previousTokenHash,
        @Secret String refreshTokenHash,
        Instant rotatedAt,
        Instant expiresAt,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant accessTokensExpireBy)
        implements UserEvent {

    /** A rotation without client or access token expiry (as stored before they were recorded). */
    public RefreshTokenRotated(
            String userId,
            String sessionId,
            String previousTokenHash,
            String refreshTokenHash,
            Instant rotatedAt,
            Instant expiresAt) {
        this(userId, sessionId, previousTokenHash, refreshTokenHash, rotatedAt, expiresAt, null, null, null);
    }
}
