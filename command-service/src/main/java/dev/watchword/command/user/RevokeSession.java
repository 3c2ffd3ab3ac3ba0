package dev.watchword.command.user;

import dev.watchword.events.user.SessionRevocationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * End the session that the presented refresh token belongs to; unknown or dead tokens change nothing.
 */
public record RevokeSession(@TargetAggregateIdentifier String userId, String presentedTokenHash,
                            SessionRevocationReason reason, Instant at) {
}
