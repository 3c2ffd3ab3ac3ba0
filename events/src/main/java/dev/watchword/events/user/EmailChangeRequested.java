package dev.watchword.events.user;

import java.time.Instant;

/**
 * The user asked to move the account to {@code newEmail}; nothing changes until the link sent there is
 * used. Any older request of this user stops working.
 *
 * @param email    the current address; personal data
 * @param newEmail the requested address, normalized; personal data
 */
public record EmailChangeRequested(String userId, String email, String newEmail, String tokenHash,
                                   String encryptedToken, Instant requestedAt, Instant expiresAt)
        implements UserEvent {
}
