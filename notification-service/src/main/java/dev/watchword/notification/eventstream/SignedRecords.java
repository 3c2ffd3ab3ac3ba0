package dev.watchword.notification.eventstream;

import dev.watchword.events.envelope.EnvelopeSignature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gate in front of the listener: a record is applied only if command-service signed it
 * ({@link EnvelopeSignature}, OWASP ASVS 5.0 V4.1.5). Anything else on the topic (no signature, a wrong one,
 * another key) is logged and skipped, never retried (it can never verify) and never fatal to the consumer, and
 * counted in {@value #METRIC} by {@code reason} ({@code unsigned}, {@code bad-signature}), which an operator can
 * alert on: a forged record means someone writes to the topic.
 */
@Component
class SignedRecords {

    static final String METRIC = "watchword.events.rejected";

    private static final Logger log = LoggerFactory.getLogger(SignedRecords.class);

    private final EnvelopeSignature signature;
    private final Counter unsigned;
    private final Counter badlySigned;

    SignedRecords(EventStreamProperties properties, MeterRegistry meters) {
        this.signature = EnvelopeSignature.withKey(properties.signingKey());
        this.unsigned = Counter.builder(METRIC)
                .tag("reason", "unsigned")
                .description("Event records skipped for want of a valid signature")
                .register(meters);
        this.badlySigned = Counter.builder(METRIC)
                .tag("reason", "bad-signature")
                .description("Event records skipped for want of a valid signature")
                .register(meters);
    }

    /** Whether the record carries a valid signature; logs and counts it when not. */
    boolean accept(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EnvelopeSignature.HEADER);
        if (header == null) {
            unsigned.increment();
            // Not logging the value: it may hold personal data.
            log.warn("Skipping record {}-{}@{}: not signed", record.topic(), record.partition(), record.offset());
            return false;
        }
        if (!signature.verifies(record.key(), record.value(), header.value())) {
            badlySigned.increment();
            log.warn(
                    "Skipping record {}-{}@{}: its signature does not verify",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return false;
        }
        return true;
    }
}
