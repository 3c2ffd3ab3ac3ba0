package dev.watchword.command.publishing;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${watchword.events.topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /**
     * Sends without waiting; the processor's unit of work (one batch of up to 100 events) waits for every send
     * before it commits the token, so a batch costs one round of acknowledgements, not one per event.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        EventEnvelope envelope = EventCatalog.wrap(message.getIdentifier(), payload, aggregateId, sequence,
                token.position().orElse(-1), message.getTimestamp());
        pendingSends().add(kafka.send(topic, aggregateId, EventCatalog.toBytes(envelope)));
    }

    private static List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailable(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable(e);
        }
    }

    static class KafkaUnavailable extends RuntimeException {

        KafkaUnavailable(Throwable cause) {
            super("Events not published yet; the batch will be retried", cause);
        }
    }
}
