package dev.watchword.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.watchword.events.envelope.EnvelopeSignature;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.secret.SealedSecret;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path that every {@code *IT} here drives: an envelope on a real (in-JVM) Kafka topic, the outbox in
 * real PostgreSQL, delivery to a real (in-JVM) SMTP server. The subclasses declare nothing of their own, so
 * they share one Spring context, one broker and one SMTP port. Every address and id is random, so rows left
 * by earlier runs or other tests never matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
@EmbeddedKafka(
        partitions = 1,
        topics = EmailPipelineIT.TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class EmailPipelineIT {

    static final String TOPIC = "watchword.events";
    /** The key in {@code application-it.yml}; a fixed test key, never a real one. */
    static final SealedSecret SEALING = SealedSecret.withKey("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    /** watchword.events.signing-key of application-it.yml. */
    static final EnvelopeSignature SIGNATURE =
            EnvelopeSignature.withKey("c2lnbmluZy1rZXktb2YtdGhlLWV2ZW50LXRlc3RzLTM=");
    /** {@code watchword.public-url} in {@code application-it.yml}, without its trailing slash. */
    static final String PUBLIC_URL = "https://watchword.test";

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SMTP_PORT = freePort();

    static GreenMail smtp;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    KafkaTemplate<String, byte[]> kafka;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = startedSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void connectProducer() {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        kafka = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    static EventEnvelope takenAddress(String email) {
        String userId = UUID.randomUUID().toString();
        return envelope(new RegistrationAttemptedForTakenEmail(userId, email, "203.0.113.7", Instant.now()), userId);
    }

    static EventEnvelope envelope(Object payload, String userId) {
        return EventCatalog.wrap(UUID.randomUUID().toString(), payload, userId, 1, 1, Instant.now());
    }

    /** Publishes as command-service does: signed with the events key of application-it.yml. */
    void publish(EventEnvelope envelope) throws Exception {
        kafka.send(signed(new ProducerRecord<>(TOPIC, envelope.aggregateId(), EventCatalog.toBytes(envelope))))
                .get();
    }

    /** Publishes without a signature, as anyone with write access to the topic could. */
    void publishUnsigned(EventEnvelope envelope) throws Exception {
        kafka.send(new ProducerRecord<>(TOPIC, envelope.aggregateId(), EventCatalog.toBytes(envelope)))
                .get();
    }

    static ProducerRecord<String, byte[]> signed(ProducerRecord<String, byte[]> record) {
        record.headers().add(EnvelopeSignature.HEADER, SIGNATURE.sign(record.key(), record.value()));
        return record;
    }

    String statusOf(EventEnvelope envelope) {
        return jdbc.sql("select status from outgoing_email where event_id = ?")
                .param(envelope.eventId())
                .query(String.class)
                .optional()
                .orElse("ABSENT");
    }

    int attemptsOf(EventEnvelope envelope) {
        return jdbc.sql("select attempts from outgoing_email where event_id = ?")
                .param(envelope.eventId())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    String storedRowText(EventEnvelope envelope) {
        return jdbc.sql("select o::text from outgoing_email o where event_id = ?")
                .param(envelope.eventId())
                .query(String.class)
                .single();
    }

    static BodyPart part(MimeMultipart parts, int index) throws Exception {
        return parts.getBodyPart(index);
    }

    static String randomAddress() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    static GreenMail startedSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
