package dev.watchword.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.notification.AccountEmail.Sample;
import dev.watchword.notification.mail.EmailTimes;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The account emails: one per event, to the right address, as text and HTML, with the link on the configured
 * public origin or the code, each secret opened only in the sent email (never in the outbox row or a log).
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountEmailsIT extends EmailPipelineIT {

    @Test
    void passwordResetRequestedWhenConsumedThenOneEmailWithResetLink(CapturedOutput log) throws Exception {
        // given
        Sample sample = AccountEmail.PASSWORD_RESET.sample();

        // when
        Received email = receiveOne(AccountEmail.PASSWORD_RESET, sample, log);

        // then
        assertThat(email.text())
                .contains("/reset-password#token=")
                .contains("expires on " + EmailTimes.format(expiresAt(sample)))
                .contains("nothing changes");
        assertThat(email.html()).contains("nothing changes");
    }

    @ParameterizedTest
    @EnumSource(PasswordChangeReason.class)
    void passwordChangedWhenConsumedThenOwnerToldHowWhenAndFromWhere(PasswordChangeReason reason, CapturedOutput log)
            throws Exception {
        // given
        String userId = UUID.randomUUID().toString();
        Instant changedAt = Instant.parse("2025-05-03T14:32:00Z");
        Sample sample = new Sample(
                envelope(
                        new PasswordChanged(
                                userId,
                                randomAddress(),
                                "$argon2id$not-checked",
                                reason,
                                AccountEmail.IP_ADDRESS,
                                changedAt),
                        userId),
                "email",
                null);

        // when
        Received email = receiveOne(AccountEmail.PASSWORD_CHANGED, sample, log);

        // then
        String how = switch (reason) {
            case RESET -> "reset with a password reset link";
            case VERIFICATION -> "set when this address was confirmed";
            case CHANGE -> "changed from within";
        };
        for (String part : email.parts()) {
            assertThat(part)
                    .contains(how)
                    .contains("3 May 2025, 14:32 UTC")
                    .contains(AccountEmail.IP_ADDRESS)
                    .contains("reset your password")
                    .contains(PUBLIC_URL);
        }
    }

    @Test
    void emailChangeRequestedWhenConsumedThenNewAddressGetsConfirmationLink(CapturedOutput log) throws Exception {
        // given
        Sample sample = AccountEmail.EMAIL_CHANGE_REQUESTED.sample();

        // when
        Received email = receiveOne(AccountEmail.EMAIL_CHANGE_REQUESTED, sample, log);

        // then
        assertThat(email.text())
                .contains("/confirm-email-change#token=")
                .contains("expires on " + EmailTimes.format(expiresAt(sample)));
        assertThat(smtp.getReceivedMessagesForDomain(
                        sample.envelope().payload().get("email").asText()))
                .isEmpty();
    }

    @Test
    void emailChangedWhenConsumedThenPreviousAddressToldWhichNewAddressAndWhen(CapturedOutput log) throws Exception {
        // given
        Sample sample = AccountEmail.EMAIL_CHANGED.sample();
        String newAddress = sample.envelope().payload().get("email").asText();
        Instant changedAt =
                Instant.parse(sample.envelope().payload().get("changedAt").asText());

        // when
        Received email = receiveOne(AccountEmail.EMAIL_CHANGED, sample, log);

        // then
        for (String part : email.parts()) {
            assertThat(part)
                    .contains(newAddress)
                    .contains(EmailTimes.format(changedAt))
                    .contains("If it was not you");
        }
        assertThat(smtp.getReceivedMessagesForDomain(newAddress)).isEmpty();
    }

    @Test
    void magicLinkRequestedWhenConsumedThenOneEmailWithSignInLinkForTenMinutes(CapturedOutput log) throws Exception {
        // given
        Sample sample = AccountEmail.MAGIC_LINK.sample();

        // when
        Received email = receiveOne(AccountEmail.MAGIC_LINK, sample, log);

        // then
        for (String part : email.parts()) {
            assertThat(part)
                    .contains("/magic-link#token=")
                    .contains("10 minutes")
                    .contains(EmailTimes.format(expiresAt(sample)));
        }
    }

    @Test
    void emailOtpRequestedWhenConsumedThenOneEmailWithCodeAndTheCodeNowhereElse(CapturedOutput log) throws Exception {
        // given
        Sample sample = AccountEmail.SIGN_IN_CODE.sample();

        // when
        Received email = receiveOne(AccountEmail.SIGN_IN_CODE, sample, log);

        // then: receiveOne checked the outbox row and the log; the code stands on its own in both parts
        assertThat(email.text())
                .containsPattern("(?m)^\\s*" + sample.secret() + "\\s*$")
                .contains("10 minutes");
        assertThat(email.html()).contains(">" + sample.secret() + "</p>");
        assertThat(email.message().getSubject()).doesNotContain(sample.secret());
    }

    @Test
    void loginLockedWhenConsumedThenOwnerToldAttemptsAddressAndUntilWhen(CapturedOutput log) throws Exception {
        // given
        String userId = UUID.randomUUID().toString();
        Instant lockedAt = Instant.parse("2025-05-03T14:32:00Z");
        Sample sample = new Sample(
                envelope(
                        new LoginLocked(
                                userId,
                                randomAddress(),
                                AccountEmail.IP_ADDRESS,
                                7,
                                lockedAt,
                                lockedAt.plus(Duration.ofMinutes(15))),
                        userId),
                "email",
                null);

        // when
        Received email = receiveOne(AccountEmail.LOGIN_LOCKED, sample, log);

        // then
        for (String part : email.parts()) {
            assertThat(part)
                    .contains("7")
                    .contains("failed attempts")
                    .contains(AccountEmail.IP_ADDRESS)
                    .contains("3 May 2025, 14:47 UTC")
                    .contains("reset your password");
        }
    }

    @ParameterizedTest
    @EnumSource(AccountEmail.class)
    void accountEmailWhenEnvelopeRedeliveredThenSentOnce(AccountEmail kind) throws Exception {
        // given
        Sample sample = kind.sample();
        EventEnvelope later = takenAddress(randomAddress());

        // when
        publish(sample.envelope());
        publish(sample.envelope());
        publish(later);

        // then: one partition, so once the later event is mailed the redelivery has been consumed too
        await().atMost(PATIENCE)
                .until(() -> statusOf(later).equals("SENT")
                        && statusOf(sample.envelope()).equals("SENT"));
        assertThat(smtp.getReceivedMessagesForDomain(sample.recipient())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = AccountEmail.class,
            names = {"PASSWORD_RESET", "EMAIL_CHANGE_REQUESTED", "MAGIC_LINK", "SIGN_IN_CODE"})
    void linkOrCodeWhenExpiredBeforeSendingThenMarkedExpiredAndNotSent(AccountEmail kind) throws Exception {
        // given
        Sample sample = kind.sample(Instant.now().minus(Duration.ofMinutes(1)));

        // when
        publish(sample.envelope());

        // then
        await().atMost(PATIENCE).until(() -> statusOf(sample.envelope()).equals("EXPIRED"));
        assertThat(smtp.getReceivedMessagesForDomain(sample.recipient())).isEmpty();
    }

    @Test
    void eventsWithoutEmailWhenConsumedTwiceThenNothingQueuedAndLaterEmailsFlow() throws Exception {
        // given
        String userId = UUID.randomUUID().toString();
        String sessionId = UUID.randomUUID().toString();
        String address = randomAddress();
        Instant now = Instant.now();
        List<EventEnvelope> silent = List.of(
                envelope(new UserRegistered(userId, address, "$argon2id$not-checked", now), userId),
                envelope(new EmailVerified(userId, address, now), userId),
                envelope(
                        new LoginSucceeded(
                                userId, sessionId, AccountEmail.IP_ADDRESS, "test", now, LoginMethod.PASSWORD),
                        userId),
                envelope(
                        new SessionStarted(
                                userId,
                                sessionId,
                                "hash",
                                AccountEmail.IP_ADDRESS,
                                "test",
                                now,
                                now.plus(Duration.ofDays(1))),
                        userId),
                envelope(
                        new RefreshTokenRotated(userId, sessionId, "old", "new", now, now.plus(Duration.ofDays(1))),
                        userId),
                envelope(
                        new LoginFailed(
                                userId, LoginFailureReason.WRONG_PASSWORD, AccountEmail.IP_ADDRESS, "test", now),
                        userId),
                envelope(
                        new EmailOtpFailed(
                                userId, UUID.randomUUID().toString(), 1, AccountEmail.IP_ADDRESS, "test", now),
                        userId),
                envelope(
                        new RefreshTokenReuseDetected(userId, sessionId, AccountEmail.IP_ADDRESS, "test", now), userId),
                envelope(
                        new SessionRevoked(
                                userId,
                                sessionId,
                                SessionRevocationReason.REFRESH_TOKEN_REUSE,
                                now,
                                now.plus(Duration.ofMinutes(5))),
                        userId));
        EventEnvelope later = takenAddress(randomAddress());

        // when
        for (EventEnvelope envelope : silent) {
            publish(envelope);
            publish(envelope);
        }
        publish(later);

        // then: a listener error would stall the partition, and the later email would never be sent
        await().atMost(PATIENCE).until(() -> statusOf(later).equals("SENT"));
        assertThat(silent).allSatisfy(envelope -> assertThat(statusOf(envelope)).isEqualTo("ABSENT"));
        assertThat(smtp.getReceivedMessagesForDomain(address)).isEmpty();
    }

    /**
     * Publishes the sample's event and checks what every account email must satisfy: exactly one email, to
     * the right address, with the right subject, text then HTML, the link on the configured public origin (or
     * the code) in both parts, and the secret neither in the outbox row nor in the log.
     */
    private Received receiveOne(AccountEmail kind, Sample sample, CapturedOutput log) throws Exception {
        publish(sample.envelope());
        await().atMost(PATIENCE).until(() -> statusOf(sample.envelope()).equals("SENT"));

        MimeMessage[] received = smtp.getReceivedMessagesForDomain(sample.recipient());
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(sample.recipient());
        assertThat(message.getSubject()).isEqualTo(kind.subject);
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(part(parts, 0).getContentType()).startsWith("text/plain");
        assertThat(part(parts, 1).getContentType()).startsWith("text/html");
        Received email = new Received(
                message,
                part(parts, 0).getContent().toString(),
                part(parts, 1).getContent().toString());

        if (kind.page != null) {
            String link = kind.link(sample.secret());
            assertThat(email.text()).contains(link);
            assertThat(email.html()).contains("href=\"" + link + "\"");
        } else if (sample.secret() != null) {
            assertThat(email.parts()).allSatisfy(part -> assertThat(part).contains(sample.secret()));
        }
        if (sample.secret() != null) {
            assertThat(storedRowText(sample.envelope())).doesNotContain(sample.secret());
            // The sender's log line for this event proves the log was captured; the secret is not in it.
            assertThat(log.getAll()).contains(sample.envelope().eventId()).doesNotContain(sample.secret());
        }
        return email;
    }

    private static Instant expiresAt(Sample sample) {
        return Instant.parse(sample.envelope().payload().get("expiresAt").asText());
    }

    private record Received(MimeMessage message, String text, String html) {

        List<String> parts() {
            return List.of(text, html);
        }
    }
}
