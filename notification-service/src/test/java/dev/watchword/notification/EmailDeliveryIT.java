package dev.watchword.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.secret.SealedSecret;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole path: an envelope on a real (in-JVM) Kafka topic, the outbox in real PostgreSQL, delivery to a
 * real (in-JVM) SMTP server. Every address and id is random, so rows left by earlier runs never matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
@EmbeddedKafka(kraft = true, partitions = 1, topics = "watchword.events",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmailDeliveryIT {

    private static final String TOPIC = "watchword.events";
    private static final String SEALING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SMTP_PORT = freePort();

    private static GreenMail smtp;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MockMvc http;

    private KafkaTemplate<String, byte[]> kafka;

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
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Test
    void verificationRequestedWhenPublishedThenOneMultipartEmailWithOpenedTokenLink() throws Exception {
        // given
        String token = "tok-" + UUID.randomUUID();
        EventEnvelope envelope = verificationRequested(randomAddress(), token, Instant.now().plus(Duration.ofDays(1)));

        // when
        publish(envelope);

        // then
        String recipient = recipientOf(envelope);
        await().atMost(PATIENCE).until(() -> statusOf(envelope).equals("SENT"));
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipient);
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        String link = "https://watchword.test/verify-email#token=" + token;
        assertThat(email.getSubject()).isEqualTo("Confirm your email address");
        assertThat(email.getFrom()[0].toString()).isEqualTo("Watchword <no-reply@watchword.local>");
        assertThat(email.getMessageID()).isEqualTo("<" + envelope.eventId() + "@watchword>");
        assertThat(email.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) email.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(part(parts, 0).getContentType()).startsWith("text/plain");
        assertThat(part(parts, 0).getContent().toString()).contains(link).contains("expires on");
        assertThat(part(parts, 1).getContentType()).startsWith("text/html");
        assertThat(part(parts, 1).getContent().toString()).contains("href=\"" + link + "\"");
        assertThat(storedRowText(envelope)).doesNotContain(token);
    }

    @Test
    void verificationRequestedWhenPublishedTwiceThenOneEmail() throws Exception {
        // given
        EventEnvelope envelope = verificationRequested(randomAddress(), "tok-" + UUID.randomUUID(),
                Instant.now().plus(Duration.ofDays(1)));
        EventEnvelope later = takenAddress(randomAddress());

        // when
        publish(envelope);
        publish(envelope);
        publish(later);

        // then: one partition, so once the later event is mailed the redelivery has been consumed too
        await().atMost(PATIENCE).until(() -> statusOf(later).equals("SENT") && statusOf(envelope).equals("SENT"));
        assertThat(smtp.getReceivedMessagesForDomain(recipientOf(envelope))).hasSize(1);
    }

    @Test
    void verificationRequestedWhenSmtpDownThenRetriedAndSentOnceWhenBack() throws Exception {
        // given
        smtp.stop();
        EventEnvelope envelope = verificationRequested(randomAddress(), "tok-" + UUID.randomUUID(),
                Instant.now().plus(Duration.ofDays(1)));
        try {
            // when
            publish(envelope);

            // then
            await().atMost(PATIENCE).until(() -> attemptsOf(envelope) >= 2);
            assertThat(statusOf(envelope)).isEqualTo("PENDING");
            http.perform(get("/outbox/status"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.failing").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        } finally {
            smtp = startedSmtp();
        }
        await().atMost(PATIENCE).until(() -> statusOf(envelope).equals("SENT"));
        assertThat(smtp.getReceivedMessagesForDomain(recipientOf(envelope))).hasSize(1);
    }

    @Test
    void verificationRequestedWhenExpiredBeforeSendingThenMarkedExpiredAndNotSent() throws Exception {
        // given
        EventEnvelope envelope = verificationRequested(randomAddress(), "tok-" + UUID.randomUUID(),
                Instant.now().minus(Duration.ofMinutes(1)));

        // when
        publish(envelope);

        // then
        await().atMost(PATIENCE).until(() -> statusOf(envelope).equals("EXPIRED"));
        assertThat(smtp.getReceivedMessagesForDomain(recipientOf(envelope))).isEmpty();
    }

    @Test
    void registrationAttemptedForTakenEmailWhenPublishedThenOwnerWarned() throws Exception {
        // given
        EventEnvelope envelope = takenAddress(randomAddress());

        // when
        publish(envelope);

        // then
        await().atMost(PATIENCE).until(() -> statusOf(envelope).equals("SENT"));
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipientOf(envelope));
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Someone tried to register with your address");
        MimeMultipart parts = (MimeMultipart) received[0].getContent();
        assertThat(part(parts, 0).getContent().toString()).contains("reset your").contains("203.0.113.7");
        assertThat(part(parts, 1).getContentType()).startsWith("text/html");
        assertThat(part(parts, 1).getContent().toString()).contains("reset your");
    }

    @Test
    void healthProbesWhenRunningThenUp() throws Exception {
        http.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        http.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    private static EventEnvelope verificationRequested(String email, String token, Instant expiresAt) {
        String userId = UUID.randomUUID().toString();
        String sealed = SealedSecret.withKey(SEALING_KEY).seal(token, userId);
        Instant requestedAt = expiresAt.minus(Duration.ofDays(1));
        return envelope(new EmailVerificationRequested(userId, email, "hash-not-checked-here", sealed,
                requestedAt, expiresAt), userId);
    }

    private static EventEnvelope takenAddress(String email) {
        String userId = UUID.randomUUID().toString();
        return envelope(new RegistrationAttemptedForTakenEmail(userId, email, "203.0.113.7", Instant.now()), userId);
    }

    private static EventEnvelope envelope(Object payload, String userId) {
        return EventCatalog.wrap(UUID.randomUUID().toString(), payload, userId, 1, 1, Instant.now());
    }

    private void publish(EventEnvelope envelope) throws Exception {
        kafka.send(new ProducerRecord<>(TOPIC, envelope.aggregateId(), EventCatalog.toBytes(envelope))).get();
    }

    private static String recipientOf(EventEnvelope envelope) {
        return envelope.payload().get("email").asText();
    }

    private String statusOf(EventEnvelope envelope) {
        return jdbc.sql("select status from outgoing_email where event_id = ?").param(envelope.eventId())
                .query(String.class).optional().orElse("ABSENT");
    }

    private int attemptsOf(EventEnvelope envelope) {
        return jdbc.sql("select attempts from outgoing_email where event_id = ?").param(envelope.eventId())
                .query(Integer.class).optional().orElse(0);
    }

    private String storedRowText(EventEnvelope envelope) {
        return jdbc.sql("select o::text from outgoing_email o where event_id = ?").param(envelope.eventId())
                .query(String.class).single();
    }

    private static BodyPart part(MimeMultipart parts, int index) throws Exception {
        return parts.getBodyPart(index);
    }

    private static String randomAddress() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    private static GreenMail startedSmtp() {
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
