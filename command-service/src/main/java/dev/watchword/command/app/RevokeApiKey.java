package dev.watchword.command.app;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Key {@code keyId} stops working at once, grace period or not (a leaked key). */
public record RevokeApiKey(@TargetAggregateIdentifier String appId, String keyId, String actorId, Instant at) {}
