package dev.watchword.command.user;

import dev.watchword.events.user.SessionRevocationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * End the session that the presented refresh token belongs to; unknown or dead tokens change nothing.
 *
 * @param accessTokenLifetime how long access tokens issued until now may still be presented, so verifiers
 *                            know how long to keep the session on their blacklist
 */
public record RevokeSession(@TargetAggregateIdentifier String userId, String presentedTokenHash,
                            SessionRevocationReason reason, Duration accessTokenLifetime, Instant at) {
}
