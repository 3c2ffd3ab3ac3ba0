package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * A password reset link was issued; any older reset link of this user stops working.
 *
 * @param tokenHash      SHA-256 of the link's secret
 * @param encryptedToken the link token sealed for notification-service (see {@code SealedSecret})
 * @param requestedBy    the admin who triggered the reset, or {@code null} when the user asked for it
 */
public record PasswordResetRequested(
        String userId,
        @Personal String email,
        @Secret String tokenHash,
        @Secret(published = true) String encryptedToken,
        @Personal String ipAddress,
        Instant requestedAt,
        Instant expiresAt,
        String requestedBy)
        implements UserEvent {

    public PasswordResetRequested(
            String userId,
            String email,
            String tokenHash,
            String encryptedToken,
            String ipAddress,
            Instant requestedAt,
            Instant expiresAt) {
        this(userId, email, tokenHash, encryptedToken, ipAddress, requestedAt, expiresAt, null);
    }
}
