package dev.watchword.events.user;

import java.time.Instant;

/** A wrong code was presented for {@code requestId}; {@code attempt} counts from 1. */
public record EmailOtpFailed(String userId, String requestId, int attempt, String ipAddress, String userAgent,
                             Instant failedAt) implements UserEvent {
}
