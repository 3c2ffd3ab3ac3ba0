package dev.watchword.events.app;

import java.time.Instant;

/** A key stops working at once. */
public record ApiKeyRevoked(String appId, String keyId, String revokedBy, Instant revokedAt)
        implements ClientAppEvent {}
