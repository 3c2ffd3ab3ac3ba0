package dev.watchword.command.app;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a custom role in an app; {@code permissions} already checked against what the actor holds. */
public record DefineRole(
        @TargetAggregateIdentifier String appId, String role, List<String> permissions, String actorId, Instant at) {}
