package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin ends every session of the user. */
public record ForceLogout(@TargetAggregateIdentifier String userId, String actorId, Instant at) {
}
