package dev.watchword.events.user;

import java.time.Instant;

/**
 * A refresh token was exchanged: {@code previousTokenHash} stops working, {@code refreshTokenHash} replaces
 * it (RFC 9700 section 4.14.2, refresh token rotation).
 */
public record RefreshTokenRotated(String userId, String sessionId, String previousTokenHash,
                                  String refreshTokenHash, Instant rotatedAt, Instant expiresAt)
        implements UserEvent {
}
