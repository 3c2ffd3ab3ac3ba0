package dev.watchword.events.user;

import java.time.Instant;

/**
 * @param refreshTokenHash SHA-256 of the opaque refresh token; the token itself is only ever in the response
 * @param expiresAt        absolute end of the session (the refresh token lifetime)
 */
public record SessionStarted(String userId, String sessionId, String refreshTokenHash, String ipAddress,
                             String userAgent, Instant startedAt, Instant expiresAt) implements UserEvent {
}
