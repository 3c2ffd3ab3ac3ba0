package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * A verification link was issued; any older link of this user stops working.
 *
 * @param tokenHash      SHA-256 of the link's secret, what {@code VerifyEmail} is checked against
 * @param encryptedToken the link token sealed (AES-256-GCM) for notification-service, the one reader that
 *                       must see it to put it in the email; never the plain token
 */
public record EmailVerificationRequested(
        String userId,
        @Personal String email,
        @Secret String tokenHash,
        @Secret(published = true) String encryptedToken,
        Instant requestedAt,
        Instant expiresAt)
        implements UserEvent {}
