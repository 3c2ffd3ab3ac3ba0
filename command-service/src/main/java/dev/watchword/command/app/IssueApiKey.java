package dev.watchword.command.app;

import dev.watchword.command.apikey.StoredApiKey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** One more API key, next to the app's others. */
public record IssueApiKey(@TargetAggregateIdentifier String appId, StoredApiKey key, String actorId, Instant at) {
}
