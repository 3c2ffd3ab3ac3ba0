package dev.watchword.events.user;

import java.time.Instant;

/**
 * A password reset link was issued; any older reset link of this user stops working.
 *
 * @param tokenHash      SHA-256 of the link's secret
 * @param encryptedToken the link token sealed for notification-service (see {@code SealedSecret})
 */
public record PasswordResetRequested(String userId, String email, String tokenHash, String encryptedToken,
                                     String ipAddress, Instant requestedAt, Instant expiresAt) implements UserEvent {
}
