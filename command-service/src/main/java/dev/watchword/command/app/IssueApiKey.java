package dev.watchword.command.app;

import dev.watchword.command.apikey.StoredApiKey;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One more API key, next to the app's others. */
public record IssueApiKey(@TargetAggregateIdentifier String appId, StoredApiKey key, String actorId, Instant at) {}
