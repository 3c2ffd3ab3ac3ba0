package dev.watchword.command.user;

import java.time.Instant;

/** The hash and expiry of an outstanding one-time secret (a link token or a code); at most one per purpose. */
public record PendingSecret(String hash, Instant expiresAt) {

    boolean accepts(String presentedHash, Instant now) {
        return hash.equals(presentedHash) && now.isBefore(expiresAt);
    }
}
