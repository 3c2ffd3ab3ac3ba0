package dev.watchword.query.eventstream;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserEvent;

/**
 * Keeps one read model up to date. Called inside the database transaction that also records the event as
 * processed, at most once per {@code eventId}; ignores the event types it does not need.
 */
public interface Projection {

    void project(EventEnvelope envelope, UserEvent event);
}
