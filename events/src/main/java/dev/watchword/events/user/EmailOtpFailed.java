package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/** A wrong code was presented for {@code requestId}; {@code attempt} counts from 1. */
public record EmailOtpFailed(
        String userId,
        String requestId,
        int attempt,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant failedAt)
        implements UserEvent {}
