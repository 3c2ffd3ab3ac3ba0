package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * A one-time login code was issued, bound to {@code requestId}, which the caller must present with it.
 *
 * @param codeHash      HMAC-SHA-256 of the code under a server key: a short code's plain hash could be
 *                      brute-forced offline
 * @param encryptedCode the code sealed for notification-service
 */
public record EmailOtpRequested(
        String userId,
        @Personal String email,
        String requestId,
        @Secret String codeHash,
        @Secret(published = true) String encryptedCode,
        @Personal String ipAddress,
        Instant requestedAt,
        Instant expiresAt)
        implements UserEvent {}
