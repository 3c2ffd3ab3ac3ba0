package dev.watchword.notification;

import static dev.watchword.notification.EmailPipelineIT.SEALING;
import static dev.watchword.notification.EmailPipelineIT.envelope;
import static dev.watchword.notification.EmailPipelineIT.randomAddress;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordResetRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The account emails, one per triggering event, with a factory for a random event of each kind.
 * {@code page} is the {@link EmailLinks} page of emails that carry a link, {@code null} for the others.
 */
enum AccountEmail {
    PASSWORD_RESET("Reset your password", EmailLinks.RESET_PASSWORD) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            String token = token();
            return new Sample(
                    envelope(
                            new PasswordResetRequested(
                                    userId,
                                    randomAddress(),
                                    "hash-not-checked-here",
                                    SEALING.seal(token, userId),
                                    IP_ADDRESS,
                                    expiresAt.minus(Duration.ofHours(1)),
                                    expiresAt),
                            userId),
                    "email",
                    token);
        }
    },
    PASSWORD_CHANGED("Your password was changed", null) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            return new Sample(
                    envelope(
                            new PasswordChanged(
                                    userId,
                                    randomAddress(),
                                    "$argon2id$not-checked-here",
                                    PasswordChangeReason.RESET,
                                    IP_ADDRESS,
                                    Instant.now()),
                            userId),
                    "email",
                    null);
        }
    },
    EMAIL_CHANGE_REQUESTED("Confirm your new email address", EmailLinks.CONFIRM_EMAIL_CHANGE) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            String token = token();
            return new Sample(
                    envelope(
                            new EmailChangeRequested(
                                    userId,
                                    randomAddress(),
                                    randomAddress(),
                                    "hash-not-checked-here",
                                    SEALING.seal(token, userId),
                                    expiresAt.minus(Duration.ofHours(1)),
                                    expiresAt),
                            userId),
                    "newEmail",
                    token);
        }
    },
    EMAIL_CHANGED("Your email address was changed", null) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            return new Sample(
                    envelope(new EmailChanged(userId, randomAddress(), randomAddress(), Instant.now()), userId),
                    "previousEmail",
                    null);
        }
    },
    MAGIC_LINK("Your sign-in link", EmailLinks.MAGIC_LINK) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            String token = token();
            return new Sample(
                    envelope(
                            new MagicLinkRequested(
                                    userId,
                                    randomAddress(),
                                    "hash-not-checked-here",
                                    SEALING.seal(token, userId),
                                    IP_ADDRESS,
                                    expiresAt.minus(Duration.ofMinutes(10)),
                                    expiresAt),
                            userId),
                    "email",
                    token);
        }
    },
    SIGN_IN_CODE("Your sign-in code", null) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            String code = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
            return new Sample(
                    envelope(
                            new EmailOtpRequested(
                                    userId,
                                    randomAddress(),
                                    UUID.randomUUID().toString(),
                                    "hmac-not-checked-here",
                                    SEALING.seal(code, userId),
                                    IP_ADDRESS,
                                    expiresAt.minus(Duration.ofMinutes(10)),
                                    expiresAt),
                            userId),
                    "email",
                    code);
        }
    },
    LOGIN_LOCKED("Sign-in attempts blocked", null) {
        @Override
        Sample sample(Instant expiresAt) {
            String userId = userId();
            Instant lockedAt = Instant.now();
            return new Sample(
                    envelope(
                            new LoginLocked(
                                    userId,
                                    randomAddress(),
                                    IP_ADDRESS,
                                    5,
                                    lockedAt,
                                    lockedAt.plus(Duration.ofMinutes(15))),
                            userId),
                    "email",
                    null);
        }
    };

    static final String IP_ADDRESS = "198.51.100.23";

    /**
     * @param envelope       the event as published
     * @param recipientField the payload field holding the address the email must go to
     * @param secret         the opened token or code the email must show, {@code null} if it carries none
     */
    record Sample(EventEnvelope envelope, String recipientField, String secret) {

        String recipient() {
            return envelope.payload().get(recipientField).asText();
        }
    }

    final String subject;
    final String page;

    AccountEmail(String subject, String page) {
        this.subject = subject;
        this.page = page;
    }

    /** @param expiresAt when the link or code stops working; ignored by emails that carry neither */
    abstract Sample sample(Instant expiresAt);

    Sample sample() {
        return sample(Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** The email's link, as it must appear, for an opened token. */
    String link(String token) {
        return EmailPipelineIT.PUBLIC_URL + page + "#token=" + token;
    }

    private static String userId() {
        return UUID.randomUUID().toString();
    }

    private static String token() {
        // URL-safe like command-service's tokens, so that the link shows it unencoded.
        return "tok-" + UUID.randomUUID();
    }
}
