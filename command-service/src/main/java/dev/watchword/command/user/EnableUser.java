package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record EnableUser(@TargetAggregateIdentifier String userId, String actorId, Instant at) {
}
