package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/** A single-use login link was issued; any older one of this user stops working. */
public record MagicLinkRequested(
        String userId,
        @Personal String email,
        @Secret String tokenHash,
        @Secret(published = true) String encryptedToken,
        @Personal String ipAddress,
        Instant requestedAt,
        Instant expiresAt)
        implements UserEvent {}
