package dev.watchword.command.user;

import java.time.Instant;

/**
 * What the log may know of a one-time secret (a link token): its hash, to check a presented token against,
 * and the token sealed for notification-service, which must put it into an email. Never the token itself.
 */
public record OneTimeSecret(String hash, String sealed, Instant expiresAt) {}
