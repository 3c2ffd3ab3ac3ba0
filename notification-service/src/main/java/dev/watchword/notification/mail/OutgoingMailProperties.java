package dev.watchword.notification.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How outgoing email is addressed and how the outbox is drained.
 *
 * @param from   the sender address, RFC 5322 form. The default is {@code Watchword <no-reply@watchword.local>}
 *               ({@code WATCHWORD_MAIL_FROM}). Every email leaves from its address; its display name is that of
 *               the default app's emails, a client app's emails carry the app's {@code senderName} instead.
 * @param outbox the sender loop's pace and retry schedule
 */
@Validated
@ConfigurationProperties("watchword.mail")
public record OutgoingMailProperties(
        @DefaultValue("Watchword <no-reply@watchword.local>") @NotBlank
        String from,

        @DefaultValue @Valid @NotNull Outbox outbox) {

    /** @throws IllegalArgumentException when {@code from} is not an RFC 5322 address */
    public InternetAddress fromAddress() {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("watchword.mail.from is not an email address: " + from, e);
        }
    }

    /**
     * @param pollInterval   pause between two passes over the due emails. The default is 1 second.
     * @param batchSize      most emails sent in one pass. The default is 50.
     * @param initialBackoff wait before retrying after the first failed attempt; doubles per attempt.
     *                       The default is 1 second.
     * @param maxBackoff     longest wait between two attempts. There is no last attempt: an email is retried
     *                       at this pace until it is sent. The default is 5 minutes.
     * @param retention      how long a row that is done with (sent, expired, cancelled) keeps its recipient and
     *                       payload, for support questions ("was it sent?"); after that they are blanked and only
     *                       event id, type, status and times stay, which keep a redelivered event from sending
     *                       twice (OWASP ASVS 5.0 V14.2.7). The default is 7 days
     *                       ({@code WATCHWORD_MAIL_OUTBOX_RETENTION}).
     * @param pruneInterval  pause between two passes that blank rows past {@code retention}. The default is 1 hour.
     */
    public record Outbox(
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("50") @Positive int batchSize,
            @DefaultValue("1s") @NotNull Duration initialBackoff,
            @DefaultValue("5m") @NotNull Duration maxBackoff,
            @DefaultValue("7d") @NotNull Duration retention,
            @DefaultValue("1h") @NotNull Duration pruneInterval) {

        public RetryBackoff backoff() {
            return new RetryBackoff(initialBackoff, maxBackoff);
        }
    }
}
