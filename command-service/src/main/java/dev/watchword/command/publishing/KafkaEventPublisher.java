package dev.watchword.command.publishing;

import dev.watchword.events.envelope.EnvelopeSignature;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.envelope.WithheldFields;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, keyed by aggregate id so each aggregate's events keep their order.
 * It runs in a tracking processor whose token lives in PostgreSQL next to the events: a send that fails
 * (Kafka away) throws, the token does not advance, and the processor retries with backoff until Kafka is
 * back, so no event is lost. A crash between send and token update sends an event twice; consumers dedupe on
 * the event id.
 * <p>
 * What goes out is the event without the hashes of credentials and one-time secrets ({@link WithheldFields}),
 * signed ({@link EnvelopeSignature}, header {@value EnvelopeSignature#HEADER}) so that consumers can tell it from a
 * record someone else wrote to the topic.
 */
@Component
@EnableConfigurationProperties(PublishingProperties.class)
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final long SEND_TIMEOUT_SECONDS = 15;
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final EnvelopeSignature signature;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, PublishingProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topic();
        this.signature = EnvelopeSignature.withKey(properties.signingKey());
    }

    /**
     * Sends without waiting; the processor's unit of work (one batch of up to 100 events) waits for every send
     * before it commits the token, so a batch costs one round of acknowledgements, not one per event.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        EventEnvelope envelope = EventCatalog.wrap(
                message.getIdentifier(),
                payload,
                aggregateId,
                sequence,
                token.position().orElse(-1),
                message.getTimestamp());
        byte[] value = EventCatalog.toBytes(WithheldFields.withheldFrom(envelope));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, aggregateId, value);
        record.headers().add(EnvelopeSignature.HEADER, signature.sign(aggregateId, value));
        pendingSends().add(kafka.send(record));
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
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
