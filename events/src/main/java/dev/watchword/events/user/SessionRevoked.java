package dev.watchword.events.user;

import java.time.Instant;

/**
 * A session ended before its time. Access tokens carrying its {@code sid} must be refused until
 * {@code accessTokensExpireBy}, the latest expiry of any access token issued for it.
 */
public record SessionRevoked(
        String userId,
        String sessionId,
        SessionRevocationReason reason,
        Instant revokedAt,
        Instant accessTokensExpireBy)
        implements UserEvent {}
