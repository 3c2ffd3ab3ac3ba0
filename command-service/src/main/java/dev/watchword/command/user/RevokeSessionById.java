package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The user ends one of their sessions from the list; the caller's own session must be live. */
public record RevokeSessionById(@TargetAggregateIdentifier String userId, String callerSessionId,
                                String sessionId, Instant at) {
}
