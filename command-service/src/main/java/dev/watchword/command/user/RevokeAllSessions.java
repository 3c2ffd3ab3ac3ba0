package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Log out everywhere: every live session of the user ends, the caller's included. */
public record RevokeAllSessions(@TargetAggregateIdentifier String userId, String callerSessionId, Instant at) {
}
