package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Exchange the session's current refresh token for its successor (RFC 9700 section 4.14.2, rotation). The
 * successor is derived from the presented token by the caller, so that the same token presented twice within
 * the grace window yields the same successor.
 */
public record RefreshSession(@TargetAggregateIdentifier String userId, String presentedTokenHash,
                             String newTokenHash, String ipAddress, String userAgent, Instant at) {

    public RefreshSession(String userId, String presentedTokenHash, String newTokenHash, Instant at) {
        this(userId, presentedTokenHash, newTokenHash, null, null, at);
    }
}
