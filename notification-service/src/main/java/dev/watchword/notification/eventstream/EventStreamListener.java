package dev.watchword.notification.eventstream;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.notification.mail.MailOutbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads the event topic and queues the emails the events call for. It only writes the outbox row; the offset
 * is committed once that transaction has committed, so an event is either queued or redelivered.
 */
@Component
class UserEventListener {

    private static final Logger log = LoggerFactory.getLogger(UserEventListener.class);

    private final MailOutbox outbox;

    UserEventListener(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @KafkaListener(topics = "${watchword.events.topic:watchword.events}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        Optional<Object> event;
        try {
            envelope = EventCatalog.fromBytes(record.value());
            if (envelope.eventId() == null || envelope.eventId().isBlank()) {
                throw new IllegalArgumentException("Envelope without eventId");
            }
            event = EventCatalog.payloadOf(envelope);
        } catch (IllegalArgumentException e) {
            // Redelivering bytes that do not parse cannot help; stopping the partition would block every
            // later email. Logged with its position so it can be inspected.
            log.error("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event.isEmpty()) {
            log.debug("Skipping event {} of a type this service does not know: {}", envelope.eventId(),
                    envelope.type());
            return;
        }
        outbox.enqueue(envelope, event.get());
    }
}
