package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** No login of any kind any more; every session ends. */
public record DisableUser(@TargetAggregateIdentifier String userId, String actorId, Instant at) {
}
