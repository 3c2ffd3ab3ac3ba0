package dev.watchword.events.user;

import java.time.Instant;

/**
 * The password was replaced. {@code passwordHash} is an Argon2id PHC string. The owner is told by email.
 */
public record PasswordChanged(String userId, String email, String passwordHash, PasswordChangeReason reason,
                              String ipAddress, Instant changedAt) implements UserEvent {
}
