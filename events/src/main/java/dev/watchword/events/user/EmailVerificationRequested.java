package dev.watchword.events.user;

import java.time.Instant;

/**
 * A verification link was issued; any older link of this user stops working.
 *
 * @param tokenHash      SHA-256 of the link's secret, what {@code VerifyEmail} is checked against
 * @param encryptedToken the link token sealed (AES-256-GCM) for notification-service, the one reader that
 *                       must see it to put it in the email; never the plain token
 */
public record EmailVerificationRequested(String userId, String email, String tokenHash, String encryptedToken,
                                         Instant requestedAt, Instant expiresAt) implements UserEvent {
}
