package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * The password was replaced. {@code passwordHash} is an Argon2id PHC string. The owner is told by email.
 */
public record PasswordChanged(
        String userId,
        @Personal String email,
        @Personal @Secret String passwordHash,
        PasswordChangeReason reason,
        @Personal String ipAddress,
        Instant changedAt)
        implements UserEvent {}
