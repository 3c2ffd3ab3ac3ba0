package dev.watchword.command.publishing;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, keyed by aggregate id so each aggregate's events keep their order.
 * It runs in a tracking processor whose token lives in PostgreSQL next to the events: a send that fails
 * (Kafka away) throws, the token does not advance, and the processor retries with backoff until Kafka is
 * back, so no event is lost. A crash between send and token update sends an event twice; consumers dedupe on
 * the event id.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${watchword.events.topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) throws Exception {
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        EventEnvelope envelope = EventCatalog.wrap(message.getIdentifier(), payload, aggregateId, sequence,
                token.position().orElse(-1), message.getTimestamp());
        try {
            kafka.send(topic, aggregateId, EventCatalog.toBytes(envelope)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailable(envelope.eventId(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailable(envelope.eventId(), e);
        }
    }

    static class KafkaUnavailable extends Exception {

        KafkaUnavailable(String eventId, Throwable cause) {
            super("Event " + eventId + " not published yet; will retry", cause);
        }
    }
}
