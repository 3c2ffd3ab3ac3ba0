package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Exchange the session's current refresh token for a new one (RFC 9700 section 4.14.2, rotation). */
public record RefreshSession(@TargetAggregateIdentifier String userId, String presentedTokenHash,
                             String newTokenHash, Instant at) {
}
