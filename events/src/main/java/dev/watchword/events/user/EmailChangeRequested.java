package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * The user asked to move the account to {@code newEmail}; nothing changes until the link sent there is
 * used. Any older request of this user stops working.
 *
 * @param email    the current address; personal data
 * @param newEmail the requested address, normalized; personal data
 */
public record EmailChangeRequested(
        String userId,
        @Personal String email,
        @Personal String newEmail,
        @Secret String tokenHash,
        @Secret(published = true) String encryptedToken,
        Instant requestedAt,
        Instant expiresAt)
        implements UserEvent {}
