package dev.watchword.query.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.envelope.EnvelopeSignature;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The topic is not trusted: only records that command-service signed reach any read model, the audit trail
 * included; the others are skipped and counted, and the consumer goes on.
 */
class SignedRecordsIT extends IntegrationTestSupport {

    private static final EnvelopeSignature FOREIGN_KEY =
            EnvelopeSignature.withKey("HxwdHhobGBkWFxQVEhMQEQ4PDA0KCwgJBgcEBQIDAAE=");

    @Autowired
    MeterRegistry meters;

    @Test
    void onWhenRecordUnsignedOrSignedWithAnotherKeyThenSkippedCountedAndLaterEventsApplied() {
        // given
        String userId = randomId();
        double unsignedBefore = rejected("unsigned");
        double badBefore = rejected("bad-signature");
        byte[] unsigned = EventCatalog.toBytes(registered(userId, "forged-unsigned@example.com"));
        byte[] foreign = EventCatalog.toBytes(registered(userId, "forged-foreign@example.com"));
        ProducerRecord<String, byte[]> foreignRecord = new ProducerRecord<>(topic(), userId, foreign);
        foreignRecord.headers().add(EnvelopeSignature.HEADER, FOREIGN_KEY.sign(userId, foreign));
        byte[] genuine = EventCatalog.toBytes(registered(userId, "genuine@example.com"));
        ProducerRecord<String, byte[]> tampered = new ProducerRecord<>(topic(), userId, unsigned);
        tampered.headers().add(EnvelopeSignature.HEADER, SIGNATURE.sign(userId, genuine));

        // when
        publishRecord(new ProducerRecord<>(topic(), userId, unsigned));
        publishRecord(foreignRecord);
        publishRecord(tampered);
        publishRaw(userId, genuine);

        // then
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !auditedEmailsOf(userId).isEmpty());
        assertThat(auditedEmailsOf(userId)).containsExactly("genuine@example.com");
        assertThat(rejected("unsigned") - unsignedBefore).isEqualTo(1.0);
        assertThat(rejected("bad-signature") - badBefore).isEqualTo(2.0);
    }

    private static EventEnvelope registered(String userId, String email) {
        return EventCatalog.wrap(
                randomId(), new UserRegistered(userId, email, null, Instant.now(), null), userId, 0, 1, Instant.now());
    }

    private List<String> auditedEmailsOf(String userId) {
        return jdbc.sql("select payload ->> 'email' from audit_entry where aggregate_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .list();
    }

    private double rejected(String reason) {
        return meters.get(SignedRecords.METRIC).tag("reason", reason).counter().count();
    }

    private String topic() {
        return "watchword.events";
    }
}
