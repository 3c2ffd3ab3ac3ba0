package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * The refresh token a session had just replaced came back within the grace window from the client that
 * replaced it (two tabs of one browser racing one refresh): that client got a new access token and the
 * session's current refresh token again, and nothing rotated. A different client presenting it is a reuse
 * instead ({@link RefreshTokenReuseDetected}).
 *
 * @param accessTokensExpireBy when the access token issued for this use expires
 */
public record RefreshTokenGraceUsed(
        String userId,
        String sessionId,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant usedAt,
        Instant accessTokensExpireBy)
        implements UserEvent {}
