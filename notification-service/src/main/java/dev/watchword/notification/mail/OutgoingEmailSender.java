package dev.watchword.notification.mail;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: every {@code poll-interval}, claims due emails one by one, sends each over SMTP and
 * records the outcome in the same transaction as the claim. A failed send is retried with exponential
 * back-off for as long as it takes; nothing is dropped.
 * <p>
 * The row stays locked while the email is sent. Should the process die after the relay accepted the email
 * but before the commit, the row is sent again later with the same Message-ID; that is the one duplicate
 * SMTP cannot rule out (there is no two-phase commit with a mail relay).
 */
@Component
class OutgoingEmailSender implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutgoingEmailSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final OutgoingEmailRepository repository;
    private final EmailComposers composers;
    private final SmtpMailer mailer;
    private final TransactionTemplate transaction;
    private final OutgoingMailProperties.Outbox settings;
    private final RetryBackoff backoff;
    private final Clock clock;

    OutgoingEmailSender(
            OutgoingEmailRepository repository,
            EmailComposers composers,
            SmtpMailer mailer,
            TransactionTemplate transaction,
            OutgoingMailProperties properties,
            Clock clock) {
        this.repository = repository;
        this.composers = composers;
        this.mailer = mailer;
        this.transaction = transaction;
        this.settings = properties.outbox();
        this.backoff = settings.backoff();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDue, settings.pollInterval());
    }

    /** One pass: sends due emails until none is left or the batch is full. */
    void sendDue() {
        try {
            for (int i = 0; i < settings.batchSize(); i++) {
                if (!Boolean.TRUE.equals(transaction.execute(status -> sendNext()))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database is unreachable: the rows are untouched and the next pass tries again.
            log.warn("Outbox pass aborted, retrying in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    private boolean sendNext() {
        return repository
                .claimNextDue()
                .map(email -> {
                    send(email);
                    return true;
                })
                .orElse(false);
    }

    private void send(OutgoingEmail email) {
        if (email.expiresAt() != null && !clock.instant().isBefore(email.expiresAt())) {
            repository.markExpired(email.eventId());
            log.info(
                    "Email for event {} ({}) expired at {} before it could be sent; not sending it",
                    email.eventId(),
                    email.eventType(),
                    email.expiresAt());
            return;
        }
        try {
            mailer.send(email.eventId(), email.recipient(), composers.compose(email));
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError (a broken template or class) is caught too: left to escape, it would abort every
            // pass on this row, which sorts first, and starve all the emails behind it.
            int attempts = email.attempts() + 1;
            Duration retryAfter = backoff.delayAfter(attempts);
            repository.markFailed(email.eventId(), attempts, retryAfter, describe(e));
            // Only ids and the exception: the rendered body holds a link token or sign-in code (ASVS 4.0.3 V7.1.1).
            log.warn(
                    "Email for event {} ({}) not sent, attempt {}, next attempt in {}: {}",
                    email.eventId(),
                    email.eventType(),
                    attempts,
                    retryAfter,
                    describe(e));
            return;
        }
        repository.markSent(email.eventId());
        log.info("Email for event {} ({}) sent", email.eventId(), email.eventType());
    }

    private static String describe(Throwable e) {
        StringBuilder text =
                new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" <- ")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
