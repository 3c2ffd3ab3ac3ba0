package dev.watchword.events.app;

import java.time.Instant;

/** A key was rotated out: it keeps working until {@code validUntil} (a grace period), then never again. */
public record ApiKeyRetired(String appId, String keyId, String retiredBy, Instant retiredAt, Instant validUntil)
        implements ClientAppEvent {}
