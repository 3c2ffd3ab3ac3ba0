package dev.watchword.events.user;

import java.time.Instant;

/** A single-use login link was issued; any older one of this user stops working. */
public record MagicLinkRequested(String userId, String email, String tokenHash, String encryptedToken,
                                 String ipAddress, Instant requestedAt, Instant expiresAt) implements UserEvent {
}
