package dev.watchword.query.eventstream;

import dev.watchword.events.envelope.EventEnvelope;
import java.util.Optional;

/**
 * Keeps a read model of every event received, whatever its type, including types this version does not know
 * (a newer producer's). Called inside the listener's transaction, before and regardless of the
 * {@code processed_event} check: an implementation must be idempotent on {@code eventId} itself (insert on
 * conflict do nothing), which lets a replay of the log fill in events consumed before its read model existed.
 * Types it does not know are never recorded as processed, so a later version that knows them still applies
 * them to its {@link Projection}s on a replay.
 */
public interface EnvelopeProjection {

    /** @param event the payload as its record, or empty for a type this version does not know */
    void project(EventEnvelope envelope, Optional<Object> event);
}
