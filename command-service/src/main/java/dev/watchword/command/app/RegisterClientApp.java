package dev.watchword.command.app;

import dev.watchword.command.apikey.StoredApiKey;
import java.time.Instant;

/**
 * Register a client app with its first API key. Identifiers and the key are made by the caller (randomness
 * stays at the edge, the aggregate stays deterministic); the command carries only what the log keeps of the key.
 *
 * @param linkBaseUrl the default for the app's {@code linkBaseUrl}: the configured public URL
 */
public record RegisterClientApp(
        String appId,
        String name,
        String clientId,
        StoredApiKey firstKey,
        String linkBaseUrl,
        String actorId,
        Instant at) {}
