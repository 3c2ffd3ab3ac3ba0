package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * @param refreshTokenHash     SHA-256 of the opaque refresh token; the token itself is only ever in the response
 * @param expiresAt            absolute end of the session (the refresh token lifetime)
 * @param accessTokensExpireBy when the access token issued with this start expires; a later revocation must be
 *                             remembered at least until then, even if the app has shortened the lifetime since.
 *                             {@code null} in events stored before it was recorded
 */
public record SessionStarted(
        String userId,
        String sessionId,
        @Secret String refreshTokenHash,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant startedAt,
        Instant expiresAt,
        Instant accessTokensExpireBy)
        implements UserEvent {

    /** A start whose access token expiry is not known (as stored before it was recorded). */
    public SessionStarted(
            String userId,
            String sessionId,
            String refreshTokenHash,
            String ipAddress,
            String userAgent,
            Instant startedAt,
            Instant expiresAt) {
        this(userId, sessionId, refreshTokenHash, ipAddress, userAgent, startedAt, expiresAt, null);
    }
}
