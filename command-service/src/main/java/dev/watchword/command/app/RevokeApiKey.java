package dev.watchword.command.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Key {@code keyId} stops working at once, grace period or not (a leaked key). */
public record RevokeApiKey(@TargetAggregateIdentifier String appId, String keyId, String actorId, Instant at) {
}
