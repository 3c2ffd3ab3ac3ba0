package dev.watchword.command.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Create a custom role in an app; {@code permissions} already checked against what the actor holds. */
public record DefineRole(@TargetAggregateIdentifier String appId, String role, List<String> permissions,
                         String actorId, Instant at) {
}
