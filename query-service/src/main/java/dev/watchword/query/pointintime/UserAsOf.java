package dev.watchword.query.pointintime;

import java.time.Instant;
import java.util.List;

/**
 * What the log said about one user at one instant.
 *
 * @param exists        whether the user had registered by then
 * @param email         the address of record then, {@code null} unless {@link #exists}
 * @param status        {@link #ACTIVE}, {@link #DISABLED} or, from its erasure on, {@link #ERASED}; {@code null} unless
 *                      {@link #exists}
 * @param roles         in the order they were first granted; {@code user} comes with registration
 * @param sessions      the sessions live then: started, not revoked and not expired
 * @param eventsApplied how many of the user's events were read to get here
 */
record UserAsOf(
        String id,
        Instant asOf,
        boolean exists,
        String email,
        String status,
        boolean emailVerified,
        List<String> roles,
        List<Session> sessions,
        long eventsApplied) {

    static final String ACTIVE = "active";
    static final String DISABLED = "disabled";
    static final String ERASED = "erased";

    /** @param revokedAt always {@code null} for a live session; kept so the shape matches the session list */
    record Session(
            String id, Instant startedAt, String ipAddress, String device, Instant expiresAt, Instant revokedAt) {}
}
