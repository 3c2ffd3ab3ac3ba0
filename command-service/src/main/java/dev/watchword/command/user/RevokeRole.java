package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Take a role away; see {@link AssignRole} for {@code expectedVersion}. */
public record RevokeRole(@TargetAggregateIdentifier String userId, String role, String actorId,
                         Integer expectedVersion, Instant at) {
}
