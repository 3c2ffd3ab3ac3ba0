package dev.watchword.events.app;

import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * A secret API key for the app's own backend. The key is shown once to whoever asked for it; the log keeps
 * its SHA-256 hash and its recognizable, non-secret prefix (e.g. {@code wwk_live_ab12}) only.
 */
public record ApiKeyIssued(
        String appId,
        String keyId,
        String prefix,
        @Secret(published = true) String keyHash,
        String issuedBy,
        Instant issuedAt)
        implements ClientAppEvent {}
