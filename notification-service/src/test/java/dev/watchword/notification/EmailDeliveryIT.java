package dev.watchword.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailVerificationRequested;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The verification and taken-address emails, and how the outbox copes with redelivery, outages and expiry. */
class EmailDeliveryIT extends EmailPipelineIT {

    @Autowired
    private MockMvc http;

    @Test
    void verificationRequestedWhenPublishedThenOneMultipartEmailWithOpenedTokenLink() throws Exception {
        // given
        String token = "tok-" + UUID.randomUUID();
        EventEnvelope envelope =
                verificationRequested(randomAddress(), token, Instant.now().plus(Duration.ofDays(1)));

        // when
        publish(envelope);

        // then
        String recipient = recipientOf(envelope);
        await().atMost(PATIENCE).until(() -> statusOf(envelope).equals("SENT"));
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(recipient);
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        String link = PUBLIC_URL + "/verify-email#token=" + token;
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
        EventEnvelope envelope = verificationRequested(
                randomAddress(), "tok-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1)));
        EventEnvelope later = takenAddress(randomAddress());

        // when
        publish(envelope);
        publish(envelope);
        publish(later);

        // then: one partition, so once the later event is mailed the redelivery has been consumed too
        await().atMost(PATIENCE)
                .until(() ->
                        statusOf(later).equals("SENT") && statusOf(envelope).equals("SENT"));
        assertThat(smtp.getReceivedMessagesForDomain(recipientOf(envelope))).hasSize(1);
    }

    @Test
    void verificationRequestedWhenSmtpDownThenRetriedAndSentOnceWhenBack() throws Exception {
        // given
        smtp.stop();
        EventEnvelope envelope = verificationRequested(
                randomAddress(), "tok-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1)));
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
        EventEnvelope envelope = verificationRequested(
                randomAddress(), "tok-" + UUID.randomUUID(), Instant.now().minus(Duration.ofMinutes(1)));

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
        assertThat(part(parts, 0).getContent().toString())
                .contains("reset your")
                .contains("203.0.113.7");
        assertThat(part(parts, 1).getContentType()).startsWith("text/html");
        assertThat(part(parts, 1).getContent().toString()).contains("reset your");
    }

    @Test
    void healthProbesWhenRunningThenUp() throws Exception {
        http.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        http.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    private static EventEnvelope verificationRequested(String email, String token, Instant expiresAt) {
        String userId = UUID.randomUUID().toString();
        String sealed = SEALING.seal(token, userId);
        Instant requestedAt = expiresAt.minus(Duration.ofDays(1));
        return envelope(
                new EmailVerificationRequested(userId, email, "hash-not-checked-here", sealed, requestedAt, expiresAt),
                userId);
    }

    private static String recipientOf(EventEnvelope envelope) {
        return envelope.payload().get("email").asText();
    }
}
