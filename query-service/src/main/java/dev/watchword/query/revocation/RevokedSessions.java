package dev.watchword.query.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory blacklist of session ids: checking a token never touches the database, so revocation costs
 * one map lookup per request. An entry lives until the last access token of its session has expired (plus
 * {@code retainAfterExpiry}); after that the token's own {@code exp} refuses it.
 */
public class RevokedSessions {

    private final Map<String, Instant> expiryBySession = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retainAfterExpiry;

    public RevokedSessions(Clock clock, Duration retainAfterExpiry) {
        this.clock = clock;
        this.retainAfterExpiry = retainAfterExpiry;
    }

    /** Idempotent; of two revocations of one session the later expiry wins. */
    public void revoke(String sessionId, Instant accessTokensExpireBy) {
        Instant until = accessTokensExpireBy.plus(retainAfterExpiry);
        if (until.isAfter(clock.instant())) {
            expiryBySession.merge(sessionId, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public boolean isRevoked(String sessionId) {
        Instant until = expiryBySession.get(sessionId);
        if (until == null) {
            return false;
        }
        if (until.isAfter(clock.instant())) {
            return true;
        }
        expiryBySession.remove(sessionId, until);
        return false;
    }

    /** @return how many entries were dropped */
    public int dropExpired() {
        Instant now = clock.instant();
        int before = expiryBySession.size();
        expiryBySession.values().removeIf(until -> !until.isAfter(now));
        return before - expiryBySession.size();
    }

    public int size() {
        return expiryBySession.size();
    }
}
