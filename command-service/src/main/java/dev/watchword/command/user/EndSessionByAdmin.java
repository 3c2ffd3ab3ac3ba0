package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * An admin ends one session of the user (a lost device, a session from an unexpected place), leaving the others
 * alone; {@link ForceLogout} ends them all. Unlike {@link RevokeSessionById}, the caller's own session is the
 * admin's, checked on the admin's aggregate before this is sent.
 */
public record EndSessionByAdmin(@TargetAggregateIdentifier String userId, String sessionId, String actorId,
                                Instant at) {
}
