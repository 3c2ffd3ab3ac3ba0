package dev.watchword.command.integrity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of a verification: how many chained events recomputed to their stored hash, whether the log is
 * intact, and the first event where it is not ({@link #CONTENT_CHANGED}, {@link #EVENT_MISSING} or
 * {@link #EVENT_INSERTED}). Events the processor has not reached yet are not a break: they are counted in
 * {@code unchained}, with the reason {@link #UNCHAINED} on an intact answer.
 */
public record ChainVerification(
        long verified,
        boolean intact,
        @JsonProperty("first_broken_position") Long firstBrokenPosition,
        @JsonProperty("first_broken_event_id") String firstBrokenEventId,
        String reason,
        long unchained) {

    public static final String CONTENT_CHANGED = "content changed";
    public static final String EVENT_MISSING = "event missing";
    /** A row that is not chained where the processor has already been: written around the processor. */
    public static final String EVENT_INSERTED = "event inserted";

    public static final String UNCHAINED = "unchained (not yet hashed)";

    static ChainVerification intact(long verified, long unchained) {
        return new ChainVerification(verified, true, null, null, unchained > 0 ? UNCHAINED : null, unchained);
    }

    static ChainVerification broken(long verified, long position, String eventId, String reason, long unchained) {
        return new ChainVerification(verified, false, position, eventId, reason, unchained);
    }
}
