package dev.watchword.query.eventstream;

import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.envelope.WithheldFields;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only way this service learns of events: the Kafka topic, never a call to command-service.
 * <p>
 * Each event is applied to every {@link Projection} (user events) or every {@link ClientAppProjection} (client
 * app events) in one database transaction together with its
 * {@code processed_event} row, so a redelivery changes nothing. Every {@link EnvelopeProjection} (the audit
 * trail, the users' apps) sees every event in that same transaction, first, types this version does not know
 * included; it dedupes by itself. The method returns only after that transaction
 * committed, and the container commits offsets only after the method returned, so an event is never lost.
 * A failure (database down) propagates to {@link EventStreamErrorHandling}, which retries for ever.
 * <p>
 * Erasure: a {@link UserErased} is recorded in {@link ErasedUsers} before anything else, and an event of
 * an erased user reaches the projections, all of them, only without its personal fields, whatever the record held.
 * <p>
 * Only records that command-service signed are read at all ({@link SignedRecords}): the topic is not trusted.
 */
@Component
class EventStreamListener {

    private static final Logger log = LoggerFactory.getLogger(EventStreamListener.class);

    private final ProcessedEvents processedEvents;
    private final ErasedUsers erasedUsers;
    private final List<Projection> projections;
    private final List<ClientAppProjection> clientAppProjections;
    private final List<EnvelopeProjection> envelopeProjections;
    private final TransactionTemplate transaction;
    private final SignedRecords signedRecords;

    EventStreamListener(
            ProcessedEvents processedEvents,
            ErasedUsers erasedUsers,
            List<Projection> projections,
            List<ClientAppProjection> clientAppProjections,
            List<EnvelopeProjection> envelopeProjections,
            TransactionTemplate transaction,
            SignedRecords signedRecords) {
        this.processedEvents = processedEvents;
        this.erasedUsers = erasedUsers;
        this.projections = projections;
        this.clientAppProjections = clientAppProjections;
        this.envelopeProjections = envelopeProjections;
        this.transaction = transaction;
        this.signedRecords = signedRecords;
    }

    @KafkaListener(id = "projections", idIsGroup = false, topics = "${watchword.events.topic}")
    void on(ConsumerRecord<String, byte[]> record) {
        if (!signedRecords.accept(record)) {
            return;
        }
        Optional<Readable> readable = read(record);
        if (readable.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Readable erasedOrNot = withoutPersonalDataOfErasedUsers(readable.get());
            EventEnvelope envelope = erasedOrNot.envelope();
            Optional<Object> event = erasedOrNot.event();
            envelopeProjections.forEach(projection -> projection.project(envelope, event));
            if (!(event.orElse(null) instanceof UserEvent || event.orElse(null) instanceof ClientAppEvent)) {
                // Not marked processed: a later version that projects the type still applies it on a replay.
                log.debug("Type {} of {} is not projected here", envelope.type(), envelope.eventId());
                return;
            }
            if (!processedEvents.markProcessed(envelope)) {
                log.debug("Skipping {} {}: already processed", envelope.type(), envelope.eventId());
                return;
            }
            switch (event.get()) {
                case UserEvent userEvent -> projections.forEach(projection -> projection.project(envelope, userEvent));
                case ClientAppEvent appEvent ->
                    clientAppProjections.forEach(projection -> projection.project(envelope, appEvent));
                default -> throw new IllegalStateException("Not a projected type: " + envelope.type());
            }
        });
    }

    /**
     * Records an erasure, or nulls the personal fields of an event of a user erased before. The check runs for
     * every event, redeliveries included, since the audit trail sees those too.
     */
    private Readable withoutPersonalDataOfErasedUsers(Readable readable) {
        if (readable.event().orElse(null) instanceof UserErased erased) {
            erasedUsers.record(erased, Instant.now());
            return readable;
        }
        if (!erasedUsers.isErased(readable.envelope().aggregateId())) {
            return readable;
        }
        EventEnvelope erased = ErasedUsers.withoutPersonalData(readable.envelope());
        return new Readable(erased, EventCatalog.payloadOf(erased));
    }

    /**
     * Decodes a record, or logs and skips it: retrying a message that is not an envelope could never succeed.
     * A type this version does not know (a newer producer's) comes back without its record: it concerns only
     * the {@link EnvelopeProjection}s.
     */
    private static Optional<Readable> read(ConsumerRecord<String, byte[]> record) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.value() == null) {
            log.warn("Skipping record {}: no value", position);
            return Optional.empty();
        }
        try {
            EventEnvelope envelope = EventCatalog.fromBytes(record.value());
            if (isBlank(envelope.eventId()) || isBlank(envelope.type()) || envelope.payload() == null) {
                log.warn("Skipping record {}: envelope without eventId, type or payload", position);
                return Optional.empty();
            }
            // A record published before command-service withheld them may still hold credential hashes: no read
            // model, the audit trail included, stores one.
            EventEnvelope withheld = WithheldFields.withheldFrom(envelope);
            return Optional.of(new Readable(withheld, EventCatalog.payloadOf(withheld)));
        } catch (IllegalArgumentException e) {
            // Not logging the value: it may hold personal data.
            log.warn("Skipping record {}: not a readable event envelope ({})", position, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** @param event a {@link UserEvent} or a {@link ClientAppEvent}, empty for a type this version does not know */
    private record Readable(EventEnvelope envelope, Optional<Object> event) {}
}
