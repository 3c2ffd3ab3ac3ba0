package dev.watchword.notification.mail;

import java.time.Instant;

/**
 * How the outbox stands, for operators.
 *
 * @param pending            emails waiting to be sent, including those being retried
 * @param failing            pending emails whose last attempt failed (SMTP down or refusing)
 * @param sent               emails handed to the relay
 * @param expired            emails dropped because their link had expired before they could be sent
 * @param cancelled          emails dropped unsent because their user was erased
 * @param oldestPendingSince when the oldest pending email was queued; {@code null} when none is pending
 */
public record OutboxStatus(
        long pending, long failing, long sent, long expired, long cancelled, Instant oldestPendingSince) {}
