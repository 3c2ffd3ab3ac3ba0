package dev.watchword.command.app;

import dev.watchword.command.apikey.StoredApiKey;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace key {@code keyId} with {@code replacement}; the old key keeps working for {@code grace}, so a backend
 * can roll out the new one without an outage. Answers the instant the old key stops working.
 */
public record RotateApiKey(
        @TargetAggregateIdentifier String appId,
        String keyId,
        StoredApiKey replacement,
        Duration grace,
        String actorId,
        Instant at) {}
