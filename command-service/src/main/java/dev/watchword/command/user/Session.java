package dev.watchword.command.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One login's state inside the aggregate: the current refresh token's hash, the one it replaced (for the
 * grace window of racing refreshes) and the hashes retired before it (to recognise a replayed token).
 *
 * @param retiredHashes the most recent {@value #RETIRED_KEPT} rotated-away hashes; a token older than that
 *                      is simply unknown
 */
public record Session(String sessionId, String refreshTokenHash, String previousTokenHash, Instant rotatedAt,
                      Instant lastUsedAt, Instant expiresAt, boolean revoked, List<String> retiredHashes) {

    static final int RETIRED_KEPT = 50;

    static Session started(String sessionId, String refreshTokenHash, Instant at, Instant expiresAt) {
        return new Session(sessionId, refreshTokenHash, null, null, at, expiresAt, false, List.of());
    }

    /** Live: not revoked, within its absolute lifetime and not idle for longer than {@code idleTimeout}. */
    boolean isLive(Instant now, Duration idleTimeout) {
        return !revoked && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleTimeout));
    }

    boolean isCurrent(String tokenHash) {
        return refreshTokenHash.equals(tokenHash);
    }

    /** The token this session rotated away from last, still within the grace window. */
    boolean isJustRotated(String tokenHash, Instant now, Duration grace) {
        return tokenHash.equals(previousTokenHash) && rotatedAt != null && now.isBefore(rotatedAt.plus(grace));
    }

    boolean hasRetired(String tokenHash) {
        return tokenHash.equals(previousTokenHash) || retiredHashes.contains(tokenHash);
    }

    Session rotatedTo(String newHash, Instant at) {
        List<String> retired = new ArrayList<>(retiredHashes);
        if (previousTokenHash != null) {
            retired.add(previousTokenHash);
        }
        while (retired.size() > RETIRED_KEPT) {
            retired.removeFirst();
        }
        return new Session(sessionId, newHash, refreshTokenHash, at, at, expiresAt, false, List.copyOf(retired));
    }

    Session revoke() {
        return new Session(sessionId, refreshTokenHash, previousTokenHash, rotatedAt, lastUsedAt, expiresAt, true,
                retiredHashes);
    }
}
