package dev.watchword.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.envelope.EnvelopeSignature;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Only records that command-service signed queue an email: write access to the topic is no way to have mail sent
 * in Watchword's name. The rest are skipped and counted, and the consumer goes on.
 */
class SignedRecordsIT extends EmailPipelineIT {

    private static final EnvelopeSignature FOREIGN_KEY =
            EnvelopeSignature.withKey("HxwdHhobGBkWFxQVEhMQEQ4PDA0KCwgJBgcEBQIDAAE=");

    @Autowired
    MeterRegistry meters;

    @Test
    void onWhenRecordUnsignedOrSignedWithAnotherKeyThenNoEmailCountedAndLaterEventsSent() throws Exception {
        // given
        double unsignedBefore = rejected("unsigned");
        double badBefore = rejected("bad-signature");
        EventEnvelope unsigned = takenAddress(randomAddress());
        EventEnvelope foreign = takenAddress(randomAddress());
        EventEnvelope genuine = takenAddress(randomAddress());
        ProducerRecord<String, byte[]> foreignRecord =
                new ProducerRecord<>(TOPIC, foreign.aggregateId(), EventCatalog.toBytes(foreign));
        foreignRecord
                .headers()
                .add(EnvelopeSignature.HEADER, FOREIGN_KEY.sign(foreignRecord.key(), foreignRecord.value()));

        // when
        publishUnsigned(unsigned);
        kafka.send(foreignRecord).get();
        publish(genuine);

        // then
        await().atMost(PATIENCE).until(() -> !"ABSENT".equals(statusOf(genuine)));
        assertThat(statusOf(unsigned)).isEqualTo("ABSENT");
        assertThat(statusOf(foreign)).isEqualTo("ABSENT");
        assertThat(rejected("unsigned") - unsignedBefore).isEqualTo(1.0);
        assertThat(rejected("bad-signature") - badBefore).isEqualTo(1.0);
    }

    private double rejected(String reason) {
        return meters.get("watchword.events.rejected")
                .tag("reason", reason)
                .counter()
                .count();
    }
}
