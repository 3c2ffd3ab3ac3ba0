package dev.watchword.events.user;

import java.time.Instant;

/**
 * A user account was created. {@code passwordHash} is an Argon2id PHC string, never a password.
 *
 * @param email normalized (trimmed, Unicode NFC, lower case); personal data
 */
public record UserRegistered(String userId, String email, String passwordHash, Instant registeredAt)
        implements UserEvent {
}
