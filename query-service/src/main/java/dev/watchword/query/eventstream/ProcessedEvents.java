package dev.watchword.query.eventstream;

import dev.watchword.events.envelope.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code processed_event} table: which envelopes this service has already applied. */
@Repository
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the envelope as processed in the caller's transaction.
     *
     * @return {@code false} when it already was, so the caller must apply nothing
     */
    boolean markProcessed(EventEnvelope envelope) {
        int inserted = jdbc.sql("""
                        insert into processed_event (event_id, event_type) values (:eventId, :type)
                        on conflict (event_id) do nothing""")
                .param("eventId", envelope.eventId())
                .param("type", envelope.type())
                .update();
        return inserted == 1;
    }
}
