package dev.watchword.query.eventstream;

import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.envelope.EventEnvelope;

/**
 * Keeps one read model of client apps up to date: the {@link Projection} of {@link ClientAppEvent}s, with the
 * same guarantees (called inside the transaction that records the event as processed, at most once per
 * {@code eventId}). A separate interface rather than a wider {@code Projection}, so that the user read models
 * keep their exhaustive switches over the sealed {@code UserEvent}.
 */
public interface ClientAppProjection {

    void project(EventEnvelope envelope, ClientAppEvent event);
}
