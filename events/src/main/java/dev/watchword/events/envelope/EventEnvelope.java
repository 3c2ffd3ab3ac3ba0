package dev.watchword.events.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event as it travels on Kafka from command-service to the other services. Keyed on the topic by
 * {@code aggregateId}, so all events of one aggregate keep their order.
 *
 * @param eventId        Axon's message identifier; consumers dedupe on it
 * @param type           the stable name of the payload, see {@link EventCatalog}
 * @param revision       the payload's revision, {@code null} for the first one
 * @param sequenceNumber position of the event within its aggregate
 * @param globalIndex    position of the event in the whole store
 * @param payload        the event record as JSON
 */
public record EventEnvelope(
        String eventId,
        String type,
        String revision,
        String aggregateId,
        long sequenceNumber,
        long globalIndex,
        Instant occurredAt,
        JsonNode payload) {}
