package dev.watchword.notification.mail;

import java.time.Instant;

/**
 * One row of the outbox as the sender claims it.
 *
 * @param payload  the triggering event's JSON exactly as it came off the topic; any secret in it is still sealed
 * @param attempts failed attempts so far
 */
public record OutgoingEmail(
        String eventId, String eventType, String recipient, String payload, Instant expiresAt, int attempts) {}
