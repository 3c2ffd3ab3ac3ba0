package dev.watchword.command.user;

import java.time.Instant;

/** One login's state inside the aggregate. Only the current refresh token's hash is kept. */
public record Session(String sessionId, String refreshTokenHash, Instant expiresAt, boolean revoked) {

    boolean acceptsRefreshToken(String tokenHash, Instant now) {
        return !revoked && now.isBefore(expiresAt) && refreshTokenHash.equals(tokenHash);
    }

    Session rotatedTo(String newHash, Instant newExpiry) {
        return new Session(sessionId, newHash, newExpiry, false);
    }

    Session revoke() {
        return new Session(sessionId, refreshTokenHash, expiresAt, true);
    }
}
